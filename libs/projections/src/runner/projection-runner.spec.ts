import Database from 'better-sqlite3';
import { type RecordedEvent, SqliteEventStore } from '@ledger/event-store';
import type { Projection } from '../projection';
import { ReadModels } from '../read-model-database';
import { generationFile } from '../registry/generation-registry';
import { runnerScratch } from '../test-fixtures/runner-scratch';
import { appendEvents, countsByType, eventLog, generationFilesOf, rowsOf, SILENT_LOGGER } from '../test-fixtures/test-projections';
import { ProjectionFaultedError, ProjectionRunner, type ProjectionRunnerOptions } from './projection-runner';
import type { RebuildProgress } from './rebuild-progress';

describe('ProjectionRunner', () => {
  const scratch = runnerScratch('ledger-');
  const { cleanups } = scratch;
  let store: SqliteEventStore;
  let readModelsFile: string;
  beforeEach(() => ({ store, file: readModelsFile } = scratch));

  function open(projections: Projection[]): ReadModels {
    const readModels = ReadModels.open(readModelsFile, projections);
    cleanups.push(() => readModels.close());
    return readModels;
  }

  function runner(readModels: ReadModels, options: Partial<ProjectionRunnerOptions> = {}): ProjectionRunner {
    const created = new ProjectionRunner({ store, readModels, logger: SILENT_LOGGER, ...options });
    cleanups.push(() => created.stop());
    return created;
  }

  /** An independent connection to one generation's file, as another process sees it. */
  function outsideView(projection: string, generation: number): Database.Database {
    const db = new Database(generationFile(readModelsFile, projection, generation), { readonly: true });
    cleanups.push(() => db.close());
    return db;
  }

  const total = (rows: unknown[]) => (rows as Array<{ n: number }>).reduce((sum, row) => sum + row.n, 0);

  describe('keeping read models up to date', () => {
    it('commits each batch of rows together with its checkpoint, so no reader ever sees one without the other', async () => {
      await appendEvents(store, 25);
      const observed: Array<{ rows: number; checkpoint: number | null }> = [];
      let outside: Database.Database | undefined;
      const observer: Projection = {
        name: 'observer',
        version: 1,
        tables: { seen: { columns: 'position INTEGER PRIMARY KEY' } },
        apply(event, context) {
          context.statement(`INSERT INTO ${context.table('seen')} VALUES (?)`).run(event.position);
          outside ??= outsideView('observer', 1);
          observed.push({
            rows: outside.prepare('SELECT count(*) FROM seen').pluck().get() as number,
            checkpoint: outside.prepare('SELECT checkpoint FROM generation_state').pluck().get() as number | null,
          });
        },
      };
      const readModels = open([observer, countsByType()]);
      const commits = jest.spyOn(readModels, 'notifyCommitted');

      await runner(readModels, { batchSize: 10, catchUpBatchSize: 10 }).start();

      expect(await readModels.waitForPosition(25n, 20_000)).toBe(true);
      expect(observed.every(({ rows, checkpoint }) => rows === (checkpoint ?? 0))).toBe(true);
      expect([...new Set(observed.map(({ rows }) => rows))]).toEqual([0, 10, 20]);
      expect(commits).toHaveBeenCalledTimes(3); // 10 + 10 + 5 events, each batch one transaction for both projections
      expect(total(rowsOf(readModels, 'counts_by_type', 'counts'))).toBe(25);
    });

    it('follows the log live after catching up, and a query can wait for the position a write returned', async () => {
      const readModels = open([countsByType()]);
      await runner(readModels).start();

      const position = await appendEvents(store, 3, { types: ['RecommendationAccepted'] });

      expect(await readModels.waitForPosition(position, 20_000)).toBe(true);
      expect(rowsOf(readModels, 'counts_by_type', 'counts')).toEqual([{ type: 'RecommendationAccepted', n: 3 }]);
    });

    it('waitForPosition answers false when the read models have not got there in time', async () => {
      const readModels = open([countsByType()]);
      const position = await appendEvents(store, 2);

      const started = Date.now();
      expect(await readModels.waitForPosition(position, 150)).toBe(false);
      expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    });

    it('resumes after a restart from its checkpoint: no event lost, none applied twice', async () => {
      const first = open([eventLog()]);
      const before = runner(first, { batchSize: 7 });
      await before.start();
      await appendEvents(store, 30);
      expect(await first.waitForPosition(30n, 20_000)).toBe(true);
      await before.stop();
      first.close();

      await appendEvents(store, 20);
      const second = open([eventLog()]);
      await runner(second, { batchSize: 7 }).start();

      expect(await second.waitForPosition(50n, 20_000)).toBe(true);
      const seen = rowsOf(second, 'event_log', 'seen') as Array<{ position: number }>;
      expect(seen.map((row) => row.position)).toEqual(Array.from({ length: 50 }, (_, index) => index + 1));
    });

    it('moves the checkpoint past events of streams it does not follow (checkpoint and caught-up messages)', async () => {
      await appendEvents(store, 4, { prefix: 'inspection' });
      const head = await appendEvents(store, 6, { prefix: 'challenge' });
      const readModels = open([eventLog()]);

      await runner(readModels, { streamPrefixes: ['inspection-'] }).start();

      expect(await readModels.waitForPosition(head, 20_000)).toBe(true);
      expect(readModels.activeGeneration('event_log')?.checkpoint).toBe(head);
      expect(rowsOf(readModels, 'event_log', 'seen')).toHaveLength(4);
    });
  });

  describe('an event a projection cannot apply', () => {
    it('stops that projection at the event, with nothing of the event written, and the others carry on', async () => {
      await appendEvents(store, 9, { types: ['FindingIssued'] });
      const poison = await appendEvents(store, 1, { types: ['Unreadable'] });
      const head = await appendEvents(store, 10, { types: ['FindingIssued'] });
      const poisonEvent = await eventAt(store, poison);
      const readModels = open([eventLog({ failOn: 'Unreadable' }), countsByType()]);
      const projections = runner(readModels, { batchSize: 4 });

      await projections.start();

      expect(await readModels.waitForPosition(head, 20_000)).toBe(true);
      expect(total(rowsOf(readModels, 'counts_by_type', 'counts'))).toBe(20);
      expect(rowsOf(readModels, 'event_log', 'seen')).toHaveLength(9);
      expect(readModels.activeGeneration('event_log')).toMatchObject({
        checkpoint: poison - 1n,
        fault: { eventId: poisonEvent.id, eventType: 'Unreadable', position: poison, error: 'cannot apply a Unreadable' },
      });
      expect(await readModels.waitForPosition(head, 100, ['event_log'])).toBe(false);
      const statuses = await projections.status();
      expect(statuses.map(({ name, state }) => ({ name, state }))).toEqual([
        { name: 'event_log', state: 'faulted' },
        { name: 'counts_by_type', state: 'live' },
      ]);
      expect(statuses[0]).toMatchObject({ checkpoint: poison - 1n, lag: { events: 11, atLeast: false }, fault: { position: poison } });
    });

    it('writes what a projection kept in memory for the batch once, and nothing of a batch rolled back', async () => {
      await appendEvents(store, 9, { types: ['FindingIssued'] });
      const poison = await appendEvents(store, 1, { types: ['Unreadable'] });
      await appendEvents(store, 10, { types: ['FindingIssued'] });
      const pending = new Map<unknown, number>();
      const writes: number[] = [];
      // Counts events in memory and writes the count once per flush: a discard that kept anything would count an event twice.
      const buffered: Projection = {
        name: 'buffered',
        version: 1,
        tables: { total: { columns: 'id INTEGER PRIMARY KEY, n INTEGER NOT NULL' } },
        apply(event, context) {
          if (event.type === 'Unreadable') throw new Error('cannot apply a Unreadable');
          pending.set(context, (pending.get(context) ?? 0) + 1);
        },
        flush(context) {
          const n = pending.get(context) ?? 0;
          pending.delete(context);
          if (n === 0) return;
          writes.push(n);
          context.statement(`INSERT INTO ${context.table('total')} (id, n) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET n = n + excluded.n`).run(n);
        },
        discard(context) {
          pending.delete(context);
        },
      };
      const readModels = open([buffered, countsByType()]);
      const projections = runner(readModels, { batchSize: 4, catchUpBatchSize: 4 });

      await projections.start();

      expect(await readModels.waitForPosition(poison - 1n, 5000, ['buffered'])).toBe(true);
      expect(rowsOf(readModels, 'buffered', 'total')).toEqual([{ id: 1, n: 9 }]);
      expect(readModels.activeGeneration('buffered')).toMatchObject({ checkpoint: poison - 1n, fault: { position: poison } });
      // Whole fast batches wrote once each; the batch with the poison was applied again event by event.
      expect(writes.slice(0, 2)).toEqual([4, 4]);
    });

    it('is tried again at the next start, and applied once the projection can', async () => {
      await appendEvents(store, 3, { types: ['FindingIssued'] });
      const head = await appendEvents(store, 3, { types: ['Unreadable'] });
      const faulty = open([eventLog({ failOn: 'Unreadable' })]);
      const first = runner(faulty);
      await first.start();
      await waitUntil(() => faulty.activeGeneration('event_log')?.fault !== null);
      await first.stop();
      faulty.close();

      const fixed = open([eventLog()]);
      await runner(fixed).start();

      expect(await fixed.waitForPosition(head, 5000, ['event_log'])).toBe(true);
      expect(fixed.activeGeneration('event_log')?.fault).toBeNull();
      expect((rowsOf(fixed, 'event_log', 'seen') as Array<{ position: number }>).map((row) => row.position)).toEqual([1, 2, 3, 4, 5, 6]);
    });
  });

  describe('rebuilds', () => {
    it('rebuilds a projection whose version changed into new tables while the old ones serve, then swaps them', async () => {
      await appendEvents(store, 100, { perAppend: 10 });
      const v1 = open([countsByType({ version: 1, weight: 1 })]);
      const before = runner(v1);
      await before.start();
      expect(await v1.waitForPosition(100n, 20_000)).toBe(true);
      await before.stop();
      v1.close();

      const v2 = open([countsByType({ version: 2, weight: 10 })]);
      const servedDuringRebuild: Array<{ table: string; total: number }> = [];
      const progress: RebuildProgress[] = [];
      const after = runner(v2, {
        batchSize: 10,
        catchUpBatchSize: 10,
        onRebuildProgress: (report) => {
          progress.push(report);
          if (!report.finished) servedDuringRebuild.push({ table: v2.table('counts_by_type', 'counts'), total: total(rowsOf(v2, 'counts_by_type', 'counts')) });
        },
      });
      await after.start();
      const result = await after.rebuild('counts_by_type');

      expect(servedDuringRebuild.length).toBeGreaterThan(1);
      expect(servedDuringRebuild.every((served) => served.table === 'counts_by_type__g1.counts' && served.total === 100)).toBe(true);
      expect(result).toMatchObject({ projection: 'counts_by_type', generation: 2, events: 100 });
      expect(v2.table('counts_by_type', 'counts')).toBe('counts_by_type__g2.counts');
      expect(total(rowsOf(v2, 'counts_by_type', 'counts'))).toBe(1000);
      expect(generationFilesOf(v2)).toEqual(['read-models.counts_by_type.g2.sqlite']);
      expect(progress.at(-1)).toMatchObject({ eventsDone: 100, eventsTotal: 100, finished: true, etaSeconds: 0 });

      const position = await appendEvents(store, 1);
      expect(await v2.waitForPosition(position, 20_000)).toBe(true);
      expect(total(rowsOf(v2, 'counts_by_type', 'counts'))).toBe(1010);
    });

    it('rebuilds on request while the live generation keeps serving new events, and ends with every event once', async () => {
      await appendEvents(store, 300, { perAppend: 50 });
      const readModels = open([eventLog()]);
      const projections = runner(readModels, { batchSize: 20 });
      await projections.start();
      expect(await readModels.waitForPosition(300n, 20_000)).toBe(true);

      let appendDuringRebuild!: () => void;
      const rebuildUnderWay = new Promise<void>((resolve) => (appendDuringRebuild = resolve));
      const rebuilt = projections.rebuild('event_log', { onProgress: () => appendDuringRebuild() });
      await rebuildUnderWay;
      const head = await appendEvents(store, 5);
      expect(await readModels.waitForPosition(head, 20_000)).toBe(true);
      await rebuilt;
      const afterSwap = await appendEvents(store, 5);

      expect(await readModels.waitForPosition(afterSwap, 20_000)).toBe(true);
      expect(readModels.activeGeneration('event_log')?.generation).toBe(2);
      const seen = rowsOf(readModels, 'event_log', 'seen') as Array<{ position: number }>;
      expect(seen.map((row) => row.position)).toEqual(Array.from({ length: 310 }, (_, index) => index + 1));
      expect(generationFilesOf(readModels)).toEqual(['read-models.event_log.g2.sqlite']);
    });

    it('reports a rebuild stopped by an event it cannot apply, leaving the old generation serving', async () => {
      await appendEvents(store, 5, { types: ['FindingIssued'] });
      const readModels = open([countsByType()]);
      const projections = runner(readModels);
      await projections.start();
      expect(await readModels.waitForPosition(5n, 20_000)).toBe(true);
      await projections.stop();
      await appendEvents(store, 1, { types: ['Unreadable'] });

      const rebuilding = open([countsByType({ failOn: 'Unreadable' })]);
      const failing = runner(rebuilding);
      const outcome = failing.rebuild('counts_by_type');

      await expect(outcome).rejects.toThrow(ProjectionFaultedError);
      await expect(outcome).rejects.toThrow(/cannot apply event .* \(Unreadable\) at position 6: cannot apply a Unreadable/);
      expect(rebuilding.table('counts_by_type', 'counts')).toBe('counts_by_type__g1.counts');
      expect((await failing.status())[0]).toMatchObject({ state: 'faulted', generation: 1, fault: { generation: 2, position: 6n } });
    });
  });

  describe('status', () => {
    it('shows version, generation, checkpoint, lag and state', async () => {
      await appendEvents(store, 12);
      const readModels = open([countsByType()]);
      const projections = runner(readModels);
      expect((await projections.status())[0]).toMatchObject({ state: 'not-started', generation: null, lag: null });

      await projections.start();
      expect(await readModels.waitForPosition(12n, 20_000)).toBe(true);
      await projections.stop();
      await appendEvents(store, 3);

      expect(await projections.status()).toEqual([
        {
          name: 'counts_by_type',
          version: 1,
          activeVersion: 1,
          generation: 1,
          checkpoint: 12n,
          lag: { events: 3, atLeast: false },
          state: 'catching-up',
          fault: null,
          rebuild: null,
          error: null,
        },
      ]);
    });
  });
});

async function eventAt(store: SqliteEventStore, position: bigint): Promise<RecordedEvent> {
  for await (const event of store.readAll({ after: position - 1n, maxCount: 1 })) return event;
  throw new Error(`no event at ${position}`);
}

async function waitUntil(condition: () => boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
