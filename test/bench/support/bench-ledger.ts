import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { type EventToAppend, type JsonObject, SCHEMA_VERSION, SqliteEventStore } from '@ledger/event-store';
import { HashChainedEventStore } from '@ledger/integrity';
import { actors, generateLedger, uuid } from '../../integrity/support/generate-ledger';

/** The stream the 30-event load is timed on. */
export const THIRTY_EVENT_STREAM = 'recommendation-bench-thirty-events';
/** Appends in flight while the ledger is generated. */
const BULK_CONCURRENCY = 256;
/**
 * Events in each finding's stream: progress every five days for about a year and a half, so that
 * as-at and changes between dates (issue 10) are timed on findings with a history.
 */
export const BENCH_EVENTS_PER_FINDING = 100;
/** Bump when the generated content changes, so that cached ledgers are made again. */
const GENERATOR_VERSION = 2;

/** The folder where generated ledgers are kept between runs (BENCH_CACHE_DIR to move it). */
export function cacheDir(): string {
  return process.env.BENCH_CACHE_DIR ?? path.join(os.tmpdir(), 'pfcc-ledger-bench');
}

/**
 * A ledger of `events` events made once, in bulk (appends committed together), and reused by
 * every module of the run and by later runs while the store's schema and the generator stay the
 * same.
 */
export async function benchLedger(events: number, log: (line: string) => void): Promise<string> {
  fs.mkdirSync(cacheDir(), { recursive: true });
  const file = path.join(cacheDir(), `ledger-${events}-schema${SCHEMA_VERSION}-gen${GENERATOR_VERSION}.sqlite`);
  if (fs.existsSync(file)) return file;
  const partial = `${file}.partial`;
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${partial}${suffix}`, { force: true });
  const started = performance.now();
  const store = SqliteEventStore.open(partial);
  await generateLedger(store, events - 30, { concurrency: BULK_CONCURRENCY, eventsPerFinding: BENCH_EVENTS_PER_FINDING });
  await new HashChainedEventStore(store).append(THIRTY_EVENT_STREAM, thirtyEvents(), 'no_stream');
  await store.close();
  fs.renameSync(partial, file);
  log(`generated a ledger of ${events} events in ${((performance.now() - started) / 1000).toFixed(1)} s (${(fs.statSync(file).size / 2 ** 20).toFixed(0)} MiB)`);
  return file;
}

/** A finding issued, accepted and then reported on 28 times. */
function thirtyEvents(): EventToAppend[] {
  const recommendationId = 'bench-thirty-events';
  const actor = actors[0];
  const data: { type: string; data: JsonObject }[] = [
    { type: 'FindingIssued', data: { recommendationId, inspectionId: 'inspection-bench', reference: 'REC 01', number: 1, findingType: 'recommendation', text: 'All forces should train their investigators.', subItems: [], addressees: ['all forces'], dueDate: '2025-01-31', immediate: false } },
    { type: 'RecommendationAccepted', data: { recommendationId, commitment: 'Every detective trained by January.', plannedCompletionDate: '2025-01-31' } },
    ...Array.from({ length: 28 }, (_, i) => ({
      type: 'RecommendationProgressRecorded',
      data: { recommendationId, narrative: `Training delivered to investigating officers; update ${i + 1}.`, percentComplete: i * 3, rag: 'amber' },
    })),
  ];
  return data.map((event, i) => {
    const commandId = uuid(`thirty/${i}/command`);
    const time = new Date(Date.UTC(2024, 8, 1) + i * 86_400_000).toISOString();
    return {
      id: uuid(`thirty/${i}`),
      type: event.type,
      data: event.data,
      metadata: { actor, occurredAt: time, recordedAt: time, $correlationId: commandId, $causationId: commandId, commandId, schemaVersion: 1, source: 'import' },
    };
  });
}
