import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { type RecordedEvent, SqliteEventStore } from '@ledger/event-store';
import { ProjectionRunner, READ_MODELS_FILE, ReadModels } from '@ledger/projections';
import { ALL_PROJECTIONS, BASES, HISTORY, HistoryReader, historyProjection, queryAsAt, queryChanges, TIMELINE, timelineProjection } from '@ledger/projections/read-models';
import { generateLedger } from '../integrity/support/generate-ledger';
import { LedgerDriver } from './support/ledger-driver';
import { openReadSide, SILENT, type ReadSide } from './support/read-models-under-test';
import { ID, INSPECTION, QUERY_DAY, recordSampleYear, type SampleYear } from './support/sample-year';

const ALL = { limit: 500, offset: 0 };
const DAYS = ['2024-08-27', '2024-09-24', '2024-09-25', '2025-01-31', '2025-02-12', '2025-05-14', QUERY_DAY];
const PERIODS = [
  ['2024-09-01', '2024-09-30'],
  ['2024-10-01', '2025-01-31'],
  ['2025-02-12', QUERY_DAY],
];

/** Turns of this thread's event loop while `work` is under way: none while it holds the loop. */
async function loopTurnsDuring<T>(work: () => Promise<T> | T): Promise<{ turns: number; answer: T }> {
  let turns = 0;
  let running = true;
  const turn = () => {
    turns += 1;
    if (running) setImmediate(turn);
  };
  setImmediate(turn);
  try {
    const answer = await work();
    return { turns, answer };
  } finally {
    running = false;
  }
}

