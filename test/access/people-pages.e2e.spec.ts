import request from 'supertest';
import { removeDataDir } from '../e2e/support/ledger-under-test';
import { bearer, startSignedInLedger, type SignedInLedger } from './support/signed-in-ledger';

function field(page: string, name: string): string {
  const match = new RegExp(`name="${name}" value="([^"]*)"`).exec(page);
  if (!match) throw new Error(`no ${name} field in the page`);
  return match[1];
}

function cookieOf(response: request.Response): string {
  return ((response.headers['set-cookie'] as unknown as string[] | undefined) ?? []).map((cookie) => cookie.split(';')[0]).join('; ');
}

/** The administrator's pages: add a person (and see their one-time link once), issue a token, disable. */
describe('the people pages', () => {
  let ledger: SignedInLedger;
  beforeAll(async () => {
    ledger = await startSignedInLedger();
  });
  afterAll(async () => {
    await ledger.stop();
    removeDataDir(ledger.dataDir);
  });

  it('let the administrator add a person who then signs in with the link shown once, issue them a token, and disable them', async () => {
    const admin = bearer(ledger.people.admin);
    const page = await ledger.http().get('/people').set(admin).expect(200);
    expect(page.text).toContain('Test office');
    const cookie = cookieOf(page);

    const refused = await ledger.http().post('/people').set(admin).set('Cookie', cookie).type('form').send({ _csrf: field(page.text, '_csrf'), name: '', role: 'wizard', organisation: '' }).expect(400);
    expect(refused.text).toContain('Choose a role');

    const added = await ledger.http().post('/people').set(admin).set('Cookie', cookie).type('form').send({ _csrf: field(page.text, '_csrf'), name: 'Priya Shah', role: 'verifier', organisation: 'Cumbria OPFCC' }).expect(201);
    const link = /\/sign-in\/link\/(lgr_link_[A-Za-z0-9_-]{43})/.exec(added.text)![0];
    const landing = await ledger.http().get(link).expect(200);
    const signedIn = await ledger.http().post('/sign-in/link').set('Cookie', cookieOf(landing)).type('form').send({ _csrf: field(landing.text, '_csrf'), token: field(landing.text, 'token') }).expect(303);
    const session = cookieOf(signedIn);
    expect((await ledger.http().get('/').set('Cookie', session).expect(200)).text).toContain('Priya Shah (verifier, Cumbria OPFCC)');

    const priya = ledger.store_.list().find((person) => person.name === 'Priya Shah')!;
    const issued = await ledger.http().post(`/people/${priya.id}/tokens`).set(admin).set('Cookie', cookie).type('form').send({ _csrf: field(page.text, '_csrf') }).expect(201);
    const token = /lgr_api_[A-Za-z0-9_-]{43}/.exec(issued.text)![0];
    await ledger.http().get('/api/read/register').set('Authorization', `Bearer ${token}`).expect(200);

    await ledger.http().post(`/people/${priya.id}/disable`).set(admin).set('Cookie', cookie).type('form').send({ _csrf: field(page.text, '_csrf') }).expect(303);
    await ledger.http().get('/api/read/register').set('Authorization', `Bearer ${token}`).expect(401);
    await ledger.http().get('/register').set('Cookie', session).expect(303);
  });

  it('are the administrator\'s alone, and refuse a form from elsewhere', async () => {
    await ledger.http().get('/people').set(bearer(ledger.people.office)).expect(403);
    await ledger.http().get('/people').expect(303);
    const before = ledger.store_.list().length;
    await ledger.http().post('/people').set(bearer(ledger.people.admin)).type('form').send({ name: 'Mallory', role: 'admin', organisation: 'Elsewhere' }).expect(403);
    expect(ledger.store_.list()).toHaveLength(before);
  });
});
