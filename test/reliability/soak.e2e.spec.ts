import * as path from 'node:path';
import { SqliteEventStore } from '@ledger/event-store';
import { verifyStore } from '@ledger/integrity';
import { type ReadModels, verifyProjections } from '@ledger/projections';
import { READ_MODELS } from '../../apps/api/src/read-models/read-models.tokens';
import { readSamplePage } from '../e2e/support/sample-page';
import { registration } from '../e2e/support/sample-requests';
import { post, waitForHistory } from '../e2e/support/http';
import { readLog, removeDataDir, startLedger, temporaryDataDir, type LedgerUnderTest } from '../e2e/support/ledger-under-test';

/** LEDGER_SOAK_SECONDS runs the longer soak; npm test runs a short one. */
const SECONDS = Number(process.env.LEDGER_SOAK_SECONDS ?? 4);
const CLIENTS = 12;

interface Answer {
  status: number;
  eventIds: string[];
}

describe('soak: mixed commands and queries from many clients for a fixed time', () => {
  let ledger: LedgerUnderTest;
  let raw: SqliteEventStore;

  beforeAll(async () => {
    const dataDir = temporaryDataDir();
    raw = SqliteEventStore.open(path.join(dataDir, 'events.sqlite'));
    ledger = await startLedger(dataDir, {}, { eventStore: raw });
  });
  afterAll(async () => {
    await ledger.stop();
    await raw.close();
    removeDataDir(ledger.dataDir);
  });

  it('every 2xx command is in the log, nothing answered 5xx, the chains verify, and the live read models equal a rebuild', async () => {
    const registered = await post(ledger, '/api/inspections', registration(readSamplePage())).expect(201);
    const findings = registered.body.findingIds as string[];
    for (const id of findings) {
      expect((await waitForHistory(ledger, `/api/recommendations/${id}/history`)).status).toBe(200);
      await post(ledger, `/api/recommendations/${id}/accept`, { commitment: 'We will act on it' }).expect(200);
    }
    const answers: Answer[] = [];
    const deadline = Date.now() + SECONDS * 1000;
    const client = async (n: number) => {
      for (let i = 0; Date.now() < deadline; i += 1) {
        const id = findings[(n + i) % findings.length];
        const pick = (n * 7 + i) % 6;
        const response =
          pick === 0
            ? await post(ledger, `/api/recommendations/${id}/assign-owner`, { owner: `Owner ${n}-${i}`, organisation: 'Constabulary' })
            : pick === 1
              ? await post(ledger, `/api/recommendations/${id}/progress`, { narrative: `Update ${n}-${i}`, percentComplete: i % 100, rag: 'amber' }, { as: 'force-action-owner' })
              : pick === 2
                ? await post(ledger, `/api/recommendations/${id}/reject`, { reason: 'Not for us' }) // refused: already accepted
                : pick === 3
                  ? await ledger.http().get(`/api/recommendations/${id}/history`)
                  : pick === 4
                    ? await ledger.http().get('/api/read/register')
                    : await ledger.http().get('/api/read/dashboard');
        answers.push({ status: response.status, eventIds: response.status < 300 && Array.isArray(response.body.eventIds) ? response.body.eventIds : [] });
      }
    };
    await Promise.all(Array.from({ length: CLIENTS }, (_, n) => client(n)));

    expect(answers.filter((answer) => answer.status >= 500)).toEqual([]);
    const written = answers.flatMap((answer) => answer.eventIds);
    expect(written.length).toBeGreaterThan(CLIENTS);
    expect(answers.some((answer) => answer.status === 422)).toBe(true);
    const log = await readLog(ledger.store);
    const stored = new Set(log.map((event) => event.id));
    expect(written.filter((id) => !stored.has(id))).toEqual([]);

    expect(await verifyStore(raw)).toMatchObject({ ok: true, events: log.length });
    const readModels = ledger.app.get<ReadModels>(READ_MODELS);
    expect(await readModels.waitForPosition(log[log.length - 1].position, 10_000)).toBe(true);
    const verification = await verifyProjections(ledger.store, readModels);
    expect(verification.projections.map((p) => [p.projection, p.outcome])).toEqual(readModels.projections.map((p) => [p.name, 'identical']));
  }, 120_000);
});
