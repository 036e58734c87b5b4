import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { threadId } from 'node:worker_threads';
import { EMBEDDED_EVENTS_FILE, SqliteEventStore } from '@ledger/event-store';
import { ReadModels } from '../read-model-database';
import { appendEvents, rowsOf } from '../test-fixtures/test-projections';
import { THREAD_PROJECTIONS } from '../test-fixtures/thread-projections';
import { AppendSignal } from './append-signal';
import { ProjectionThread } from './projection-thread';

describe('the projection thread', () => {
  let dir: string;
  let store: SqliteEventStore;
  let readModels: ReadModels;
  let thread: ProjectionThread;
  const appended = new AppendSignal();
  const warnings: string[] = [];

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-thread-'));
    store = SqliteEventStore.open(path.join(dir, EMBEDDED_EVENTS_FILE));
    readModels = ReadModels.open(path.join(dir, 'read-models.sqlite'), THREAD_PROJECTIONS);
    thread = new ProjectionThread({
      env: { LEDGER_EVENT_STORE: 'embedded', LEDGER_DATA_DIR: dir },
      projectionsModule: require.resolve('../test-fixtures/thread-projections'),
      projectionsExport: 'THREAD_PROJECTIONS',
      readModels,
      store,
      appended,
      logger: { log: () => undefined, warn: (message) => warnings.push(message) },
    });
  });

  afterEach(async () => {
    await thread.stop();
    readModels.close();
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('applies the events in another thread, with its lag visible from this one until it has caught up', async () => {
    await appendEvents(store, 300, { perAppend: 50 });

    await thread.start();
    const [catchingUp] = await thread.status();
    expect(catchingUp).toMatchObject({ name: 'applied_by', state: 'catching-up', error: null });
    expect(catchingUp.lag?.events).toBeGreaterThan(0);

    expect(await thread.waitForPosition(300n, 20_000)).toBe(true);
    const [live] = await thread.status();
    expect(live).toMatchObject({ state: 'live', checkpoint: 300n, lag: { events: 0, atLeast: false } });
    const rows = rowsOf(readModels, 'applied_by', 'events') as Array<{ position: number; thread_id: number }>;
    expect(rows).toHaveLength(300);
    expect(new Set(rows.map((row) => row.thread_id)).has(threadId)).toBe(false);
    expect(warnings).toEqual([]);
  });

  it('follows appends made in this thread, and read-your-writes waits see them', async () => {
    await thread.start();
    const position = await appendEvents(store, 3);
    appended.notify();
    expect(await thread.waitForPosition(position, 5000)).toBe(true);
    expect(rowsOf(readModels, 'applied_by', 'events')).toHaveLength(3);
  });

  it('commits what it holds when stopped, and carries on from its checkpoint when started again', async () => {
    await appendEvents(store, 20);
    await thread.start();
    expect(await thread.waitForPosition(20n, 10_000)).toBe(true);
    await thread.stop();
    await appendEvents(store, 5);
    await thread.start();
    expect(await thread.waitForPosition(25n, 10_000)).toBe(true);
    const rows = rowsOf(readModels, 'applied_by', 'events') as Array<{ position: number }>;
    expect(rows.map((row) => row.position)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
  });
});
