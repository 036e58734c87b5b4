import { Logger } from '@nestjs/common';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { PeopleStore } from '../../apps/api/src/identity/people/people-store';
import { SECRETS_FILE } from '../../apps/api/src/identity/session/ledger-secrets';
import { logSnapshot, removeDataDir, startLedger, temporaryDataDir, type LedgerUnderTest } from '../e2e/support/ledger-under-test';
import { bearer, startSignedInLedger, type SignedInLedger } from './support/signed-in-ledger';

/** The people store's bytes as they are on disk, its write-ahead log included. */
function peopleFiles(dataDir: string): Buffer {
  return Buffer.concat(fs.readdirSync(dataDir).filter((file) => file.startsWith('people.sqlite')).map((file) => fs.readFileSync(path.join(dataDir, file))));
}

/** The hidden field `name` of a page's form. */
function field(page: string, name: string): string {
  const match = new RegExp(`name="${name}" value="([^"]*)"`).exec(page);
  if (!match) throw new Error(`no ${name} field in the page`);
  return match[1];
}

function cookies(response: request.Response): string[] {
  const set = response.headers['set-cookie'] as unknown as string[] | undefined;
  return set ?? [];
}

function cookieHeader(...responses: request.Response[]): string {
  return responses.flatMap(cookies).map((cookie) => cookie.split(';')[0]).join('; ');
}

/** Opens a one-time link the way a browser does: the landing page, then its one button. */
async function signInWith(ledger: LedgerUnderTest, link: string, headers: Record<string, string> = {}) {
  const landing = await ledger.http().get(new URL(link).pathname).set(headers);
  if (landing.status !== 200) return { landing, posted: undefined };
  const posted = await ledger
    .http()
    .post('/sign-in/link')
    .set(headers)
    .set('Cookie', cookieHeader(landing))
    .type('form')
    .send({ _csrf: field(landing.text, '_csrf'), token: field(landing.text, 'token') });
  return { landing, posted };
}

describe('the embedded sign-in', () => {
  let printed: string[];
  let spy: jest.SpyInstance;

  beforeEach(() => {
    printed = [];
    spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      printed.push(String(chunk));
      return true;
    });
  });
  afterEach(() => spy.mockRestore());

  it('prints a one-time administrator link on the first start; it signs in once, with a session cookie, and the administrator can then add people', async () => {
    const dataDir = temporaryDataDir();
    let ledger = await startLedger(dataDir, { NODE_ENV: 'production', LEDGER_DEV_IDENTITIES: '0' });
    try {
      const link = /(http:\/\/\S+\/sign-in\/link\/lgr_link_[A-Za-z0-9_-]{43})/.exec(printed.join(''))?.[1];
      expect(link).toBeDefined();
      await ledger.http().get('/').expect(303).expect('Location', '/sign-in');

      const { posted } = await signInWith(ledger, link!);
      expect(posted!.status).toBe(303);
      const session = cookies(posted!).find((cookie) => cookie.startsWith('ledger_session='))!;
      expect(session).toMatch(/; HttpOnly/);
      expect(session).toMatch(/; SameSite=Lax/);
      expect(session).not.toMatch(/; Secure/);
      const cookie = session.split(';')[0];

      const home = await ledger.http().get('/').set('Cookie', cookie).expect(200);
      expect(home.text).toContain('Administrator');
      // Once only.
      const again = await signInWith(ledger, link!);
      expect(again.landing.status).toBe(404);

      // Nothing in the data folder holds the link, an API token or a session: only their hashes.
      const secret = new URL(link!).pathname.split('/').pop()!;
      const admin = ledger.app.get(PeopleStore).list()[0];
      const { token } = ledger.app.get(PeopleStore).createApiToken(admin.id, 'kept as a hash');
      const stored = peopleFiles(dataDir);
      for (const kept of [secret, token, cookie.split('=')[1]]) expect(stored.includes(Buffer.from(kept))).toBe(false);
      for (const kept of [secret, token]) expect(stored.includes(Buffer.from(createHash('sha256').update(kept).digest('hex')))).toBe(true);

      // The administrator records no ledger entries, and reads the secrets from the data folder after a restart.
      await ledger.http().post('/api/challenges').set('Cookie', cookie).send({ forum: 'Panel', meetingDate: '2025-02-04', question: 'Why?', answerDueBy: '2025-03-04' }).expect(403);
      expect(fs.existsSync(path.join(dataDir, SECRETS_FILE))).toBe(true);
      await ledger.stop();
      printed.length = 0;
      ledger = await startLedger(dataDir, { NODE_ENV: 'production', LEDGER_DEV_IDENTITIES: '0' });
      expect(printed.join('')).not.toContain('/sign-in/link/');
      await ledger.http().get('/').set('Cookie', cookie).expect(200);
    } finally {
      await ledger.stop();
      removeDataDir(dataDir);
    }
  });

  it('marks the session cookie Secure behind an HTTPS proxy when trust proxy is configured', async () => {
    const ledger = await startSignedInLedger({ LEDGER_TRUST_PROXY: 'loopback' });
    try {
      const link = ledger.store_.createSignInLink(ledger.people.office.person.id);
      const { posted } = await signInWith(ledger, `http://x/sign-in/link/${link}`, { 'X-Forwarded-Proto': 'https' });
      expect(cookies(posted!).find((cookie) => cookie.startsWith('ledger_session='))).toMatch(/; Secure/);
    } finally {
      await ledger.stop();
      removeDataDir(ledger.dataDir);
    }
  });

  it('limits sign-in attempts', async () => {
    const ledger = await startSignedInLedger({ LEDGER_SIGN_IN_PER_MINUTE: '3' });
    try {
      const statuses: number[] = [];
      for (let attempt = 0; attempt < 5; attempt++) statuses.push((await ledger.http().get(`/sign-in/link/lgr_link_${'a'.repeat(43)}`)).status);
      expect(statuses).toEqual([404, 404, 404, 429, 429]);
    } finally {
      await ledger.stop();
      removeDataDir(ledger.dataDir);
    }
  });
});

