import Database from 'better-sqlite3';
import { type EventStore, type SubscribeToAllOptions, SqliteEventStore } from '@ledger/event-store';
import type { Projection } from '../projection';
import { ReadModels } from '../read-model-database';
import { generationFile } from '../registry/generation-registry';
import { runnerScratch } from '../test-fixtures/runner-scratch';
import { appendEvents, countsByType, eventLog, rowsOf, SILENT_LOGGER } from '../test-fixtures/test-projections';
import { ProjectionRunner } from './projection-runner';

/** The store, recording where each subscription to the log starts. */
function watched(store: EventStore, subscriptions: Array<SubscribeToAllOptions | undefined>): EventStore {
  return {
    append: (...args) => store.append(...args),
    readStream: (...args) => store.readStream(...args),
    readAll: (...args) => store.readAll(...args),
    subscribeToAll: (options) => {
      subscriptions.push(options);
      return store.subscribeToAll(options);
    },
    headPosition: () => store.headPosition(),
    countAfter: (...args) => store.countAfter(...args),
    health: () => store.health(),
    close: () => store.close(),
  };
}

describe('the projection engine', () => {
  const scratch = runnerScratch('ledger-engine-');
  const { cleanups } = scratch;
  let store: SqliteEventStore;
  let file: string;
  beforeEach(() => ({ store, file } = scratch));

  function open(projections: Projection[]): ReadModels {
    const readModels = ReadModels.open(file, projections);
    cleanups.push(() => readModels.close());
    return readModels;
  }

  function checkpoints(readModels: ReadModels): Record<string, bigint | null> {
    return Object.fromEntries(readModels.projections.map((projection) => [projection.name, readModels.activeGeneration(projection.name)?.checkpoint ?? null]));
  }

  it('reads the log once for every projection, and once more for rebuilds asked for together', async () => {
    await appendEvents(store, 40);
    const subscriptions: Array<SubscribeToAllOptions | undefined> = [];
    const readModels = open([eventLog(), eventLog({ name: 'second_log' }), countsByType()]);
    const runner = new ProjectionRunner({ store: watched(store, subscriptions), readModels, logger: SILENT_LOGGER, batchSize: 8, catchUpBatchSize: 8 });
    cleanups.push(() => runner.stop());

    await runner.start();
    expect(await readModels.waitForPosition(40n, 5000)).toBe(true);
    expect(subscriptions).toHaveLength(1);
    expect(subscriptions[0]?.after).toBeUndefined();

    const rebuilt = await Promise.all([runner.rebuild('event_log'), runner.rebuild('counts_by_type')]);
    expect(rebuilt.map(({ projection, generation, events }) => ({ projection, generation, events }))).toEqual([
      { projection: 'event_log', generation: 2, events: 40 },
      { projection: 'counts_by_type', generation: 2, events: 40 },
    ]);

    const position = await appendEvents(store, 5);
    expect(await readModels.waitForPosition(position, 5000)).toBe(true);
    // The rebuilds' reader from the start, then the live reader again with the swapped-in generations.
    expect(subscriptions.map((options) => options?.after)).toEqual([undefined, undefined, 40n]);
    expect(rowsOf(readModels, 'event_log', 'seen')).toHaveLength(45);
    expect(rowsOf(readModels, 'second_log', 'seen')).toHaveLength(45);
  });

  it('moves every checkpoint in the same transaction as every projection’s rows', async () => {
    await appendEvents(store, 30);
    let outside: ReadModels | undefined;
    const seen: Array<Record<string, number | null>> = [];
    const watcher: Projection = {
      ...eventLog({ name: 'watcher' }),
      apply(event, context) {
        eventLog({ name: 'watcher' }).apply(event, context);
        // Another connection, as another process sees the files: every checkpoint where the last batch left it.
        outside ??= ReadModels.open(file, projections);
        const view = outside;
        const checkpointOf = (name: string) => {
          const checkpoint = view.activeGeneration(name)?.checkpoint ?? null;
          return checkpoint === null ? null : Number(checkpoint);
        };
        seen.push(view.read(() => Object.fromEntries(projections.map(({ name }) => [name, checkpointOf(name)]))));
      },
    };
    const projections = [countsByType(), watcher, eventLog()];
    const readModels = open(projections);
    const runner = new ProjectionRunner({ store, readModels, logger: SILENT_LOGGER, batchSize: 7, catchUpBatchSize: 7 });
    cleanups.push(() => runner.stop());
    cleanups.push(() => outside?.close());

    await runner.start();
    expect(await readModels.waitForPosition(30n, 5000)).toBe(true);
    expect(seen).toHaveLength(30);
    for (const view of seen) expect(new Set(Object.values(view)).size).toBe(1);
    expect([...new Set(seen.map((view) => view.watcher))]).toEqual([null, 7, 14, 21, 28]);
    expect(checkpoints(readModels)).toEqual({ counts_by_type: 30n, watcher: 30n, event_log: 30n });
  });

  it('feeds projections at different checkpoints from one reader, each only the events after its own', async () => {
    await appendEvents(store, 20);
    const first = open([eventLog()]);
    const early = new ProjectionRunner({ store, readModels: first, logger: SILENT_LOGGER });
    await early.start();
    expect(await first.waitForPosition(20n, 5000)).toBe(true);
    await early.stop();
    first.close();
    await appendEvents(store, 10);

    const subscriptions: Array<SubscribeToAllOptions | undefined> = [];
    const readModels = open([eventLog(), countsByType()]);
    const runner = new ProjectionRunner({ store: watched(store, subscriptions), readModels, logger: SILENT_LOGGER });
    cleanups.push(() => runner.stop());
    await runner.start();
    expect(await readModels.waitForPosition(30n, 5000)).toBe(true);

    expect(subscriptions.map((options) => options?.after)).toEqual([undefined]);
    const logged = rowsOf(readModels, 'event_log', 'seen') as Array<{ position: number }>;
    expect(logged.map((row) => row.position)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    expect((rowsOf(readModels, 'counts_by_type', 'counts') as Array<{ n: number }>).reduce((sum, row) => sum + row.n, 0)).toBe(30);
  });

  it('loads a new generation without its query-only indexes and builds them once it has caught up', async () => {
    await appendEvents(store, 12);
    const indexesSeen: number[] = [];
    let outside: Database.Database | undefined;
    const indexed: Projection = {
      ...eventLog(),
      tables: { seen: { ...eventLog().tables.seen, queryIndexes: ['stream_id, position'] } },
      apply(event, context) {
        eventLog().apply(event, context);
        outside ??= new Database(generationFile(file, 'event_log', 1), { readonly: true });
        indexesSeen.push(outside.prepare("SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND name GLOB 'seen__*'").pluck().get() as number);
      },
    };
    const readModels = open([indexed]);
    const runner = new ProjectionRunner({ store, readModels, logger: SILENT_LOGGER });
    cleanups.push(() => runner.stop());
    cleanups.push(() => outside?.close());
    await runner.start();
    expect(await readModels.waitForPosition(12n, 5000)).toBe(true);
    await runner.whenCaughtUp();
    await runner.stop();

    // The index `apply` may look up through is there from the start; the query-only one once caught up.
    expect(indexesSeen).toEqual(Array(12).fill(1));
    expect(readModels.db.prepare("SELECT name FROM event_log__g1.sqlite_schema WHERE type = 'index' AND name GLOB 'seen__*' ORDER BY name").pluck().all()).toEqual([
      'seen__i0',
      'seen__q0',
    ]);
  });

  it('stopped and started again, carries on from its checkpoints with one reader', async () => {
    await appendEvents(store, 10);
    const subscriptions: Array<SubscribeToAllOptions | undefined> = [];
    const readModels = open([eventLog(), countsByType()]);
    const runner = new ProjectionRunner({ store: watched(store, subscriptions), readModels, logger: SILENT_LOGGER });
    cleanups.push(() => runner.stop());
    await runner.start();
    expect(await readModels.waitForPosition(10n, 5000)).toBe(true);
    await runner.stop();
    await appendEvents(store, 4);
    await runner.start();

    expect(await readModels.waitForPosition(14n, 5000)).toBe(true);
    expect(subscriptions.map((options) => options?.after)).toEqual([undefined, 10n]);
    expect(rowsOf(readModels, 'event_log', 'seen')).toHaveLength(14);
  });
});
