import { SqliteEventStore } from '@ledger/event-store';
import { verifyStore } from '@ledger/integrity';
import path from 'node:path';
import { readSamplePage } from './support/sample-page';
import { CHIEF_CONSTABLE, rec03Commitment, registration } from './support/sample-requests';
import { post } from './support/http';
import { readLog, removeDataDir, startLedger, type LedgerUnderTest } from './support/ledger-under-test';

describe('what the API records is hash-chained and verifiable', () => {
  let ledger: LedgerUnderTest;

  beforeAll(async () => {
    ledger = await startLedger();
  });
  afterAll(async () => {
    await ledger.stop();
    removeDataDir(ledger.dataDir);
  });

  it('chains every event of every stream it writes, and the stored log verifies from the start', async () => {
    const page = readSamplePage();
    const registered = await post(ledger, '/api/inspections', registration(page)).expect(201);
    const [rec03] = registered.body.findingIds as string[];
    await post(ledger, `/api/recommendations/${rec03}/accept`, { commitment: rec03Commitment(page), plannedCompletionDate: '2025-01-31', onBehalfOf: CHIEF_CONSTABLE }).expect(200);

    // Read the file as stored, not through the API's store.
    const raw = SqliteEventStore.open(path.join(ledger.dataDir, 'events.sqlite'));
    try {
      const events = await readLog(raw);
      const byStream = new Map<string, string | null>();
      for (const event of events) {
        expect(event.metadata['hash']).toMatch(/^[0-9a-f]{64}$/);
        expect(event.metadata['prevHash']).toBe(byStream.get(event.streamId) ?? null);
        byStream.set(event.streamId, event.metadata['hash'] as string);
      }
      // An inspection, five findings, a statutory response, and the reservation of its title and date.
      expect(byStream.size).toBe(8);

      const report = await verifyStore(raw);
      expect(report).toMatchObject({ ok: true, break: null, events: events.length, streams: 8 });
    } finally {
      await raw.close();
    }
  });
});
