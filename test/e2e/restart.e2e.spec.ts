import { readSamplePage } from './support/sample-page';
import { registration } from './support/sample-requests';
import { post, waitForHistory } from './support/http';
import { removeDataDir, startLedger, temporaryDataDir } from './support/ledger-under-test';

describe('the server keeps its data across a restart', () => {
  const dataDir = temporaryDataDir();
  afterAll(() => removeDataDir(dataDir));

  it('answers the same history, continues the same streams, and still knows its idempotency keys', async () => {
    const first = await startLedger(dataDir);
    const registered = await post(first, '/api/inspections', registration(readSamplePage())).expect(201);
    const rec = `/api/recommendations/${registered.body.findingIds[0]}`;
    expect((await waitForHistory(first, `${rec}/history`)).status).toBe(200);
    const accepted = await post(first, `${rec}/accept`, { commitment: 'Train every investigating detective' }, { headers: { 'Idempotency-Key': 'accept-once' } }).expect(200);
    const before = await first.http().get(`${rec}/history`).expect(200);
    const inspectionBefore = await first.http().get(`/api/inspections/${registered.body.inspectionId}/history`).expect(200);
    await first.stop();

    const second = await startLedger(dataDir);
    try {
      const after = await second.http().get(`${rec}/history`).expect(200);
      expect(after.body).toEqual(before.body);
      expect(after.headers.etag).toBe(before.headers.etag);
      expect((await second.http().get(`/api/inspections/${registered.body.inspectionId}/history`).expect(200)).body).toEqual(inspectionBefore.body);

      const retried = await post(second, `${rec}/accept`, { commitment: 'Train every investigating detective' }, { headers: { 'Idempotency-Key': 'accept-once' } }).expect(200);
      expect(retried.body).toEqual(accepted.body);

      const progress = await post(second, `${rec}/progress`, { narrative: 'Training under way', rag: 'green' }).expect(200);
      expect(BigInt(progress.body.revision)).toBeGreaterThan(BigInt(before.body.revision));
      expect(BigInt(progress.body.position)).toBeGreaterThan(BigInt(before.body.events.at(-1).position));
    } finally {
      await second.stop();
    }
  });
});
