/**
 * Replay throughput: how fast a generated ledger is read and projected from the start of the log.
 * A benchmark, not a test: it prints figures and asserts nothing.
 *   node -r ./test/support/register-ts.js test/bench/replay.bench.ts [EVENTS]
 */
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { type EventToAppend, SqliteEventStore } from '@ledger/event-store';
import { ProjectionRunner, ReadModels } from '@ledger/projections';
import { countsByType, eventLog, SILENT_LOGGER } from '@ledger/projections/test-fixtures/test-projections';

const TYPES = ['RecommendationAccepted', 'RecommendationOwnerAssigned', 'RecommendationProgressRecorded', 'RecommendationTargetDateSet'];
const EVENTS_PER_APPEND = 20;

async function generateLedger(store: SqliteEventStore, events: number): Promise<void> {
  for (let first = 0; first < events; first += EVENTS_PER_APPEND) {
    const batch: EventToAppend[] = [];
    for (let n = first; n < Math.min(events, first + EVENTS_PER_APPEND); n += 1) {
      batch.push({
        id: randomUUID(),
        type: TYPES[n % TYPES.length],
        data: { recommendationId: `rec-${first % 997}`, narrative: `Progress note ${n}`, percent: n % 100 },
        metadata: { schemaVersion: 1, recordedAt: new Date(0).toISOString(), actor: { id: 'bench', name: 'Bench', role: 'office', organisation: 'PFCC' } },
      });
    }
    await store.append(`recommendation-${first % 997}`, batch, 'any');
  }
}

function rate(events: number, milliseconds: number): string {
  return `${Math.round(events / (milliseconds / 1000)).toLocaleString('en-GB')} events/s`;
}

export interface ReplayFigures {
  /** Events per second. */
  readAll: number;
  catchUpPerProjection: number;
  rebuild: number;
}

function perSecond(events: number, milliseconds: number): number {
  return events / (milliseconds / 1000);
}

export async function replayBench(events: number): Promise<ReplayFigures> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-bench-'));
  try {
    const store = SqliteEventStore.open(path.join(dir, 'events.sqlite'));
    let started = performance.now();
    await generateLedger(store, events);
    console.log(`generated ${events} events in ${((performance.now() - started) / 1000).toFixed(1)} s`);

    started = performance.now();
    let read = 0;
    for await (const _event of store.readAll()) read += 1;
    const readAll = perSecond(read, performance.now() - started);
    console.log(`readAll:                      ${rate(read, performance.now() - started)}`);

    const readModels = ReadModels.open(path.join(dir, 'read-models.sqlite'), [countsByType(), eventLog()]);
    const runner = new ProjectionRunner({ store, readModels, logger: SILENT_LOGGER });
    started = performance.now();
    await runner.start();
    await readModels.waitForPosition(BigInt(events), 600_000);
    const catchUpPerProjection = perSecond(events, performance.now() - started);
    console.log(`catch-up, 2 projections:      ${rate(events, performance.now() - started)} per projection`);
    await runner.stop();

    started = performance.now();
    const result = await runner.rebuild('event_log');
    const rebuild = perSecond(result.events, performance.now() - started);
    console.log(`rebuild of one projection:    ${rate(result.events, performance.now() - started)}`);

    readModels.close();
    await store.close();
    return { readAll, catchUpPerProjection, rebuild };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  void replayBench(Number(process.argv[2] ?? 100_000));
}
