import path from 'node:path';
import { SqliteEventStore } from '@ledger/event-store';
import { removeDataDir, startLedger, temporaryDataDir, type LedgerUnderTest } from './support/ledger-under-test';

/**
 * An event a projection cannot apply stops that projection, visibly: /health names it, the
 * event and the error, while the projections that can go on do.
 */
describe('health with a faulted projection', () => {
  let ledger: LedgerUnderTest;
  let dataDir: string;
  const stray = '6f1c1b7e-0000-4000-8000-000000000001';

  beforeAll(async () => {
    dataDir = temporaryDataDir();
    // A decision on a finding that was never issued: written straight to the file, as no command could.
    const raw = SqliteEventStore.open(path.join(dataDir, 'events.sqlite'));
    await raw.append(
      'recommendation-never-issued',
      [
        {
          id: stray,
          type: 'RecommendationAccepted',
          data: { recommendationId: 'never-issued', commitment: 'Train every detective', plannedCompletionDate: null },
          metadata: { schemaVersion: 2, actor: { id: 'x', name: 'X', role: 'office', organisation: 'OPFCC' }, occurredAt: '2024-09-01T00:00:00.000Z', recordedAt: '2024-09-01T00:00:00.000Z' },
        },
      ],
      'no_stream',
    );
    await raw.close();
    ledger = await startLedger(dataDir);
  });
  afterAll(async () => {
    await ledger.stop();
    removeDataDir(dataDir);
  });

  it('answers 503 "degraded", naming each faulted projection, the event and the error; the others stay live', async () => {
    // On a first start every read model loads from the log; wait until each has settled.
    const deadline = Date.now() + 30_000;
    let body: { status: string; projections: { name: string; state: string; fault: { eventId: string; error: string } | null }[] };
    let status: number;
    do {
      const response = await ledger.http().get('/health');
      ({ status, body } = response);
      if (body.projections.some((p) => p.state === 'faulted') && body.projections.every((p) => p.state === 'live' || p.state === 'faulted')) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    } while (Date.now() < deadline);

    expect(status).toBe(503);
    expect(body.status).toBe('degraded');
    const register = body.projections.find((p) => p.name === 'register');
    expect(register).toMatchObject({ state: 'faulted', fault: { eventId: stray, error: expect.stringContaining('never issued') } });
    expect(body.projections.find((p) => p.name === 'statutory_compliance')).toMatchObject({ state: 'live', fault: null });
  }, 60_000);
});
