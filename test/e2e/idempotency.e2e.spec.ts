import { readSamplePage } from './support/sample-page';
import { registration } from './support/sample-requests';
import { post, waitForHistory } from './support/http';
import { isBookkeepingStream } from '@ledger/event-store';
import { logSnapshot, readLog, removeDataDir, startLedger, type LedgerUnderTest } from './support/ledger-under-test';

/** Events in the ledger's own streams: the idempotency records kept beside them are not counted. */
async function ledgerEvents(ledger: LedgerUnderTest): Promise<number> {
  return (await readLog(ledger.store)).filter((event) => !isBookkeepingStream(event.streamId)).length;
}

describe('Idempotency-Key over HTTP', () => {
  let ledger: LedgerUnderTest;
  let rec: string;

  beforeAll(async () => {
    ledger = await startLedger();
    const registered = await post(ledger, '/api/inspections', registration(readSamplePage())).expect(201);
    rec = `/api/recommendations/${registered.body.findingIds[0]}`;
    expect((await waitForHistory(ledger, `${rec}/history`)).status).toBe(200);
    await post(ledger, `${rec}/accept`, { commitment: 'Train every investigating detective' }).expect(200);
    await post(ledger, `${rec}/assign-owner`, { owner: 'Head of Crime', organisation: 'Cumbria Constabulary' }).expect(200);
  });
  afterAll(async () => {
    await ledger.stop();
    removeDataDir(ledger.dataDir);
  });

  const progress = { narrative: 'Half the detectives trained', percentComplete: 50, rag: 'green' };

  it('a retried command appends once and gets the same status, body and ETag', async () => {
    const first = await post(ledger, `${rec}/progress`, progress, { headers: { 'Idempotency-Key': 'progress-1' } }).expect(200);
    const afterFirst = await logSnapshot(ledger.store);
    const retry = await post(ledger, `${rec}/progress`, progress, { headers: { 'Idempotency-Key': 'progress-1' } }).expect(200);

    expect(retry.body).toEqual(first.body);
    expect(retry.headers.etag).toBe(first.headers.etag);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(await logSnapshot(ledger.store)).toEqual(afterFirst);
  });

  it('retries racing each other append once and all get the first answer', async () => {
    const before = (await ledgerEvents(ledger));
    const body = { ...progress, narrative: 'Three quarters trained' };
    const answers = await Promise.all(Array.from({ length: 5 }, () => post(ledger, `${rec}/progress`, body, { headers: { 'Idempotency-Key': '"progress-2"' } })));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
    expect(new Set(answers.map((a) => JSON.stringify(a.body))).size).toBe(1);
    expect((await ledgerEvents(ledger))).toBe(before + 1);
  });

  it('a created id is the same on a retry, so the retry cannot create a second one', async () => {
    const evidence = { title: 'Training register', reference: 'DOC-1', sha256: 'a'.repeat(64), classification: 'OFFICIAL' };
    const first = await post(ledger, `${rec}/evidence`, evidence, { headers: { 'Idempotency-Key': 'evidence-1' } }).expect(201);
    const retry = await post(ledger, `${rec}/evidence`, evidence, { headers: { 'Idempotency-Key': 'evidence-1' } }).expect(201);
    expect(retry.body.evidenceId).toBe(first.body.evidenceId);
  });

  it('keys are scoped by principal: another person may use the same key for their own command', async () => {
    const before = (await ledgerEvents(ledger));
    const mine = await post(ledger, `${rec}/progress`, { ...progress, narrative: 'Mine' }, { headers: { 'Idempotency-Key': 'shared-key' } }).expect(200);
    const theirs = await post(ledger, `${rec}/progress`, { ...progress, narrative: 'Mine' }, { as: 'force-action-owner', headers: { 'Idempotency-Key': 'shared-key' } }).expect(200);
    expect(theirs.body.eventIds).not.toEqual(mine.body.eventIds);
    expect((await ledgerEvents(ledger))).toBe(before + 2);
  });

  it('the same key with a different body is refused, naming the rule, and appends nothing', async () => {
    await post(ledger, `${rec}/progress`, progress, { headers: { 'Idempotency-Key': 'progress-3' } }).expect(200);
    const before = await logSnapshot(ledger.store);
    const reused = await post(ledger, `${rec}/progress`, { ...progress, percentComplete: 60 }, { headers: { 'Idempotency-Key': 'progress-3' } }).expect(422);
    expect(reused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(reused.body).toMatchObject({ status: 422, rule: 'IdempotencyKeyReused', field: 'Idempotency-Key' });
    expect(await logSnapshot(ledger.store)).toEqual(before);
  });

  it('a refused command is not remembered: the same key may be retried once the cause is fixed', async () => {
    await post(ledger, `${rec}/verify`, {}, { as: 'performance-lead', headers: { 'Idempotency-Key': 'verify-early' } }).expect(422);
    const again = await post(ledger, `${rec}/verify`, {}, { as: 'performance-lead', headers: { 'Idempotency-Key': 'verify-early' } }).expect(422);
    expect(again.body.rule).toBe('IllegalTransition');
  });
});
