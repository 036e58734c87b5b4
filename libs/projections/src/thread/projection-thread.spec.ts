import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { threadId, Worker } from 'node:worker_threads';
import { EMBEDDED_EVENTS_FILE, SqliteEventStore } from '@ledger/event-store';
import { ReadModels } from '../read-model-database';
import { ProjectionRunner } from '../runner/projection-runner';
import { appendEvents, rowsOf } from '../test-fixtures/test-projections';
import { THREAD_PROJECTIONS } from '../test-fixtures/thread-projections';
import { AppendSignal } from './append-signal';
import { APPENDED_WINDOW_MS, ProjectionThread } from './projection-thread';

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

  it('tells the thread of appends once per window, so that commands one at a time share a batch, and at once when someone waits for a write', async () => {
    await thread.start();
    const told = jest.spyOn(Worker.prototype, 'postMessage');
    const appendedMessages = () => told.mock.calls.filter(([message]) => (message as { type?: string }).type === 'appended').length;
    try {
      let position = await appendEvents(store, 5);
      // Five group commits in a row, each signalled as the store signals them.
      for (let n = 0; n < 5; n += 1) appended.notify();
      expect(appendedMessages()).toBe(0);
      await new Promise((resolve) => setTimeout(resolve, APPENDED_WINDOW_MS * 5));
      expect(appendedMessages()).toBe(1);
      expect(await thread.waitForPosition(position, 5000)).toBe(true);

      position = await appendEvents(store, 1);
      appended.notify();
      const waiting = thread.waitForPosition(position, 5000);
      expect(appendedMessages()).toBe(2);
      expect(await waiting).toBe(true);
      expect(rowsOf(readModels, 'applied_by', 'events')).toHaveLength(6);
    } finally {
      told.mockRestore();
    }
  });

  it('tells the thread at once when a read of this thread waits on its read models for a write (as the API read routes do)', async () => {
    await thread.start();
    const told = jest.spyOn(Worker.prototype, 'postMessage');
    const appendedMessages = () => told.mock.calls.filter(([message]) => (message as { type?: string }).type === 'appended').length;
    try {
      const position = await appendEvents(store, 2);
      appended.notify();
      expect(appendedMessages()).toBe(0);
      const waiting = readModels.waitForPosition(position, 5000);
      expect(appendedMessages()).toBe(1);
      expect(await waiting).toBe(true);
      // Already there: nothing to tell.
      expect(await readModels.waitForPosition(position, 5000)).toBe(true);
      expect(appendedMessages()).toBe(1);
      expect(rowsOf(readModels, 'applied_by', 'events')).toHaveLength(2);
    } finally {
      told.mockRestore();
    }
  });

  it('moves to a generation another process rebuilt and swapped in, without a restart, and this thread’s readers with it', async () => {
    await appendEvents(store, 40, { perAppend: 20 });
    await thread.start();
    expect(await thread.waitForPosition(40n, 20_000)).toBe(true);
    expect(readModels.table('applied_by', 'events')).toBe('applied_by__g1.events');

    const cli = ReadModels.open(path.join(dir, 'read-models.sqlite'), THREAD_PROJECTIONS);
    try {
      const rebuilt = await new ProjectionRunner({ store, readModels: cli, logger: { log: () => undefined, warn: () => undefined } }).rebuild('applied_by');
      expect(rebuilt).toMatchObject({ generation: 2, events: 40 });
    } finally {
      cli.close();
    }
    const position = await appendEvents(store, 5);
    appended.notify();

    expect(await thread.waitForPosition(position, 20_000)).toBe(true);
    expect(readModels.table('applied_by', 'events')).toBe('applied_by__g2.events');
    const rows = rowsOf(readModels, 'applied_by', 'events') as Array<{ position: number; thread_id: number }>;
    expect(rows.map((row) => row.position)).toEqual(Array.from({ length: 45 }, (_, i) => i + 1));
    // The rebuild ran here; what came after the swap, the projection thread applied to the new generation.
    expect(rows.slice(0, 40).every((row) => row.thread_id === threadId)).toBe(true);
    expect(rows.slice(40).every((row) => row.thread_id !== threadId)).toBe(true);
    expect(warnings).toEqual([]);
  });

  it('rebuilds a read model with its own runner when asked, while the old generation serves, and swaps the new one in', async () => {
    await appendEvents(store, 60, { perAppend: 20 });
    await thread.start();
    expect(await thread.waitForPosition(60n, 20_000)).toBe(true);
    const before = rowsOf(readModels, 'applied_by', 'events') as Array<{ position: number }>;

    const rebuilt = await thread.rebuild('applied_by');

    expect(rebuilt).toMatchObject({ projection: 'applied_by', generation: 2, events: 60 });
    await expect(thread.rebuild('no_such_projection')).rejects.toThrow('unknown projection "no_such_projection"');
    const [status] = await thread.status();
    expect(status).toMatchObject({ name: 'applied_by', generation: 2, checkpoint: 60n, state: 'live', rebuild: null });
    const after = rowsOf(readModels, 'applied_by', 'events') as Array<{ position: number; thread_id: number }>;
    expect(readModels.table('applied_by', 'events')).toBe('applied_by__g2.events');
    expect(after.map((row) => row.position)).toEqual(before.map((row) => row.position));
    expect(after.every((row) => row.thread_id !== threadId)).toBe(true);
    expect(warnings).toEqual([]);
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
