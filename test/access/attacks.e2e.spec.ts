import { logSnapshot, removeDataDir } from '../e2e/support/ledger-under-test';
import type { HistoryEvent } from '../e2e/support/http';
import { evidence } from '../e2e/support/sample-requests';
import { COMMAND_SCENARIOS } from './support/command-scenarios';
import { bearer, OTHER_FORCE, startSignedInLedger, type SignedInLedger } from './support/signed-in-ledger';

/** Each way the issue found to do harm, tried against a ledger running as in production: each now fails, and records nothing. */
describe('the harms of issue 9, tried again', () => {
  let ledger: SignedInLedger;
  beforeAll(async () => {
    ledger = await startSignedInLedger();
  });
  afterAll(async () => {
    await ledger.stop();
    removeDataDir(ledger.dataDir);
  });

  it('production has real people: two of them complete and verify, each recorded as themselves', async () => {
    const { path } = await COMMAND_SCENARIOS.MarkComplete(ledger);
    const rec = path.replace(/\/mark-complete$/, '');
    const submitted = await ledger.http().post(`${rec}/evidence`).set(bearer(ledger.people['force-lead'])).send(evidence('Register')).expect(201);
    await ledger.http().post(`${rec}/mark-complete`).set(bearer(ledger.people['force-lead'])).send({ summary: 'Done', evidenceIds: [submitted.body.evidenceId] }).expect(200);
    await ledger.http().post(`${rec}/verify`).set(bearer(ledger.people.verifier)).send({ comment: 'Checked' }).expect(200);
    const history = await ledger.http().get(`${rec}/history`).set(bearer(ledger.people.scrutiny)).expect(200);
    const actors = Object.fromEntries((history.body.events as HistoryEvent[]).map((event) => [event.type, event.metadata.actor.id]));
    expect(actors.RecommendationMarkedComplete).toBe(ledger.people['force-lead'].person.id);
    expect(actors.RecommendationCompletionVerified).toBe(ledger.people.verifier.person.id);
  });

  it('the liaison may not mark complete, the force lead may not verify, the same force lead may not close', async () => {
    const verifiable = await COMMAND_SCENARIOS.VerifyCompletion(ledger);
    const rec = verifiable.path.replace(/\/verify$/, '');
    const before = await logSnapshot(ledger.store);
    const liaison = await ledger.http().post(`${rec}/mark-complete`).set(bearer(ledger.people['hmicfrs-liaison'])).send({ summary: 'Done', evidenceIds: [] }).expect(403);
    expect(liaison.body.detail).toMatch(/MarkComplete is allowed to the roles office, force-lead/);
    await ledger.http().post(`${rec}/verify`).set(bearer(ledger.people['force-lead'])).send({ comment: null }).expect(403);
    await ledger.http().post(`${rec}/close`).set(bearer(ledger.people['force-lead'])).send({ comment: "with the PFCC's sign-off" }).expect(403);
    expect(await logSnapshot(ledger.store)).toEqual(before);
  });

  it("a force lead may not touch another organisation's recommendation", async () => {
    const { path, body } = await COMMAND_SCENARIOS.RecordProgress(ledger);
    const rec = path.replace(/\/progress$/, '');
    const before = await logSnapshot(ledger.store);
    const other = bearer(ledger.otherForceLead);
    const refused = await ledger.http().post(path).set(other).send(body).expect(403);
    expect(refused.body).toMatchObject({ rule: 'NotOwnOrganisation', detail: expect.stringContaining(`acts only on recommendations owned by ${OTHER_FORCE}`) });
    await ledger.http().post(`${rec}/evidence`).set(other).send(evidence('Elsewhere')).expect(403);
    await ledger.http().post(`${rec}/assign-owner`).set(other).send({ owner: 'Me', organisation: OTHER_FORCE }).expect(403);
    // Nor move one of their own into another organisation's hands.
    await ledger.http().post(`${rec}/assign-owner`).set(bearer(ledger.people['force-lead'])).send({ owner: 'Them', organisation: OTHER_FORCE }).expect(403);
    expect(await logSnapshot(ledger.store)).toEqual(before);
  });

  it('only the office records on behalf of someone else', async () => {
    const { path, body } = await COMMAND_SCENARIOS.RecordProgress(ledger);
    const before = await logSnapshot(ledger.store);
    const refused = await ledger.http().post(path).set(bearer(ledger.people['force-lead'])).send({ ...body, onBehalfOf: { name: 'Chief Constable', role: 'Chief Constable', organisation: 'Cumbria Constabulary' } }).expect(403);
    expect(refused.body.rule).toBe('OnBehalfOfNotAllowed');
    expect(await logSnapshot(ledger.store)).toEqual(before);
    await ledger.http().post(path).set(bearer(ledger.people.office)).send({ ...body, onBehalfOf: { name: 'Chief Constable', role: 'Chief Constable', organisation: 'Cumbria Constabulary' } }).expect(200);
  });

  it('a command a browser sends from another site is refused before it is read, even with good credentials; the ledger’s own pages and clients that are not browsers are not', async () => {
    const { path, body } = await COMMAND_SCENARIOS.RecordProgress(ledger);
    const lead = bearer(ledger.people['force-lead']);
    const before = await logSnapshot(ledger.store);
    for (const headers of [{ Origin: 'https://evil.example' }, { Origin: 'null' }, { 'Sec-Fetch-Site': 'cross-site' }, { 'Sec-Fetch-Site': 'same-site' }, { Origin: ledger.url, 'Sec-Fetch-Site': 'cross-site' }]) {
      const refused = await ledger.http().post(path).set(lead).set(headers).send(body);
      expect({ headers, status: refused.status }).toEqual({ headers, status: 403 });
      expect(refused.body.detail).toMatch(/another website/);
    }
    expect(await logSnapshot(ledger.store)).toEqual(before);
    await ledger.http().post(path).set(lead).set({ Origin: ledger.url, 'Sec-Fetch-Site': 'same-origin' }).send(body).expect(200);
    await ledger.http().post(path).set(lead).send(body).expect(200);
  });

  it('nobody may read or export anonymously', async () => {
    for (const path of ['/api/exports/ledger.jsonl', '/api/exports/ledger.csv', '/api/exports/ledger.xlsx', '/api/read/register', '/api/ledger/digest', '/pack']) {
      const answer = await ledger.http().get(path);
      expect({ path, status: answer.status }).toEqual({ path, status: path.startsWith('/api') ? 401 : 303 });
      expect(answer.headers['content-disposition']).toBeUndefined();
    }
  });
});
