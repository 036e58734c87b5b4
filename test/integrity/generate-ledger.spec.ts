import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { type RecordedEvent, SqliteEventStore } from '@ledger/event-store';
import { verifyStore } from '@ledger/integrity';
import { generateLedger } from './support/generate-ledger';

/** The bulk ledger the benchmark times as-at and changes on must have the back-filled shape issue 10 asks about. */
describe('the generated ledger', () => {
  let dir: string;
  let store: SqliteEventStore;
  const streams = new Map<string, RecordedEvent[]>();

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-generated-'));
    store = SqliteEventStore.open(path.join(dir, 'events.sqlite'));
    await generateLedger(store, 400, { concurrency: 4, eventsPerFinding: 100 });
    for await (const event of store.readAll()) streams.set(event.streamId, [...(streams.get(event.streamId) ?? []), event]);
  });
  afterAll(async () => {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('holds findings of the length asked for, every chain intact', async () => {
    expect([...streams.values()].map((events) => events.length)).toEqual([100, 100, 100, 100]);
    expect(await verifyStore(store)).toMatchObject({ ok: true, events: 400, streams: 4 });
  });

  it('back-fills every other finding: typed in on one day of 2026, dated with the 2024-2025 days they happened, one report out of order', () => {
    const [backFilled, live] = [...streams.values()];
    const occurred = backFilled.map((event) => event.metadata.occurredAt as string);
    const recorded = backFilled.map((event) => event.metadata.recordedAt as string);
    expect(occurred.every((day) => /^202[45]-\d\d-\d\d$/.test(day))).toBe(true);
    expect(new Set(recorded.map((instant) => instant.slice(0, 10))).size).toBe(1);
    expect(recorded[0].startsWith('2026-')).toBe(true);
    expect(occurred.filter((day, i) => i > 0 && day < occurred[i - 1])).toHaveLength(1);

    expect(live.every((event) => event.metadata.occurredAt === event.metadata.recordedAt && /T10:00:00.000Z$/.test(event.metadata.occurredAt as string))).toBe(true);
  });

  it('refuses a finding too short for its story', async () => {
    await expect(generateLedger(store, 100, { eventsPerFinding: 10 })).rejects.toThrow(/eventsPerFinding must be a whole number of at least 18/);
  });
});
