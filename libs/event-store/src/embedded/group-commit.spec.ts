import type Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { EventStoreFullError, type EventToAppend, type RecordedEvent, WrongExpectedVersionError } from '../event-store.port';
import { SqliteEventStore } from './sqlite-event-store';

describe('SqliteEventStore group commit', () => {
  let dir: string;
  let file: string;
  let store: SqliteEventStore;
  let groups: number[];

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-'));
    file = path.join(dir, 'events.sqlite');
    groups = [];
    store = SqliteEventStore.open(file, { onGroupCommit: (appends) => groups.push(appends) });
  });

  afterEach(async () => {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('commits appends made together in one transaction, each answered with its own result', async () => {
    const results = await Promise.all(Array.from({ length: 40 }, (_, i) => store.append(`s-${i}`, [anEvent('Opened'), anEvent('Noted')], 'no_stream')));

    expect(groups).toEqual([40]);
    expect(results.map((r) => r.nextRevision)).toEqual(results.map(() => 1n));
    expect(results.map((r) => r.position)).toEqual(results.map((_, i) => BigInt(2 * (i + 1))));
    expect((await all(store.readAll())).map((e) => e.streamId)).toEqual(Array.from({ length: 40 }, (_, i) => [`s-${i}`, `s-${i}`]).flat());
  });

  it('appends made while a commit is under way in the writer thread wait for it, then share the next commit', async () => {
    const first = store.append('first', [anEvent('Opened')], 'no_stream');
    // The first group has now been handed to the writer thread.
    await new Promise((resolve) => setImmediate(resolve));
    const next = Promise.all([1, 2, 3].map((i) => store.append(`next-${i}`, [anEvent('Opened')], 'no_stream')));

    expect(await first).toEqual({ nextRevision: 0n, position: 1n });
    expect((await next).map((result) => result.position)).toEqual([2n, 3n, 4n]);
    expect(groups).toEqual([1, 3]);
  });

  it('a refused append inside a group fails alone: the others of its group are stored', async () => {
    await store.append('existing', [anEvent('Opened')], 'no_stream');
    const clash = anEvent('Clash');
    await store.append('other', [clash], 'no_stream');
    groups.length = 0;

    const outcomes = await Promise.allSettled([
      store.append('a', [anEvent('Opened')], 'no_stream'),
      store.append('existing', [anEvent('Stale')], 'no_stream'),
      store.append('b', [anEvent('Opened')], 'no_stream'),
      store.append('c', [anEvent('Opened'), { ...clash, type: 'Reused' }], 'no_stream'),
      store.append('existing', [anEvent('Next')], 0n),
    ]);

    expect(groups).toEqual([5]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'rejected', 'fulfilled']);
    expect((outcomes[1] as PromiseRejectedResult).reason).toBeInstanceOf(WrongExpectedVersionError);
    expect(String((outcomes[3] as PromiseRejectedResult).reason)).toContain('is already stored');
    const log = await all(store.readAll());
    expect(log.map((e) => [e.streamId, e.type, e.position])).toEqual([
      ['existing', 'Opened', 1n],
      ['other', 'Clash', 2n],
      ['a', 'Opened', 3n],
      ['b', 'Opened', 4n],
      ['existing', 'Next', 5n],
    ]);
  });

  it('of concurrent appends to one stream expecting the same revision, exactly one wins, in one group', async () => {
    await store.append('s', [anEvent('Opened')], 'no_stream');
    groups.length = 0;

    const outcomes = await Promise.allSettled(Array.from({ length: 10 }, () => store.append('s', [anEvent('Noted')], 0n)));

    expect(groups).toEqual([10]);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    expect(outcomes.filter((o) => o.status === 'rejected' && o.reason instanceof WrongExpectedVersionError)).toHaveLength(9);
    expect((await all(store.readStream('s'))).map((e) => e.revision)).toEqual([0n, 1n]);
  });

  it('a retry in the same group as the append it repeats is stored once and answered alike', async () => {
    const event = anEvent('Once');
    const [first, retry] = await Promise.all([store.append('s', [event], 'no_stream'), store.append('s', [event], 'no_stream')]);

    expect(retry).toEqual(first);
    expect(await all(store.readStream('s'))).toHaveLength(1);
  });

  it('a full disk fails the appends it cannot hold with a clear error, corrupts nothing, and appends work again once there is room', async () => {
    await store.append('before', [anEvent('Opened')], 'no_stream');
    const db = (store as unknown as { db: Database.Database }).db;
    const pages = Number(await store.writerPragma('page_count'));
    // SQLite's own SQLITE_FULL, as a full disk gives it: the file may not grow by a single page.
    await store.writerPragma(`max_page_count = ${pages}`);
    const big = { text: 'x'.repeat(64 * 1024) };

    const outcomes = await Promise.allSettled([store.append('a', [anEvent('Big', big)], 'no_stream'), store.append('b', [anEvent('Big', big)], 'no_stream')]);

    for (const outcome of outcomes) {
      expect(outcome.status).toBe('rejected');
      const reason = (outcome as PromiseRejectedResult).reason as Error;
      expect(reason).toBeInstanceOf(EventStoreFullError);
      expect(reason.message).toContain('the disk is full; nothing of this append was written');
    }
    expect((await all(store.readAll())).map((e) => e.streamId)).toEqual(['before']);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');

    await store.writerPragma('max_page_count = 1073741823');
    await store.append('a', [anEvent('Big', big)], 'no_stream');
    await store.close();
    const reopened = SqliteEventStore.open(file);
    try {
      expect((await all(reopened.readAll())).map((e) => [e.streamId, e.position])).toEqual([
        ['before', 1n],
        ['a', 2n],
      ]);
    } finally {
      await reopened.close();
    }
  });

  it('close() writes the appends already made before it closes the file', async () => {
    const pending = store.append('s', [anEvent('Last')], 'no_stream');
    await store.close();
    await expect(pending).resolves.toEqual({ nextRevision: 0n, position: 1n });
    store = SqliteEventStore.open(file);
    expect(await all(store.readAll())).toHaveLength(1);
  });
});

function anEvent(type: string, data: EventToAppend['data'] = {}): EventToAppend {
  return { id: randomUUID(), type, data, metadata: { source: 'test' } };
}

async function all(iterable: AsyncIterable<RecordedEvent>): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  for await (const event of iterable) events.push(event);
  return events;
}
