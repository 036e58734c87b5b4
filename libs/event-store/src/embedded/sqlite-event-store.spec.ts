import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describeEventStoreContract } from '../contract/event-store.contract';
import { EventStoreUnavailableError, type EventToAppend, type RecordedEvent, type SubscriptionMessage } from '../event-store.port';
import { SqliteEventStore } from './sqlite-event-store';

const repositoryRoot = path.resolve(__dirname, '../../../..');

describeEventStoreContract('embedded SQLite', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-'));
  const store = SqliteEventStore.open(path.join(dir, 'events.sqlite'));
  return {
    store,
    dispose: async () => {
      await store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
});

describe('SqliteEventStore', () => {
  let dir: string;
  let file: string;
  let store: SqliteEventStore;
  const others: { close(): unknown }[] = [];

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-'));
    file = path.join(dir, 'events.sqlite');
    store = SqliteEventStore.open(file);
  });

  afterEach(async () => {
    for (const other of others.splice(0)) await other.close();
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** A second, raw connection to the same file: what someone with file access could try. */
  function rawConnection(): Database.Database {
    const db = new Database(file);
    others.push(db);
    return db;
  }

  describe('countAfter, over gap-free positions', () => {
    beforeEach(async () => {
      for (let n = 0; n < 6; n += 1) await store.append(`inspection-${n % 2}`, [anEvent('InspectionRegistered')], 'any');
      for (let n = 0; n < 4; n += 1) await store.append(`challenge-${n}`, [anEvent('ChallengeRaised')], 'any');
    });

    it('counts the whole log by subtracting positions', async () => {
      expect(await store.countAfter(null)).toEqual({ events: 10, atLeast: false });
      expect(await store.countAfter(7n)).toEqual({ events: 3, atLeast: false });
      expect(await store.countAfter(10n)).toEqual({ events: 0, atLeast: false });
    });

    it("counts some streams' events in SQL over at most `limit` positions", async () => {
      expect(await store.countAfter(2n, { streamPrefixes: ['inspection-'] })).toEqual({ events: 4, atLeast: false });
      expect(await store.countAfter(null, { streamPrefixes: ['challenge-'], limit: 7 })).toEqual({ events: 1, atLeast: true });
      expect(await store.countAfter(null, { streamPrefixes: ['inspection-', 'challenge-'], limit: 5 })).toEqual({ events: 5, atLeast: true });
    });
  });

  describe('the file itself keeps the log append-only', () => {
    beforeEach(async () => {
      await store.append('recommendation-1', [anEvent('RecommendationIssued', { ref: 'REC 03' })], 'no_stream');
      await store.append('recommendation-1', [anEvent('RecommendationAccepted')], 0n);
    });

    it('refuses an UPDATE of a stored event', async () => {
      const db = rawConnection();

      expect(() => db.prepare(`UPDATE events SET data = '{"ref":"REC 99"}' WHERE position = 1`).run()).toThrow('ledger events are append-only');
      expect(() => db.prepare(`UPDATE OR REPLACE events SET type = 'Tampered'`).run()).toThrow('ledger events are append-only');
      expect((await all(store.readAll())).map((e) => [e.type, e.data])).toEqual([
        ['RecommendationIssued', { ref: 'REC 03' }],
        ['RecommendationAccepted', {}],
      ]);
    });

    it('refuses a DELETE of a stored event, or of them all', async () => {
      const db = rawConnection();

      expect(() => db.prepare('DELETE FROM events WHERE position = 2').run()).toThrow('ledger events are append-only');
      expect(() => db.prepare('DELETE FROM events').run()).toThrow('ledger events are append-only');
      expect(await all(store.readAll())).toHaveLength(2);
    });

    it('refuses an INSERT OR REPLACE that would overwrite a stored event', async () => {
      const db = rawConnection();
      const [first] = await all(store.readAll());
      const replace = db.prepare(
        `INSERT OR REPLACE INTO events (position, stream_id, revision, event_id, type, data, metadata, created)
         VALUES (?, ?, ?, ?, 'Tampered', '{}', '{}', '2024-01-01T00:00:00.000Z')`,
      );

      expect(() => replace.run(1, 'recommendation-1', 0, randomUUID())).toThrow('ledger events are append-only');
      expect(() => replace.run(3, 'recommendation-2', 0, first.id)).toThrow('ledger events are append-only');
      expect((await all(store.readAll())).map((e) => e.type)).toEqual(['RecommendationIssued', 'RecommendationAccepted']);
    });

    it('refuses a row that skips a position or a revision', () => {
      const db = rawConnection();
      const insert = db.prepare(
        `INSERT INTO events (position, stream_id, revision, event_id, type, data, metadata, created)
         VALUES (?, ?, ?, ?, 'Forged', '{}', '{}', '2024-01-01T00:00:00.000Z')`,
      );

      expect(() => insert.run(5, 'recommendation-2', 0, randomUUID())).toThrow('ledger events are append-only');
      expect(() => insert.run(3, 'recommendation-1', 5, randomUUID())).toThrow('ledger events are append-only');
    });

    it('refuses data or metadata that is not a JSON object', async () => {
      const db = rawConnection();
      const insert = db.prepare(
        `INSERT INTO events (position, stream_id, revision, event_id, type, data, metadata, created)
         VALUES (3, 'recommendation-2', 0, ?, 'Forged', ?, ?, '2024-01-01T00:00:00.000Z')`,
      );

      expect(() => insert.run(randomUUID(), '{"unterminated": ', '{}')).toThrow(/CHECK constraint failed/);
      expect(() => insert.run(randomUUID(), '{}', 'not json')).toThrow(/CHECK constraint failed/);
      expect(() => insert.run(randomUUID(), '[1, 2]', '{}')).toThrow(/CHECK constraint failed/);
      expect(await all(store.readAll())).toHaveLength(2);
    });
  });

  it('numbers positions 1, 2, 3 ... without a gap across streams, refused appends taking none', async () => {
    await store.append('a', [anEvent('One'), anEvent('Two')], 'no_stream');
    await expect(store.append('a', [anEvent('Refused')], 'no_stream')).rejects.toThrow('Wrong expected version');
    await store.append('b', [anEvent('Three')], 'no_stream');
    await expect(store.append('b', [anEvent('Refused')], 5n)).rejects.toThrow('Wrong expected version');
    await store.append('a', [anEvent('Four')], 1n);

    expect((await all(store.readAll())).map((e) => [e.position, e.type])).toEqual([
      [1n, 'One'],
      [2n, 'Two'],
      [3n, 'Three'],
      [4n, 'Four'],
    ]);
    expect(await store.headPosition()).toBe(4n);
  });

  it('starts empty: no head, nothing to read, caught up at once with no position', async () => {
    expect(await store.headPosition()).toBeNull();
    expect(await all(store.readAll())).toEqual([]);
    expect(await all(store.readAll({ direction: 'backwards' }))).toEqual([]);
    const subscription = store.subscribeToAll();
    const [first] = await messages(subscription, 1);
    expect(first).toEqual({ kind: 'caught-up', position: null });
    await subscription.close();
  });

  it('keeps every event across close and reopen', async () => {
    const appended = [anEvent('One', { text: 'Ünïcödé 🚔' }), anEvent('Two', { nested: { list: [1, null] } })];
    await store.append('recommendation-1', appended, 'no_stream');
    const before = await all(store.readAll());
    await store.close();

    store = SqliteEventStore.open(file);

    expect(await all(store.readAll())).toEqual(before);
    expect((await store.append('recommendation-1', [anEvent('Three')], 1n)).position).toBe(3n);
  });

  it('survives a process killed with SIGKILL right after its appends were acknowledged', async () => {
    const child = spawnSync(
      process.execPath,
      ['-r', './test/support/register-ts.js', path.join(__dirname, 'test-fixtures/append-then-sigkill.ts'), file, 'durability-1', '5'],
      { cwd: repositoryRoot, encoding: 'utf8', timeout: 60_000 },
    );

    expect({ signal: child.signal, stderr: child.stderr }).toEqual({ signal: 'SIGKILL', stderr: '' });
    const acknowledged = child.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { id: string; revision: string; position: string });
    expect(acknowledged).toHaveLength(5);
    const reopened = SqliteEventStore.open(file);
    others.push(reopened);
    const stored = await all(reopened.readStream('durability-1'));
    expect(stored.map((e) => ({ id: e.id, revision: String(e.revision), position: String(e.position) }))).toEqual(acknowledged);
  });

  it('a subscriber on a second store over the same file sees events appended through the first', async () => {
    const second = SqliteEventStore.open(file);
    others.push(second);
    await store.append('recommendation-1', [anEvent('Before')], 'no_stream');
    const subscription = second.subscribeToAll();
    const iterator = subscription[Symbol.asyncIterator]();
    expect((await nextMessages(iterator, 2)).map(kindAndType)).toEqual([['event', 'Before'], ['caught-up']]);

    // Already waiting when the appends land: only the second store's polling can see them.
    const live = nextMessages(iterator, 2);
    await store.append('recommendation-1', [anEvent('Live')], 0n);
    await store.append('recommendation-2', [anEvent('AlsoLive')], 'no_stream');

    expect((await live).map(kindAndType)).toEqual([
      ['event', 'Live'],
      ['event', 'AlsoLive'],
    ]);
    await subscription.close();
  });

  it('reads and delivers logs longer than one page, in order', async () => {
    const events = Array.from({ length: 1234 }, (_, n) => anEvent('Numbered', { n }));
    await store.append('long', events.slice(0, 700), 'no_stream');
    await store.append('long', events.slice(700), 699n);
    const ids = events.map((e) => e.id);

    expect((await all(store.readStream('long'))).map((e) => e.id)).toEqual(ids);
    expect((await all(store.readStream('long', { direction: 'backwards' }))).map((e) => e.id)).toEqual([...ids].reverse());
    expect((await all(store.readAll({ maxCount: 1000 }))).map((e) => e.id)).toEqual(ids.slice(0, 1000));
    expect((await all(store.readAll({ direction: 'backwards' }))).map((e) => e.id)).toEqual([...ids].reverse());
    const subscription = store.subscribeToAll();
    const delivered = await messages(subscription, ids.length + 1);
    expect(delivered.slice(0, -1).map((m) => (m.kind === 'event' ? m.event.id : m.kind))).toEqual(ids);
    expect(delivered[ids.length]).toEqual({ kind: 'caught-up', position: 1234n });
    await subscription.close();
  });

  it('sends a checkpoint past events its filter skips, and caught-up at the head', async () => {
    await store.append('inspection-1', [anEvent('Registered')], 'no_stream');
    await store.append('recommendation-1', [anEvent('Issued')], 'no_stream');
    await store.append('inspection-2', [anEvent('Registered')], 'no_stream');
    const subscription = store.subscribeToAll({ streamPrefixes: ['recommendation-'] });

    const received = await messages(subscription, 3);

    expect(received.map((m) => (m.kind === 'event' ? [m.kind, m.event.position] : [m.kind, m.position]))).toEqual([
      ['event', 2n],
      ['checkpoint', 3n],
      ['caught-up', 3n],
    ]);
    await subscription.close();
  });

  it('closing the store ends its subscriptions', async () => {
    const subscription = store.subscribeToAll();
    const iterator = subscription[Symbol.asyncIterator]();
    await nextMessages(iterator, 1);
    const waiting = iterator.next();

    await store.close();

    await expect(waiting).resolves.toEqual({ done: true, value: undefined });
  });

  it('refuses calls after close as unavailable, and reports itself not ok', async () => {
    await store.close();

    await expect(store.append('a', [anEvent('Late')], 'any')).rejects.toBeInstanceOf(EventStoreUnavailableError);
    await expect(store.headPosition()).rejects.toBeInstanceOf(EventStoreUnavailableError);
    await expect(all(store.readAll())).rejects.toBeInstanceOf(EventStoreUnavailableError);
    expect(await store.health()).toMatchObject({ ok: false, kind: 'embedded' });
  });

  it('refuses an event id already stored, unless the append is a retry of the one that stored it', async () => {
    const [a, b, c] = [anEvent('A'), anEvent('B'), anEvent('C')];
    await store.append('one', [a, b], 'no_stream');

    await expect(store.append('two', [a], 'any')).rejects.toThrow(`event id ${a.id} is already stored (stream one, revision 0)`);
    await expect(store.append('one', [a, c], 'any')).rejects.toThrow('is already stored');
    await expect(store.append('one', [b, a], 'any')).rejects.toThrow('is already stored');
    await expect(store.append('one', [b], 'any')).resolves.toEqual({ nextRevision: 1n, position: 2n });
    expect(await store.headPosition()).toBe(2n);
  });

  it('treats event ids case-insensitively, storing them lower-case', async () => {
    const event = anEvent('Upper');
    const upper = { ...event, id: event.id.toUpperCase() };
    const first = await store.append('one', [upper], 'no_stream');

    expect(await store.append('one', [event], 'no_stream')).toEqual(first);
    expect((await all(store.readStream('one'))).map((e) => e.id)).toEqual([event.id]);
  });

  it.each([
    ['an empty stream id', '', [anEvent('A')], 'any', 'streamId must be a non-empty string'],
    ['no events', 's', [], 'any', 'events must be a non-empty array'],
    ['an id that is not a UUID', 's', [{ ...anEvent('A'), id: 'not-a-uuid' }], 'any', 'events[0].id must be a UUID'],
    ['an empty type', 's', [anEvent('')], 'any', 'events[0].type must be a non-empty string'],
    ['array data', 's', [{ ...anEvent('A'), data: [] as never }], 'any', 'events[0].data must be a JSON object'],
    ['null metadata', 's', [{ ...anEvent('A'), metadata: null as never }], 'any', 'events[0].metadata must be a JSON object'],
    ['the same id twice', 's', [anEvent('A')].flatMap((e) => [e, e]), 'any', 'events[1].id repeats an id of the same append'],
    ['a negative revision', 's', [anEvent('A')], -1n, 'expected must be'],
    ['an unknown expectation', 's', [anEvent('A')], 'latest' as never, 'expected must be'],
  ] as const)('refuses %s, naming it, and writes nothing', async (_case, streamId, events, expected, message) => {
    await expect(store.append(streamId, [...events], expected)).rejects.toThrow(message);
    expect(await store.headPosition()).toBeNull();
  });

  it('refuses bad read and subscription options, naming them', async () => {
    await expect(all(store.readAll({ maxCount: 0 }))).rejects.toThrow('maxCount must be a positive integer');
    await expect(all(store.readAll({ after: -1n }))).rejects.toThrow('after must be a position');
    await expect(all(store.readStream('s', { fromRevision: -2n }))).rejects.toThrow('fromRevision must be');
    expect(() => store.subscribeToAll({ streamPrefixes: [] })).toThrow('streamPrefixes, when given, must name at least one prefix');
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

async function messages(subscription: AsyncIterable<SubscriptionMessage>, count: number): Promise<SubscriptionMessage[]> {
  return nextMessages(subscription[Symbol.asyncIterator](), count);
}

async function nextMessages(iterator: AsyncIterator<SubscriptionMessage>, count: number): Promise<SubscriptionMessage[]> {
  const received: SubscriptionMessage[] = [];
  while (received.length < count) {
    const next = await iterator.next();
    if (next.done) throw new Error('the subscription ended early');
    received.push(next.value);
  }
  return received;
}

function kindAndType(message: SubscriptionMessage): string[] {
  return message.kind === 'event' ? [message.kind, message.event.type] : [message.kind];
}