describe('credentials that are not good get 401', () => {
  let ledger: SignedInLedger;
  beforeAll(async () => {
    ledger = await startSignedInLedger();
  });
  afterAll(async () => {
    await ledger.stop();
    removeDataDir(ledger.dataDir);
  });

  it.each([
    ['no token', {}],
    ['a malformed Authorization header', { Authorization: 'Token abc' }],
    ['a malformed bearer token', { Authorization: 'Bearer not a token' }],
    ['an unknown API token', { Authorization: `Bearer lgr_api_${'x'.repeat(43)}` }],
    ['a JWT with no identity provider configured', { Authorization: 'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.' }],
    ['a forged session cookie', { Cookie: 'ledger_session=eyJraW5kIjoicGVyc29uIn0.forged' }],
  ])('%s', async (_name, headers: Record<string, string>) => {
    const before = await logSnapshot(ledger.store);
    const read = await ledger.http().get('/api/read/register').set(headers).expect(401);
    expect(read.headers['content-type']).toMatch(/^application\/problem\+json/);
    await ledger.http().post('/api/challenges').set(headers).send({ forum: 'Panel', meetingDate: '2025-02-04', question: 'Why?', answerDueBy: '2025-03-04' }).expect(401);
    expect(await logSnapshot(ledger.store)).toEqual(before);
  });

  it('a revoked token, and the token of a disabled person', async () => {
    const revoked = ledger.register('Revoked', 'scrutiny', 'Panel');
    await ledger.http().get('/api/read/register').set(bearer(revoked)).expect(200);
    ledger.store_.revokeApiToken(ledger.store_.listApiTokens(revoked.person.id)[0].id);
    await ledger.http().get('/api/read/register').set(bearer(revoked)).expect(401);

    const leaver = ledger.register('Leaver', 'office', 'Cumbria OPFCC');
    await ledger.http().get('/api/read/register').set(bearer(leaver)).expect(200);
    ledger.store_.disable(leaver.person.id);
    const refused = await ledger.http().get('/api/read/register').set(bearer(leaver)).expect(401);
    expect(refused.body.detail).toMatch(/revoked, or its person is disabled/);
  });

  it('logs every refusal with who, what and why, and never a token or a cookie', async () => {
    const warnings: string[] = [];
    const spy = jest.spyOn(Logger.prototype, 'warn').mockImplementation((message: unknown) => {
      warnings.push(String(message));
    });
    try {
      const secret = `lgr_api_${'s'.repeat(43)}`;
      await ledger.http().get('/api/exports/ledger.jsonl').set('Authorization', `Bearer ${secret}`).expect(401);
      await ledger.http().get('/api/exports/ledger.jsonl').set('Cookie', 'ledger_session=secret-cookie-value').expect(401);
      await ledger.http().get('/api/ledger/verify').set(bearer(ledger.people['force-lead'])).expect(403);
      await ledger.http().get(`/sign-in/link/lgr_link_${'k'.repeat(43)}`).expect(404);
      expect(warnings).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^401 GET \/api\/exports\/ledger\.jsonl refused for anonymous from .*: The API token is not known/),
          expect.stringMatching(/^401 GET \/api\/exports\/ledger\.jsonl refused for anonymous from .*: nobody is signed in/),
          expect.stringMatching(new RegExp(`^403 GET /api/ledger/verify refused for ${ledger.people['force-lead'].person.id} \\(force-lead, Cumbria Constabulary\\): verify-ledger is allowed to the roles`)),
        ]),
      );
      const all = warnings.join('\n');
      for (const secretText of [secret, 'secret-cookie-value', ledger.people['force-lead'].token, 'k'.repeat(43)]) expect(all).not.toContain(secretText);
    } finally {
      spy.mockRestore();
    }
  });
});
