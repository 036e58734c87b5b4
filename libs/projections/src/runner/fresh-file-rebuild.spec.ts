import Database from 'better-sqlite3';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { type EventStore, SqliteEventStore } from '@ledger/event-store';
import type { Projection } from '../projection';
import { ReadModels } from '../read-model-database';
import { generationFile } from '../registry/generation-registry';
import { runnerScratch } from '../test-fixtures/runner-scratch';
import { appendEvents, countsByType, eventLog, generationFilesOf, rowsOf, SILENT_LOGGER } from '../test-fixtures/test-projections';
import { verifyProjections } from '../verify/verify-projections';
import { FLUSH_EVERY_EVENTS } from './commit-batch';
import { ProjectionRunner, type ProjectionRunnerOptions } from './projection-runner';
import type { RebuildProgress } from './rebuild-progress';

/** The event log with an index only its queries use: built after a load, not during it. */
function indexedEventLog(): Projection {
  const plain = eventLog();
  return { ...plain, tables: { seen: { ...plain.tables.seen, queryIndexes: ['stream_id, position'] } } };
}

/** What a generation's file looked like from inside `apply`, on the connection writing it. */
interface LoadView {
  journalMode: string;
  synchronous: number;
  queryIndexes: number;
  journalFiles: string[];
}

