import request from 'supertest';
import { logSnapshot, removeDataDir, startLedger, temporaryDataDir, type LedgerUnderTest } from '../e2e/support/ledger-under-test';
import { readSamplePage } from '../e2e/support/sample-page';
import { evidence, registration } from '../e2e/support/sample-requests';
import { waitForHistory, type HistoryEvent } from '../e2e/support/http';
import { startTestIssuer, type TestIssuer } from './support/test-issuer';

const CLIENT_ID = 'pfcc-ledger';

/**
 * Production sign-in with OpenID Connect, against an issuer served on loopback with keys made in
 * the test: Bearer JWTs are verified against its JWKS (issuer, audience, expiry, signature), the
 * role and organisation come from the configured claims, and a browser signs in with the
 * authorization code flow.
 */
describe('OpenID Connect', () => {
  let issuer: TestIssuer;
  let ledger: LedgerUnderTest;

  beforeAll(async () => {
    issuer = await startTestIssuer(CLIENT_ID);
    ledger = await startLedger(temporaryDataDir(), {
      NODE_ENV: 'production',
      LEDGER_DEV_IDENTITIES: '0',
      LEDGER_OIDC_ISSUER: issuer.issuer,
      LEDGER_OIDC_CLIENT_ID: CLIENT_ID,
      LEDGER_OIDC_AUDIENCE: 'ledger-api',
      LEDGER_OIDC_ROLE_CLAIM: 'https://pfcc.example/role',
      LEDGER_OIDC_ORGANISATION_CLAIM: 'https://pfcc.example/organisation',
    });
  });
  afterAll(async () => {
    await ledger.stop();
    removeDataDir(ledger.dataDir);
    await issuer.close();
  });

  const claims = (sub: string, role: string, organisation: string, name = `Person ${sub}`) => ({ sub, name, 'https://pfcc.example/role': role, 'https://pfcc.example/organisation': organisation });
  const token = (sub: string, role: string, organisation: string, options: Parameters<TestIssuer['sign']>[1] = {}) =>
    issuer.sign(claims(sub, role, organisation), { audience: 'ledger-api', ...options });

  it('accepts a Bearer JWT from the issuer and records its subject, name, role and organisation as the actor', async () => {
    const jwt = await token('sub-office-1', 'office', 'Cumbria OPFCC', {});
    const raised = await ledger.http().post('/api/challenges').set('Authorization', `Bearer ${jwt}`).send({ forum: 'Panel', meetingDate: '2025-02-04', question: 'Why?', answerDueBy: '2025-03-04' }).expect(201);
    const history = await ledger.http().get(`/api/challenges/${raised.body.challengeId}/history`).set('Authorization', `Bearer ${jwt}`).expect(200);
    expect((history.body.events as HistoryEvent[])[0].metadata.actor).toEqual({ id: 'sub-office-1', name: 'Person sub-office-1', role: 'office', organisation: 'Cumbria OPFCC' });
  });

  it.each([
    ['an expired JWT', () => token('sub-1', 'office', 'Cumbria OPFCC', { expiresIn: Math.floor(Date.now() / 1000) - 60 }), /expired/],
    ['a JWT from the wrong issuer', () => token('sub-1', 'office', 'Cumbria OPFCC', { issuer: 'https://idp.elsewhere.example' }), /iss claim/],
    ['a JWT for the wrong audience', () => token('sub-1', 'office', 'Cumbria OPFCC', { audience: 'another-api' }), /aud claim/],
    ['a JWT signed with a key the issuer does not publish', () => token('sub-1', 'office', 'Cumbria OPFCC', { key: 'stranger' }), /signature/],
    ['a malformed JWT', async () => 'abc.def.ghi', /well-formed/],
    ['a JWT naming no ledger role', () => token('sub-1', 'superuser', 'Cumbria OPFCC'), /names no ledger role/],
  ])('%s gets 401 and changes nothing', async (_name, make, why) => {
    const jwt = await make();
    const before = await logSnapshot(ledger.store);
    const refused = await ledger.http().post('/api/challenges').set('Authorization', `Bearer ${jwt}`).send({ forum: 'Panel', meetingDate: '2025-02-04', question: 'Why?', answerDueBy: '2025-03-04' }).expect(401);
    expect(refused.body.detail).toMatch(why);
    await ledger.http().get('/api/read/register').set('Authorization', `Bearer ${jwt}`).expect(401);
    expect(await logSnapshot(ledger.store)).toEqual(before);
  });

  it('two-person rules hold against real principals: the same subject may not verify what it marked complete, even with another role', async () => {
    const office = await token('sub-office-2', 'office', 'Cumbria OPFCC');
    const lead = await token('sub-lead', 'force-lead', 'Cumbria Constabulary');
    const leadAsVerifier = await token('sub-lead', 'verifier', 'Cumbria OPFCC');
    const registered = await ledger.http().post('/api/inspections').set('Authorization', `Bearer ${office}`).send(registration(readSamplePage())).expect(201);
    const rec = `/api/recommendations/${registered.body.findingIds[0]}`;
    expect((await waitForHistory({ ...ledger, http: () => authorised(ledger, office) } as LedgerUnderTest, `${rec}/history`)).status).toBe(200);
    await ledger.http().post(`${rec}/accept`).set('Authorization', `Bearer ${office}`).send({ commitment: 'Train everyone', plannedCompletionDate: '2025-07-31' }).expect(200);
    await ledger.http().post(`${rec}/assign-owner`).set('Authorization', `Bearer ${office}`).send({ owner: 'Head of Crime', organisation: 'Cumbria Constabulary' }).expect(200);
    const submitted = await ledger.http().post(`${rec}/evidence`).set('Authorization', `Bearer ${lead}`).send(evidence('Register')).expect(201);
    await ledger.http().post(`${rec}/mark-complete`).set('Authorization', `Bearer ${lead}`).send({ summary: 'Done', evidenceIds: [submitted.body.evidenceId] }).expect(200);
    const self = await ledger.http().post(`${rec}/verify`).set('Authorization', `Bearer ${leadAsVerifier}`).send({ comment: null }).expect(422);
    expect(self.body.rule).toBe('VerifierMustDifferFromCompleter');

    // Requester and approver: the same office person may not approve their own request.
    await ledger.http().post(`${rec}/return-for-further-work`).set('Authorization', `Bearer ${await token('sub-verifier', 'verifier', 'Cumbria OPFCC')}`).send({ reason: 'More' }).expect(200);
    await ledger.http().post(`${rec}/target-date-changes`).set('Authorization', `Bearer ${office}`).send({ from: '2025-07-31', to: '2025-09-30', reason: 'Capacity' }).expect(200);
    const ownApproval = await ledger.http().post(`${rec}/target-date-changes/approve`).set('Authorization', `Bearer ${office}`).send({ comment: null }).expect(422);
    expect(ownApproval.body.rule).toMatch(/Approver/);
    await ledger.http().post(`${rec}/target-date-changes/approve`).set('Authorization', `Bearer ${await token('sub-commissioner', 'commissioner', 'Cumbria OPFCC')}`).send({ comment: null }).expect(200);
  });

  it('signs a browser in with the authorization code flow, and the session acts as the issuer says', async () => {
    issuer.person = claims('browser-user', 'scrutiny', 'Cumbria Police, Fire and Crime Panel', 'Bea Browser');
    const page = await ledger.http().get('/register').expect(303);
    expect(page.headers.location).toBe('/sign-in?returnTo=%2Fregister');
    const signInPage = await ledger.http().get(page.headers.location).expect(200);
    expect(signInPage.text).toContain('/sign-in/oidc?returnTo=%2Fregister');

    const started = await ledger.http().get('/sign-in/oidc?returnTo=%2Fregister').expect(303);
    const authorize = new URL(started.headers.location);
    expect(authorize.origin).toBe(issuer.issuer);
    const atIssuer = await fetch(authorize, { redirect: 'manual' });
    const callback = new URL(atIssuer.headers.get('location')!);
    expect(callback.pathname).toBe('/sign-in/oidc/callback');
    const flowCookie = (started.headers['set-cookie'] as unknown as string[]).map((c) => c.split(';')[0]).join('; ');

    // Without the browser's own flow cookie (another browser, a forged callback) it is refused.
    await ledger.http().get(`${callback.pathname}${callback.search}`).expect(401);

    const signedIn = await ledger.http().get(`${callback.pathname}${callback.search}`).set('Cookie', flowCookie).expect(303);
    expect(signedIn.headers.location).toBe('/register');
    const session = (signedIn.headers['set-cookie'] as unknown as string[]).find((c) => c.startsWith('ledger_session='))!;
    expect(session).toMatch(/HttpOnly; SameSite=Lax/);
    const cookie = session.split(';')[0];
    await ledger.http().get('/register').set('Cookie', cookie).expect(200);
    const raised = await ledger.http().post('/api/challenges').set('Cookie', cookie).send({ forum: 'Panel', meetingDate: '2025-02-04', question: 'Browser?', answerDueBy: '2025-03-04' }).expect(201);
    const history = await ledger.http().get(`/api/challenges/${raised.body.challengeId}/history`).set('Cookie', cookie).expect(200);
    expect((history.body.events as HistoryEvent[])[0].metadata.actor).toEqual({ id: 'browser-user', name: 'Bea Browser', role: 'scrutiny', organisation: 'Cumbria Police, Fire and Crime Panel' });
  });
});

function authorised(ledger: LedgerUnderTest, jwt: string) {
  const agent = request.agent(ledger.url);
  agent.set('Authorization', `Bearer ${jwt}`);
  return agent;
}
