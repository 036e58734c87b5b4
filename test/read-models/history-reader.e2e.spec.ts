import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { READ_MODELS_FILE } from '@ledger/projections';
import { HistoryReader } from '@ledger/projections/read-models';
import { readSamplePage } from '../e2e/support/sample-page';
import { CHIEF_CONSTABLE, OFFICE_STAFF, rec03Commitment, registration } from '../e2e/support/sample-requests';
import { startReadApi, type ReadApi } from './support/read-api-under-test';

const NOW = new Date('2025-02-03T10:00:00Z');
const page = readSamplePage();

/** A data folder with the API on it, the sample inspection registered. */
async function started(): Promise<{ dataDir: string; api: ReadApi; rec03: string; position: string }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-'));
  const api = await startReadApi(dataDir, () => NOW);
  const registered = await api.http().post('/api/inspections').set('X-Ledger-Dev-User', OFFICE_STAFF).send(registration(page)).expect(201);
  return { dataDir, api, rec03: registered.body.findingIds[0], position: registered.body.position };
}

describe('as-at and changes over HTTP, answered by the history reader threads', () => {
  it('read their own writes with ?atLeast=, on the API and the pages, and stop their threads with the application', async () => {
    const { dataDir, api, rec03 } = await started();
    const reader = api.app.get(HistoryReader);
    try {
      const accepted = await api
        .http()
        .post(`/api/recommendations/${rec03}/accept`)
        .set('X-Ledger-Dev-User', OFFICE_STAFF)
        .send({ commitment: rec03Commitment(page), plannedCompletionDate: '2025-01-31', onBehalfOf: CHIEF_CONSTABLE, occurredAt: '2024-10-10T09:30:00Z' })
        .expect(200);
      const atLeast = accepted.body.position;

      const asAt = await api.http().get('/api/read/as-at').query({ date: '2024-10-10', atLeast }).expect(200);
      expect(asAt.headers['ledger-consistent']).toBe('true');
      expect(asAt.body).toMatchObject({ consistent: true, atLeast, date: '2024-10-10', basis: 'occurred', total: 5 });
      expect(asAt.body.items).toEqual(expect.arrayContaining([expect.objectContaining({ recommendationId: rec03, status: 'Accepted' })]));
      const changes = await api.http().get('/api/read/changes').query({ from: '2025-02-03', to: '2025-02-03', basis: 'recorded', atLeast }).expect(200);
      expect(changes.body).toMatchObject({ consistent: true, atLeast });
      expect(changes.body.findings).toEqual(expect.arrayContaining([expect.objectContaining({ recommendationId: rec03, statusAtStart: null, statusAtEnd: 'Accepted' })]));
      expect(reader.running).toBeGreaterThan(0);

      const asAtPage = await api.http().get('/as-at').query({ date: '2024-10-10' }).set('X-Ledger-Dev-User', OFFICE_STAFF).expect(200);
      expect(asAtPage.text).toContain('REC 03');
      const changesPage = await api.http().get('/changes').query({ from: '2025-02-03', to: '2025-02-03', basis: 'recorded', atLeast }).set('X-Ledger-Dev-User', OFFICE_STAFF).expect(200);
      expect(changesPage.text).toContain('REC 03');
    } finally {
      await api.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
    expect(reader.running).toBe(0);
  }, 60_000);

  it('turns an error thrown in a reader thread into the same problem+json as any failed read', async () => {
    const { dataDir, api } = await started();
    // The history's file goes away under the reader threads (none has attached it yet): its query fails in the thread.
    const history = path.join(dataDir, READ_MODELS_FILE.replace(/\.sqlite$/, '.history.g1.sqlite'));
    fs.renameSync(history, `${history}.away`);
    try {
      const answer = await api.http().get('/api/read/as-at').query({ date: '2025-02-02' }).expect(500);
      expect(answer.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(answer.body).toMatchObject({ type: 'tag:pfcc-ledger,2024:problems/internal-error', status: 500 });
      expect(JSON.stringify(answer.body)).not.toContain('history');
    } finally {
      fs.renameSync(`${history}.away`, history);
      await api.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});