describe('the history reader: as-at and changes answered in reader threads', () => {
  describe('on the sample year', () => {
    let side: ReadSide;
    let ledger: LedgerDriver;
    let year: SampleYear;
    let reader: HistoryReader;

    beforeAll(async () => {
      side = await openReadSide();
      ledger = await LedgerDriver.start(side.store);
      year = await recordSampleYear(ledger);
      await side.caughtUp(year.lastPosition);
      reader = new HistoryReader({ readModelsFile: side.readModels.file });
    });

    afterAll(async () => {
      await reader?.stop();
      await ledger?.close();
      await side?.close();
    });

    it.each(BASES)('answers as-at in the %s basis exactly as the synchronous query does, day by day and filtered', async (basis) => {
      for (const date of DAYS) {
        expect(await reader.asAt({ date, basis }, {}, ALL)).toEqual(queryAsAt(side.readModels, { date, basis }, {}, ALL));
      }
      const filtered = [{ inspectionId: INSPECTION }, { statuses: ['InProgress' as const] }, { overdue: true }, { owner: 'a' }];
      for (const filter of filtered) expect(await reader.asAt({ date: QUERY_DAY, basis }, filter, { limit: 2, offset: 1 })).toEqual(queryAsAt(side.readModels, { date: QUERY_DAY, basis }, filter, { limit: 2, offset: 1 }));
      expect((await reader.asAt({ date: QUERY_DAY, basis }, {}, ALL)).items.map((entry) => entry.recommendationId)).toContain(ID.rec03);
    });

    it.each(BASES)('answers changes in the %s basis exactly as the synchronous query does', async (basis) => {
      for (const [from, to] of PERIODS) {
        const changes = await reader.changes({ from, to, basis }, ALL);
        expect(changes).toEqual(queryChanges(side.readModels, { from, to, basis }, ALL));
        expect(changes.total).toBeGreaterThan(0);
      }
      expect(await reader.changes({ from: '2024-09-01', to: QUERY_DAY, basis, inspectionId: INSPECTION }, { limit: 3, offset: 2 })).toEqual(
        queryChanges(side.readModels, { from: '2024-09-01', to: QUERY_DAY, basis, inspectionId: INSPECTION }, { limit: 3, offset: 2 }),
      );
    });

    it('answers queries asked at once, starting a second thread only while the first is busy', async () => {
      const asked = DAYS.map((date) => reader.asAt({ date, basis: 'occurred' }, {}, ALL));
      expect(reader.running).toBe(2);
      expect(await Promise.all(asked)).toEqual(DAYS.map((date) => queryAsAt(side.readModels, { date, basis: 'occurred' }, {}, ALL)));
    });
  });

  it('rejects with the error the synchronous query throws', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-'));
    // No runner has started: the history read model has no tables yet.
    const readModels = ReadModels.open(path.join(dir, READ_MODELS_FILE), ALL_PROJECTIONS);
    const reader = new HistoryReader({ readModelsFile: readModels.file, threads: 1 });
    try {
      const at = { date: QUERY_DAY, basis: 'occurred' as const };
      expect(() => queryAsAt(readModels, at, {}, ALL)).toThrow(/projection history has no tables yet/);
      await expect(reader.asAt(at, {}, ALL)).rejects.toThrow(/^projection history has no tables yet/);
      await expect(reader.changes({ from: '2025-01-01', to: '2025-01-31', basis: 'recorded' }, ALL)).rejects.toThrow(/^projection timeline has no tables yet/);
    } finally {
      await reader.stop();
      readModels.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('rejects when its thread cannot open the read models, and opens none of its own', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-'));
    const file = path.join(dir, READ_MODELS_FILE);
    const reader = new HistoryReader({ readModelsFile: file, threads: 1 });
    try {
      await expect(reader.asAt({ date: QUERY_DAY, basis: 'occurred' }, {}, ALL)).rejects.toThrow(/^the history reader could not open the read models: /);
      // Read-only: it created nothing in the folder.
      expect(fs.readdirSync(dir)).toEqual([]);
    } finally {
      await reader.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('answers from the generation a rebuild swapped in', async () => {
    const source = await openReadSide();
    const ledger = await LedgerDriver.start(source.store);
    const year = await recordSampleYear(ledger);
    await source.caughtUp(year.lastPosition);
    const side = await openReadSide();
    const reader = new HistoryReader({ readModelsFile: side.readModels.file, threads: 1 });
    try {
      const events: RecordedEvent[] = [];
      for await (const event of source.store.readAll()) events.push(event);
      const half = Math.floor(events.length / 2);
      const copy = async (from: number, to: number) => {
        for (const event of events.slice(from, to)) await side.store.append(event.streamId, [{ id: event.id, type: event.type, data: event.data, metadata: event.metadata }], 'any');
      };
      await copy(0, half);
      await side.caughtUp((await side.store.headPosition()) ?? 0n);
      const at = { date: QUERY_DAY, basis: 'occurred' as const };
      const period = { from: '2024-08-01', to: QUERY_DAY, basis: 'recorded' as const };
      expect(await reader.asAt(at, {}, ALL)).toEqual(queryAsAt(side.readModels, at, {}, ALL));
      const before = await reader.changes(period, ALL);

      // The live runner stops: only the rebuilds bring in the rest of the log.
      await side.runner.stop();
      await copy(half, events.length);
      const generations = () => [HISTORY, TIMELINE].map((name) => side.readModels.activeGeneration(name)?.generation);
      const rebuilding = new ProjectionRunner({ store: side.store, readModels: side.readModels, logger: SILENT });
      await Promise.all([rebuilding.rebuild(HISTORY), rebuilding.rebuild(TIMELINE)]);
      expect(generations()).toEqual([2, 2]);

      const after = await reader.changes(period, ALL);
      expect(after.total).toBeGreaterThan(before.total);
      expect(after).toEqual(queryChanges(source.readModels, period, ALL));
      expect(await reader.asAt(at, {}, ALL)).toEqual(queryAsAt(source.readModels, at, {}, ALL));
    } finally {
      await reader.stop();
      await ledger.close();
      await side.close();
      await source.close();
    }
  });

  it('keeps this thread serving while a large query runs in a reader thread, and stops its threads', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-'));
    const store = SqliteEventStore.open(path.join(dir, 'events.sqlite'));
    const readModels = ReadModels.open(path.join(dir, READ_MODELS_FILE), [timelineProjection, historyProjection]);
    const runner = new ProjectionRunner({ store, readModels, logger: SILENT, batchSize: 5000 });
    const reader = new HistoryReader({ readModelsFile: readModels.file, threads: 1 });
    try {
      await generateLedger(store, 10_000, { concurrency: 8 });
      await runner.start();
      expect(await readModels.waitForPosition((await store.headPosition()) ?? 0n, 120_000)).toBe(true);
      await runner.stop();
      // Every entry of the whole ledger in one page: a query far larger than any page asks.
      const everything = { from: '2024-01-01', to: '2027-12-31', basis: 'recorded' as const };
      const page = { limit: 100_000, offset: 0 };
      await reader.changes(everything, { limit: 1, offset: 0 });

      const held = await loopTurnsDuring(() => queryChanges(readModels, everything, page));
      const served = await loopTurnsDuring(() => reader.changes(everything, page));
      expect(served.answer.items.length).toBeGreaterThan(7_500);
      expect(served.answer).toEqual(held.answer);
      // The synchronous query holds the loop throughout; the same query in the reader thread lets it turn all along.
      expect(held.turns).toBe(0);
      expect(served.turns).toBeGreaterThan(100);
    } finally {
      await reader.stop();
      await runner.stop();
      readModels.close();
      await store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
    expect(reader.running).toBe(0);
    await expect(reader.asAt({ date: QUERY_DAY, basis: 'occurred' }, {}, ALL)).rejects.toThrow(/stopped/);
  }, 180_000);
});
