/**
 * The EventStoreDB adapter's read path against the raw client it wraps: 10^5 events read from
 * the start of $all through `EsdbEventStore.readAll` and through `EventStoreDBClient.readAll`,
 * both over gRPC from the same emulator in the same run. The goal is a ratio, adapter events/s
 * over client events/s, of at least 0.8.
 *   node -r ./test/support/register-ts.js test/bench/esdb-read.bench.ts [EVENTS]
 */
import { randomUUID } from 'node:crypto';
import { EventStoreDBClient, FORWARDS, START, jsonEvent } from '@eventstore/db-client';
import { EsdbEventStore } from '@ledger/event-store/esdb/esdb-event-store';
import { startEmulator } from '../esdb-emulator/start-emulator';

export const ESDB_READ_GOAL = 0.8;
const EVENTS_PER_APPEND = 500;
/** Each path is timed this many times, alternately; the best of each counts (the least disturbed by a shared machine). */
const ROUNDS = 5;

export interface EsdbReadFigures {
  events: number;
  /** Events per second. */
  adapter: number;
  client: number;
  ratio: number;
  pass: boolean;
}

export async function esdbReadBench(events = 100_000): Promise<EsdbReadFigures> {
  const emulator = await startEmulator();
  const client = EventStoreDBClient.connectionString(emulator.connectionString);
  const adapter = await EsdbEventStore.connect(emulator.connectionString, { logger: { log: () => undefined, warn: () => undefined } });
  try {
    for (let first = 0; first < events; first += EVENTS_PER_APPEND) {
      const batch = Array.from({ length: Math.min(EVENTS_PER_APPEND, events - first) }, (_, n) =>
        jsonEvent({
          id: randomUUID(),
          type: 'RecommendationProgressRecorded',
          data: { recommendationId: `rec-${first % 997}`, narrative: `Progress note ${first + n}`, percentComplete: (first + n) % 100 },
          metadata: { schemaVersion: 1, recordedAt: new Date(0).toISOString(), actor: { id: 'bench', name: 'Bench', role: 'office', organisation: 'PFCC' } },
        }),
      );
      await client.appendToStream(`recommendation-${first % 997}`, batch);
    }

    const best = { adapter: 0, client: 0 };
    for (let round = 0; round < ROUNDS; round++) {
      best.client = Math.max(best.client, await timed(events, () => countClient(client)));
      best.adapter = Math.max(best.adapter, await timed(events, () => countAdapter(adapter)));
    }
    const ratio = best.adapter / best.client;
    const pass = ratio >= ESDB_READ_GOAL;
    console.log(`read ${events} events from $all on the emulator: adapter ${Math.round(best.adapter)} events/s, raw client ${Math.round(best.client)} events/s`);
    console.log(`${pass ? 'PASS' : 'FAIL'} esdb adapter/client read ratio: ${ratio.toFixed(3)} (goal ${ESDB_READ_GOAL})`);
    return { events, ...best, ratio, pass };
  } finally {
    await adapter.close();
    await client.dispose();
    await emulator.stop();
  }
}

/** Events per second of one full read, checking that it read every event. */
async function timed(events: number, read: () => Promise<number>): Promise<number> {
  const started = performance.now();
  const read_ = await read();
  const seconds = (performance.now() - started) / 1000;
  if (read_ !== events) throw new Error(`read ${read_} ledger events, expected ${events}`);
  return events / seconds;
}

async function countClient(client: EventStoreDBClient): Promise<number> {
  let count = 0;
  for await (const resolved of client.readAll({ direction: FORWARDS, fromPosition: START, maxCount: Number.MAX_SAFE_INTEGER })) {
    const event = resolved.event;
    if (event && !event.streamId.startsWith('$') && !event.type.startsWith('$')) count++;
  }
  return count;
}

async function countAdapter(adapter: EsdbEventStore): Promise<number> {
  let count = 0;
  for await (const _event of adapter.readAll()) count++;
  return count;
}

if (require.main === module) {
  esdbReadBench(Number(process.argv[2] ?? 100_000)).then(
    (figures) => (process.exitCode = figures.pass ? 0 : 1),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