describe('a rebuild into a fresh file', () => {
  const scratch = runnerScratch('ledger-fresh-');
  const { cleanups } = scratch;
  let dir: string;
  let store: SqliteEventStore;
  let file: string;
  beforeEach(() => ({ dir, store, file } = scratch));

  function open(projections: Projection[], at = file): ReadModels {
    const readModels = ReadModels.open(at, projections);
    cleanups.push(() => readModels.close());
    return readModels;
  }

  function runner(readModels: ReadModels, options: Partial<ProjectionRunnerOptions> = {}): ProjectionRunner {
    const created = new ProjectionRunner({ store, readModels, logger: SILENT_LOGGER, ...options });
    cleanups.push(() => created.stop());
    return created;
  }

  async function liveCatchUp(projections: Projection[], at = file): Promise<ReadModels> {
    const readModels = open(projections, at);
    const live = runner(readModels);
    await live.start();
    expect(await readModels.waitForPosition((await store.headPosition()) ?? 0n, 10_000)).toBe(true);
    await live.whenCaughtUp();
    await live.stop();
    return readModels;
  }

  const total = (rows: unknown[]) => (rows as Array<{ n: number }>).reduce((sum, row) => sum + row.n, 0);

  it('loads without a journal and without its query-only indexes, is in WAL once swapped in, and equals a live catch-up of the same log row for row', async () => {
    await appendEvents(store, 600, { perAppend: 50, streams: 7 });
    const reference = await liveCatchUp([indexedEventLog(), countsByType()], path.join(dir, 'reference.sqlite'));

    const loading: LoadView[] = [];
    const watched: Projection = {
      ...indexedEventLog(),
      apply(event, context) {
        indexedEventLog().apply(event, context);
        const schema = context.table('seen').split('.')[0];
        const own = generationFile(file, 'event_log', Number(schema.split('__g')[1]));
        loading.push({
          journalMode: context.db.pragma(`"${schema}".journal_mode`, { simple: true }) as string,
          synchronous: context.db.pragma(`"${schema}".synchronous`, { simple: true }) as number,
          queryIndexes: context.db.prepare(`SELECT count(*) FROM "${schema}".sqlite_schema WHERE type = 'index' AND name GLOB 'seen__q*'`).pluck().get() as number,
          journalFiles: ['-journal', '-wal'].filter((suffix) => fs.existsSync(`${own}${suffix}`)),
        });
      },
    };
    const readModels = open([watched, countsByType()]);
    const rebuilding = runner(readModels, { batchSize: 100, catchUpBatchSize: 100 });
    const results = await Promise.all([rebuilding.rebuild('event_log'), rebuilding.rebuild('counts_by_type')]);

    expect(results).toMatchObject([
      { projection: 'event_log', generation: 2, events: 600 },
      { projection: 'counts_by_type', generation: 2, events: 600 },
    ]);
    expect(loading).toHaveLength(600);
    expect(loading.find((view) => !(view.journalMode === 'off' && view.synchronous === 0 && view.queryIndexes === 0 && view.journalFiles.length === 0))).toBeUndefined();

    const swapped = new Database(generationFile(file, 'event_log', 2), { readonly: true });
    cleanups.push(() => swapped.close());
    expect(swapped.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(swapped.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND name GLOB 'seen__*' ORDER BY name").pluck().all()).toEqual(['seen__i0', 'seen__q0']);
    for (const [projection, table] of [
      ['event_log', 'seen'],
      ['counts_by_type', 'counts'],
    ]) {
      expect(rowsOf(readModels, projection, table)).toEqual(rowsOf(reference, projection, table));
    }
    expect(rowsOf(readModels, 'event_log', 'seen')).toHaveLength(600);
    expect((await verifyProjections(store, readModels)).ok).toBe(true);

    // Live catch-up after the swap goes on in the swapped-in file, durable (WAL).
    const live = runner(readModels);
    await live.start();
    const position = await appendEvents(store, 3);
    expect(await readModels.waitForPosition(position, 5000)).toBe(true);
    expect(rowsOf(readModels, 'event_log', 'seen')).toHaveLength(603);
  });

  it('loaded without a journal, rolls back a batch an event fails in: the rows before it are kept exactly once, the file is sound, and the other rebuild of the lane completes', async () => {
    await appendEvents(store, 250, { perAppend: 25, streams: 4, types: ['FindingIssued', 'RecommendationAccepted', 'InspectionRegistered', 'FindingIssued', 'RecommendationAccepted'] });
    const poison = await appendEvents(store, 1, { types: ['Unreadable'] });
    await appendEvents(store, 49, { perAppend: 7 });
    const readModels = open([eventLog({ failOn: 'Unreadable' }), countsByType()]);
    // One batch holds the whole log: the failing event rolls back rows written before it in the same batch.
    const rebuilding = runner(readModels, { batchSize: 1000, catchUpBatchSize: 1000 });
    const [log, counts] = await Promise.allSettled([rebuilding.rebuild('event_log'), rebuilding.rebuild('counts_by_type')]);

    expect(log).toMatchObject({ status: 'rejected', reason: { fault: { position: poison } } });
    expect(counts).toMatchObject({ status: 'fulfilled', value: { generation: 2, events: 300 } });
    const built = new Database(generationFile(file, 'event_log', 2), { readonly: true });
    cleanups.push(() => built.close());
    expect(built.pragma('integrity_check', { simple: true })).toBe('ok');
    const positions = built.prepare('SELECT position FROM seen ORDER BY position').pluck().all();
    expect(positions).toEqual(Array.from({ length: Number(poison) - 1 }, (_, index) => index + 1));
    expect(built.prepare('SELECT checkpoint FROM generation_state').pluck().get()).toBe(Number(poison) - 1);
    expect(total(rowsOf(readModels, 'counts_by_type', 'counts'))).toBe(300);
  });

  it('with firstLoad "rebuild", a first start on an empty read-model folder loads a fresh file without a journal, swaps it in and then goes live; equal to a live catch-up', async () => {
    await appendEvents(store, 300, { perAppend: 30, streams: 6 });
    const reference = await liveCatchUp([eventLog(), countsByType()], path.join(dir, 'reference.sqlite'));

    const journals: string[] = [];
    const watched: Projection = {
      ...eventLog(),
      apply(event, context) {
        eventLog().apply(event, context);
        journals.push(context.db.pragma(`"${context.table('seen').split('.')[0]}".journal_mode`, { simple: true }) as string);
      },
    };
    const readModels = open([watched, countsByType()]);
    const first = runner(readModels, { firstLoad: 'rebuild' });
    await first.start();
    expect(await readModels.waitForPosition(300n, 10_000)).toBe(true);

    expect(journals).toHaveLength(300);
    expect(new Set(journals)).toEqual(new Set(['off']));
    expect(readModels.activeGeneration('event_log')).toMatchObject({ generation: 2, checkpoint: 300n });
    expect(readModels.activeGeneration('counts_by_type')).toMatchObject({ generation: 2, checkpoint: 300n });
    expect(generationFilesOf(readModels)).toEqual(['read-models.counts_by_type.g2.sqlite', 'read-models.event_log.g2.sqlite']);
    for (const [projection, table] of [
      ['event_log', 'seen'],
      ['counts_by_type', 'counts'],
    ]) {
      expect(rowsOf(readModels, projection, table)).toEqual(rowsOf(reference, projection, table));
    }

    // Then live, in WAL, in the file that was loaded.
    const position = await appendEvents(store, 4);
    expect(await readModels.waitForPosition(position, 5000)).toBe(true);
    expect(journals.slice(300)).toEqual(['wal', 'wal', 'wal', 'wal']);
    expect(rowsOf(readModels, 'event_log', 'seen')).toHaveLength(304);
  });

  it('with firstLoad "rebuild", a first start over an empty log goes live at once in its first generation', async () => {
    const readModels = open([eventLog()]);
    const first = runner(readModels, { firstLoad: 'rebuild' });
    await first.start();
    const position = await appendEvents(store, 5);
    expect(await readModels.waitForPosition(position, 5000)).toBe(true);
    expect(readModels.activeGeneration('event_log')).toMatchObject({ generation: 1, checkpoint: 5n });
  });

  it('holds in memory what a few thousand events touch, not a whole large batch: rows kept for the batch are flushed inside its transaction every FLUSH_EVERY_EVENTS events', async () => {
    const perStream = 256;
    const events = 2 * FLUSH_EVERY_EVENTS + 2 * perStream;
    await appendEvents(store, events, { perAppend: perStream, streams: events / perStream });
    const held: number[] = [];
    const kept = new Map<string, number>();
    // Counts per stream, kept for the batch like a finding's running summary.
    const buffered: Projection = {
      name: 'per_stream',
      version: 1,
      tables: { counts: { columns: 'stream_id TEXT PRIMARY KEY, n INTEGER NOT NULL' } },
      apply(event, context) {
        if (!kept.has(event.streamId)) {
          kept.set(event.streamId, (context.statement(`SELECT n FROM ${context.table('counts')} WHERE stream_id = ?`).pluck().get(event.streamId) as number | undefined) ?? 0);
        }
        kept.set(event.streamId, (kept.get(event.streamId) as number) + 1);
        held.push(kept.size);
      },
      flush(context) {
        for (const [streamId, n] of kept) context.statement(`INSERT OR REPLACE INTO ${context.table('counts')} (stream_id, n) VALUES (?, ?)`).run(streamId, n);
        kept.clear();
      },
      discard: () => kept.clear(),
    };
    const readModels = open([buffered]);
    const commits: number[] = [];
    const result = await runner(readModels, { batchSize: events, catchUpBatchSize: events }).rebuild('per_stream', { onProgress: (progress) => commits.push(progress.eventsDone) });

    expect(result).toMatchObject({ generation: 2, events });
    expect(commits[0]).toBe(events); // one batch, one transaction
    expect(Math.max(...held)).toBe(FLUSH_EVERY_EVENTS / perStream);
    expect(rowsOf(readModels, 'per_stream', 'counts')).toEqual(Array.from({ length: events / perStream }, (_, i) => ({ stream_id: `recommendation-${i}`, n: perStream })).sort((a, b) => (a.stream_id < b.stream_id ? -1 : 1)));
  });

  it('keeps another connection’s readers on the old model during the rebuild, and moves them to the new one at the swap without reopening', async () => {
    await appendEvents(store, 100, { perAppend: 10 });
    (await liveCatchUp([countsByType({ version: 1, weight: 1 })])).close();

    const api = open([countsByType({ version: 2, weight: 10 })]);
    const answered = () => api.read(() => ({ table: api.table('counts_by_type', 'counts'), total: total(rowsOf(api, 'counts_by_type', 'counts')) }));
    expect(answered()).toEqual({ table: 'counts_by_type__g1.counts', total: 100 });

    const cli = open([countsByType({ version: 2, weight: 10 })]);
    const during: Array<{ table: string; total: number }> = [];
    const result = await runner(cli, { batchSize: 10, catchUpBatchSize: 10 }).rebuild('counts_by_type', {
      onProgress: (progress) => {
        if (!progress.finished) during.push(answered());
      },
    });

    expect(result).toMatchObject({ generation: 2, events: 100 });
    expect(during.length).toBeGreaterThan(5);
    expect(during.every((answer) => answer.table === 'counts_by_type__g1.counts' && answer.total === 100)).toBe(true);
    expect(answered()).toEqual({ table: 'counts_by_type__g2.counts', total: 1000 });
    expect(fs.existsSync(generationFile(file, 'counts_by_type', 1))).toBe(false);
  });

  it('thrown out half way, leaves the old model serving; a later rebuild starts a fresh file and completes', async () => {
    await appendEvents(store, 100, { perAppend: 10 });
    (await liveCatchUp([countsByType()])).close();

    let failAt: bigint | null = 50n;
    const plain = countsByType({ version: 2, weight: 10 });
    const failing: Projection = {
      ...plain,
      apply(event, context) {
        if (event.position === failAt) throw new Error('the disk went away');
        plain.apply(event, context);
      },
    };
    const readModels = open([failing]);
    await expect(runner(readModels, { batchSize: 10, catchUpBatchSize: 10 }).rebuild('counts_by_type')).rejects.toThrow(/position 50: the disk went away/);
    expect(readModels.table('counts_by_type', 'counts')).toBe('counts_by_type__g1.counts');
    expect(total(rowsOf(readModels, 'counts_by_type', 'counts'))).toBe(100);

    failAt = null;
    const result = await runner(readModels, { batchSize: 10, catchUpBatchSize: 10 }).rebuild('counts_by_type');
    expect(result).toMatchObject({ generation: 3, events: 100 });
    expect(total(rowsOf(readModels, 'counts_by_type', 'counts'))).toBe(1000);
    expect(fs.existsSync(generationFile(file, 'counts_by_type', 2))).toBe(false);
  });

  it('stopped by its runner, is made durable and resumes from its own checkpoint', async () => {
    await appendEvents(store, 100, { perAppend: 10 });
    (await liveCatchUp([countsByType()])).close();

    const readModels = open([countsByType({ version: 2, weight: 10 })]);
    const first = runner(readModels, { batchSize: 10, catchUpBatchSize: 10 });
    let stopped: Promise<void> | undefined;
    const interrupted = first.rebuild('counts_by_type', {
      onProgress: (progress) => {
        if (progress.eventsDone >= 30) stopped ??= first.stop();
      },
    });
    await expect(interrupted).rejects.toThrow(/stopped before it finished/);
    await stopped;
    const building = readModels.registry.building('counts_by_type');
    expect(building).toMatchObject({ generation: 2 });
    expect(building?.eventsApplied).toBeGreaterThanOrEqual(30);

    const reports: RebuildProgress[] = [];
    const result = await runner(readModels, { batchSize: 10, catchUpBatchSize: 10 }).rebuild('counts_by_type', { onProgress: (progress) => reports.push(progress) });
    expect(result).toMatchObject({ generation: 2, events: 100 });
    expect(reports[0].eventsDone).toBe((building?.eventsApplied ?? 0) + 10);
    expect(total(rowsOf(readModels, 'counts_by_type', 'counts'))).toBe(1000);
  });

  it('reports progress as head minus checkpoint, without reading the log to count it', async () => {
    await appendEvents(store, 120, { perAppend: 20 });
    const reads: unknown[] = [];
    const counted: EventStore = {
      append: (...args) => store.append(...args),
      readStream: (...args) => store.readStream(...args),
      readAll: (...args) => {
        reads.push(args);
        return store.readAll(...args);
      },
      subscribeToAll: (options) => store.subscribeToAll(options),
      headPosition: () => store.headPosition(),
      countAfter: (...args) => store.countAfter(...args),
      health: () => store.health(),
      close: () => store.close(),
    };
    const readModels = open([countsByType()]);
    const reports: RebuildProgress[] = [];
    await runner(readModels, { store: counted, batchSize: 20, catchUpBatchSize: 20, streamPrefixes: ['recommendation-'] }).rebuild('counts_by_type', {
      onProgress: (progress) => reports.push(progress),
    });

    expect(reads).toEqual([]);
    expect(reports.every((progress) => progress.eventsTotal === 120)).toBe(true);
    expect([...new Set(reports.map((progress) => progress.eventsDone))]).toEqual([20, 40, 60, 80, 100, 120]);
    expect(reports.at(-1)).toMatchObject({ finished: true, etaSeconds: 0 });
  });
});
