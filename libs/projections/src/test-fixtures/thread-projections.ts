import { getHeapStatistics } from 'node:v8';
import { threadId } from 'node:worker_threads';
import type { RecordedEvent } from '@ledger/event-store';
import type { Projection, ProjectionContext } from '../projection';

const pause = new Int32Array(new SharedArrayBuffer(4));

/**
 * For the projection thread's tests (loaded by the thread by module path): each event becomes a
 * row naming the thread that applied it, after a pause of 2 ms, so that catching up takes long
 * enough to be seen from outside.
 */
export const THREAD_PROJECTIONS: Projection[] = [
  {
    name: 'applied_by',
    version: 1,
    tables: { events: { columns: 'position INTEGER PRIMARY KEY, thread_id INTEGER NOT NULL' } },
    apply(event: RecordedEvent, context: ProjectionContext) {
      Atomics.wait(pause, 0, 0, 2);
      context.statement(`INSERT INTO ${context.table('events')} VALUES (?, ?)`).run(event.position, threadId);
    },
  },
];

/** For the rebuild thread's tests: also records the heap limit of the thread that applied each event, in MiB. */
export const REBUILD_PROJECTIONS: Projection[] = [
  ...THREAD_PROJECTIONS,
  {
    name: 'heap_limit',
    version: 1,
    tables: { events: { columns: 'position INTEGER PRIMARY KEY, limit_mib INTEGER NOT NULL' } },
    apply(event: RecordedEvent, context: ProjectionContext) {
      context.statement(`INSERT INTO ${context.table('events')} VALUES (?, ?)`).run(event.position, Math.round(getHeapStatistics().heap_size_limit / 2 ** 20));
    },
  },
];
