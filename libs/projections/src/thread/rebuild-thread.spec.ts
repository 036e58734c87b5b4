import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { getHeapStatistics } from 'node:v8';
import { threadId } from 'node:worker_threads';
import { EMBEDDED_EVENTS_FILE, SqliteEventStore } from '@ledger/event-store';
import { READ_MODELS_FILE, ReadModels } from '../read-model-database';
import type { RebuildProgress } from '../runner/rebuild-progress';
import { appendEvents, rowsOf } from '../test-fixtures/test-projections';
import { REBUILD_PROJECTIONS } from '../test-fixtures/thread-projections';
import { REBUILD_HEAP_LIMIT_MB, rebuildInThread } from './rebuild-thread';

const SOURCE = { projectionsModule: require.resolve('../test-fixtures/thread-projections'), projectionsExport: 'REBUILD_PROJECTIONS' };

describe('rebuilding in a thread of its own', () => {
  let dir: string;

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-rebuild-thread-'));
    const store = SqliteEventStore.open(path.join(dir, EMBEDDED_EVENTS_FILE));
    await appendEvents(store, 40, { perAppend: 10 });
    await store.close();
  });

  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('builds and swaps in each read model in another thread, under its heap limit, reporting progress as it goes', async () => {
    const progress: RebuildProgress[] = [];
    const { opened, results, done } = rebuildInThread({ ...SOURCE, env: { LEDGER_DATA_DIR: dir }, names: ['applied_by', 'heap_limit'], onProgress: (report) => progress.push(report) });

    await opened;
    expect(await results.get('applied_by')).toMatchObject({ projection: 'applied_by', generation: 2, events: 40 });
    expect(await results.get('heap_limit')).toMatchObject({ projection: 'heap_limit', generation: 2, events: 40 });
    await done;

    const readModels = ReadModels.open(path.join(dir, READ_MODELS_FILE), REBUILD_PROJECTIONS);
    try {
      const applied = rowsOf(readModels, 'applied_by', 'events') as Array<{ thread_id: number }>;
      expect(applied).toHaveLength(40);
      expect(applied.some((row) => row.thread_id === threadId)).toBe(false);
      const limits = new Set((rowsOf(readModels, 'heap_limit', 'events') as Array<{ limit_mib: number }>).map((row) => row.limit_mib));
      // V8 adds the young generation and some room to the old generation's limit.
      const [limit] = [...limits];
      expect(limits.size).toBe(1);
      expect(limit).toBeGreaterThanOrEqual(REBUILD_HEAP_LIMIT_MB);
      expect(limit).toBeLessThan(REBUILD_HEAP_LIMIT_MB + 128);
      expect(limit).toBeLessThan(getHeapStatistics().heap_size_limit / 2 ** 20);
    } finally {
      readModels.close();
    }
    expect(progress.filter((report) => report.finished).map((report) => report.projection).sort()).toEqual(['applied_by', 'heap_limit']);
  });

  it('fails the rebuild of a projection it does not know, and rebuilds the others', async () => {
    const { results, done } = rebuildInThread({ ...SOURCE, env: { LEDGER_DATA_DIR: dir }, names: ['heap_limit', 'nope'] });

    await expect(results.get('nope')).rejects.toThrow('unknown projection "nope"');
    expect(await results.get('heap_limit')).toMatchObject({ events: 40 });
    await done;
  });

  it('fails every rebuild, saying why, when the thread cannot open the log', async () => {
    const rebuilding = rebuildInThread({ ...SOURCE, env: { LEDGER_DATA_DIR: dir, LEDGER_EVENT_STORE: 'paper' }, names: ['applied_by', 'heap_limit'] });
    const { results, done } = rebuilding;

    const { opened } = rebuilding;
    await expect(opened).rejects.toThrow('LEDGER_EVENT_STORE must be "embedded" or "esdb", not "paper"');
    await expect(results.get('applied_by')).rejects.toThrow('LEDGER_EVENT_STORE must be "embedded" or "esdb", not "paper"');
    await expect(results.get('heap_limit')).rejects.toThrow('LEDGER_EVENT_STORE must be "embedded" or "esdb"');
    await done;
  });
});
