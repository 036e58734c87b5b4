import { randomUUID } from 'node:crypto';
import {
  type AppendResult,
  type EventStore,
  type EventToAppend,
  type ExpectedRevision,
  type JsonObject,
  type RecordedEvent,
  type Subscription,
  type SubscriptionMessage,
  WrongExpectedVersionError,
} from '../event-store.port';

/**
 * The behaviour every EventStore adapter must have, written once. Each test gets a fresh store
 * from `factory`, but the log behind it may be shared (a real EventStoreDB server with other
 * tests writing to it): every test writes only to streams with its own random prefix and looks
 * only at those, and never assumes the log is empty.
 */
export function describeEventStoreContract(
  name: string,
  factory: () => Promise<{ store: EventStore; dispose: () => Promise<void> }>,
): void {
  describe(`EventStore contract: ${name}`, () => {
    let store: EventStore;
    let dispose: () => Promise<void>;
    let prefix: string;
    /** A stream id that belongs to this test only. */
    const stream = (label: string) => `${prefix}${label}`;

    beforeEach(async () => {
      ({ store, dispose } = await factory());
      prefix = `contract${randomUUID().replace(/-/g, '').slice(0, 12)}-`;
    });

    afterEach(async () => {
      await dispose();
    });

    async function appendCounted(streamId: string, count: number, expected: ExpectedRevision = 'any'): Promise<AppendResult> {
      return store.append(streamId, numbered(count), expected);
    }

    /** This test's events in the log after `after`, in log order. */
    async function ownEventsInLog(after: bigint | null): Promise<RecordedEvent[]> {
      const own: RecordedEvent[] = [];
      for await (const event of store.readAll(after === null ? {} : { after })) {
        if (event.streamId.startsWith(prefix)) own.push(event);
      }
      return own;
    }

    describe('append with an expected revision', () => {
      it('no_stream creates a stream, numbering its events from revision 0', async () => {
        const events = [anEvent('Opened', { n: 0 }), anEvent('Noted', { n: 1 }), anEvent('Noted', { n: 2 })];
        const result = await store.append(stream('a'), events, 'no_stream');

        expect(result.nextRevision).toBe(2n);
        const stored = await collect(store.readStream(stream('a')));
        expect(stored.map((e) => [e.id, e.type, e.revision])).toEqual([
          [events[0].id, 'Opened', 0n],
          [events[1].id, 'Noted', 1n],
          [events[2].id, 'Noted', 2n],
        ]);
        expect(stored[2].position).toBe(result.position);
      });

      it('no_stream on a stream that exists fails with the actual revision and writes nothing', async () => {
        await appendCounted(stream('a'), 2, 'no_stream');
        const head = await store.headPosition();

        const error = await failure(store.append(stream('a'), numbered(1), 'no_stream'));

        expectWrongExpectedVersion(error, stream('a'), 'no_stream', 1n);
        expect(await collect(store.readStream(stream('a')))).toHaveLength(2);
        expect(await ownEventsInLog(head)).toEqual([]);
      });

      it('stream_exists appends to a stream that exists', async () => {
        await appendCounted(stream('a'), 1, 'no_stream');

        const result = await appendCounted(stream('a'), 2, 'stream_exists');

        expect(result.nextRevision).toBe(2n);
        expect(await collect(store.readStream(stream('a')))).toHaveLength(3);
      });

      it("stream_exists on a missing stream fails with actual 'no_stream' and creates nothing", async () => {
        const error = await failure(appendCounted(stream('missing'), 1, 'stream_exists'));

        expectWrongExpectedVersion(error, stream('missing'), 'stream_exists', 'no_stream');
        expect(await collect(store.readStream(stream('missing')))).toEqual([]);
      });

      it('any appends whether or not the stream exists', async () => {
        const created = await appendCounted(stream('a'), 1, 'any');
        const extended = await appendCounted(stream('a'), 2, 'any');

        expect(created.nextRevision).toBe(0n);
        expect(extended.nextRevision).toBe(2n);
        expect(extended.position).toBeGreaterThan(created.position);
      });

      it('an exact revision appends when it is the revision of the last event', async () => {
        const first = await appendCounted(stream('a'), 1, 'no_stream');
        const second = await appendCounted(stream('a'), 2, first.nextRevision);
        const third = await appendCounted(stream('a'), 1, second.nextRevision);

        expect([first.nextRevision, second.nextRevision, third.nextRevision]).toEqual([0n, 2n, 3n]);
        expect((await collect(store.readStream(stream('a')))).map((e) => e.revision)).toEqual([0n, 1n, 2n, 3n]);
      });

      it('a stale exact revision fails with expected and actual and writes nothing', async () => {
        await appendCounted(stream('a'), 3, 'no_stream');

        const error = await failure(appendCounted(stream('a'), 1, 1n));

        expectWrongExpectedVersion(error, stream('a'), 1n, 2n);
        expect(await collect(store.readStream(stream('a')))).toHaveLength(3);
      });

      it('an exact revision ahead of the stream fails', async () => {
        await appendCounted(stream('a'), 1, 'no_stream');

        const error = await failure(appendCounted(stream('a'), 1, 5n));

        expectWrongExpectedVersion(error, stream('a'), 5n, 0n);
        expect(await collect(store.readStream(stream('a')))).toHaveLength(1);
      });

      it("an exact revision on a missing stream fails with actual 'no_stream'", async () => {
        const error = await failure(appendCounted(stream('missing'), 1, 0n));

        expectWrongExpectedVersion(error, stream('missing'), 0n, 'no_stream');
        expect(await collect(store.readStream(stream('missing')))).toEqual([]);
      });

      it('the error says which stream and which revisions', async () => {
        await appendCounted(stream('a'), 1, 'no_stream');

        const error = await failure(appendCounted(stream('a'), 1, 7n));

        expect(error).toBeInstanceOf(Error);
        expect((error as Error).name).toBe('WrongExpectedVersionError');
        expect((error as Error).message).toContain(stream('a'));
      });

      it('of concurrent appends expecting the same revision, exactly one succeeds', async () => {
        await appendCounted(stream('a'), 1, 'no_stream');

        const outcomes = await Promise.allSettled([1, 2, 3, 4, 5].map(() => appendCounted(stream('a'), 1, 0n)));

        const succeeded = outcomes.filter((o) => o.status === 'fulfilled');
        const refused = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
        expect(succeeded).toHaveLength(1);
        expect(refused).toHaveLength(4);
        for (const { reason } of refused) expectWrongExpectedVersion(reason, stream('a'), 0n, 1n);
        expect((await collect(store.readStream(stream('a')))).map((e) => e.revision)).toEqual([0n, 1n]);
      });
    });

    describe('revisions and positions', () => {
      it('returns the position of the last event written, and positions grow strictly across streams', async () => {
        const start = await store.headPosition();
        const results = [
          await appendCounted(stream('a'), 2, 'no_stream'),
          await appendCounted(stream('b'), 1, 'no_stream'),
          await appendCounted(stream('a'), 3, 1n),
          await appendCounted(stream('c'), 1, 'any'),
        ];

        const positions = results.map((r) => r.position);
        expect(positions).toEqual([...positions].sort(compareBigint));
        expect(new Set(positions).size).toBe(positions.length);

        const inLog = await ownEventsInLog(start);
        expect(inLog).toHaveLength(7);
        expectStrictlyIncreasing(inLog.map((e) => e.position));
        const lastOfA = (await collect(store.readStream(stream('a'), { direction: 'backwards', maxCount: 1 })))[0];
        expect(lastOfA.position).toBe(results[2].position);
        expect(lastOfA.revision).toBe(results[2].nextRevision);
      });

      it('headPosition is a position at or after the last append', async () => {
        const result = await appendCounted(stream('a'), 2, 'no_stream');

        const head = await store.headPosition();

        expect(typeof head).toBe('bigint');
        expect(head as bigint).toBeGreaterThanOrEqual(result.position);
      });
    });

    // What every store promises is EventStoreDB's: a retry at the same exact revision (or
    // no_stream) is recognised for ever; one expecting `any` only right after the first write, while
    // the server still remembers it (see ExpectedRevision). The ledger appends at exact revisions.
    describe('idempotent retries', () => {
      it('an append retried with the same event ids is stored once and answers the same', async () => {
        const head = await store.headPosition();
        const events = numbered(3);

        const first = await store.append(stream('a'), events, 'no_stream');
        const retry = await store.append(stream('a'), events, 'no_stream');

        expect(retry).toEqual(first);
        expect((await collect(store.readStream(stream('a')))).map((e) => e.id)).toEqual(events.map((e) => e.id));
        expect((await ownEventsInLog(head)).map((e) => e.id)).toEqual(events.map((e) => e.id));
      });

      it('a retry with an exact revision answers the original result after the stream has moved on', async () => {
        await appendCounted(stream('a'), 1, 'no_stream');
        const events = numbered(2);
        const first = await store.append(stream('a'), events, 0n);
        await appendCounted(stream('a'), 1, 2n);

        const retry = await store.append(stream('a'), events, 0n);

        expect(retry).toEqual(first);
        expect(await collect(store.readStream(stream('a')))).toHaveLength(4);
      });

      it("a retry with 'any' right after the first write is stored once", async () => {
        const events = numbered(2);

        const first = await store.append(stream('a'), events, 'any');
        const retry = await store.append(stream('a'), events, 'any');

        expect(retry).toEqual(first);
        expect(await collect(store.readStream(stream('a')))).toHaveLength(2);
      });
    });

    describe('what is stored', () => {
      it('data and metadata round-trip as the same JSON values: nested JSON, unicode, numbers', async () => {
        const data: JsonObject = {
          recommendationId: 'REC 03',
          text: 'Forces should train every investigating detective — “Soteria” ✓ 🚔 Ünïcödé 北京 שלום \u0000 \n\t"quoted"\\',
          nested: { list: [1, -2.5, 0.1, 1e21, true, false, null, 'x', [], {}], deep: { deeper: { deepest: [{ a: 1 }] } } },
          zeta: 1,
          alpha: 2,
          empty: '',
        };
        const metadata: JsonObject = {
          actor: { id: 'u-1', name: 'Siân O’Brien', role: 'office', organisation: 'PFCC Cumbria' },
          onBehalfOf: { id: 'cc', name: 'Chief Constable' },
          $correlationId: randomUUID(),
          schemaVersion: 1,
        };
        const event: EventToAppend = { id: randomUUID(), type: 'RecommendationAccepted', data, metadata };
        const start = await store.headPosition();

        await store.append(stream('a'), [event], 'no_stream');

        const [fromStream] = await collect(store.readStream(stream('a')));
        const [fromLog] = await ownEventsInLog(start);
        for (const stored of [fromStream, fromLog]) {
          expect(stored.data).toStrictEqual(data);
          expect(stored.metadata).toStrictEqual(metadata);
          expect(stored.type).toBe('RecommendationAccepted');
          expect(stored.id).toBe(event.id);
          expect(stored.streamId).toBe(stream('a'));
        }
      });

      it('empty data and metadata round-trip', async () => {
        await store.append(stream('a'), [{ id: randomUUID(), type: 'Bare', data: {}, metadata: {} }], 'no_stream');

        const [stored] = await collect(store.readStream(stream('a')));

        expect(stored.data).toStrictEqual({});
        expect(stored.metadata).toStrictEqual({});
      });

      it('created is the Date the store recorded the event', async () => {
        const before = Date.now();
        await appendCounted(stream('a'), 1, 'no_stream');
        const after = Date.now();

        const [stored] = await collect(store.readStream(stream('a')));

        expect(stored.created).toBeInstanceOf(Date);
        expect(Number.isNaN(stored.created.getTime())).toBe(false);
        // Only a sanity bound: a server clock may differ from this machine's.
        const day = 24 * 60 * 60 * 1000;
        expect(stored.created.getTime()).toBeGreaterThan(before - day);
        expect(stored.created.getTime()).toBeLessThan(after + day);
      });
    });

    describe('readStream', () => {
      let ids: string[];
      let start: bigint | null;
      beforeEach(async () => {
        start = await store.headPosition();
        const events = numbered(5);
        ids = events.map((e) => e.id);
        await store.append(stream('s'), events, 'no_stream');
        // Streams whose ids extend or share a prefix with the one read must not leak into it.
        await appendCounted(stream('s-other'), 2, 'no_stream');
        await appendCounted(stream('t'), 1, 'no_stream');
      });
      const read = async (options?: Parameters<EventStore['readStream']>[1]) =>
        (await collect(store.readStream(stream('s'), options))).map((e) => [e.revision, e.id]);

      it('reads forwards from the start by default', async () => {
        expect(await read()).toEqual(ids.map((id, i) => [BigInt(i), id]));
        expect(await read({ fromRevision: 'start' })).toEqual(await read());
      });

      it('reads forwards from a revision, inclusive', async () => {
        expect(await read({ fromRevision: 2n })).toEqual([
          [2n, ids[2]],
          [3n, ids[3]],
          [4n, ids[4]],
        ]);
      });

      it('reads at most maxCount events', async () => {
        expect(await read({ maxCount: 2 })).toEqual([
          [0n, ids[0]],
          [1n, ids[1]],
        ]);
        expect(await read({ fromRevision: 3n, maxCount: 10 })).toEqual([
          [3n, ids[3]],
          [4n, ids[4]],
        ]);
      });

      it('reads nothing from a revision past the end', async () => {
        expect(await read({ fromRevision: 5n })).toEqual([]);
      });

      it('reads backwards from the end by default', async () => {
        expect(await read({ direction: 'backwards' })).toEqual(ids.map((id, i) => [BigInt(i), id]).reverse());
        expect(await read({ direction: 'backwards', fromRevision: 'end' })).toEqual(await read({ direction: 'backwards' }));
      });

      it('reads backwards from a revision, inclusive, with maxCount', async () => {
        expect(await read({ direction: 'backwards', fromRevision: 2n })).toEqual([
          [2n, ids[2]],
          [1n, ids[1]],
          [0n, ids[0]],
        ]);
        expect(await read({ direction: 'backwards', fromRevision: 3n, maxCount: 2 })).toEqual([
          [3n, ids[3]],
          [2n, ids[2]],
        ]);
        expect(await read({ direction: 'backwards', maxCount: 1 })).toEqual([[4n, ids[4]]]);
      });

      it('reads a missing stream as empty, in either direction', async () => {
        expect(await collect(store.readStream(stream('never-written')))).toEqual([]);
        expect(await collect(store.readStream(stream('never-written'), { direction: 'backwards' }))).toEqual([]);
        expect(await collect(store.readStream(stream('never-written'), { fromRevision: 3n }))).toEqual([]);
      });

      it('gives each event its stream, revision, position, id and type, as readAll does', async () => {
        const fromStream = await collect(store.readStream(stream('s')));
        const fromLog = (await ownEventsInLog(start)).filter((e) => e.streamId === stream('s'));

        expect(fromStream.every((e) => e.streamId === stream('s'))).toBe(true);
        expectStrictlyIncreasing(fromStream.map((e) => e.position));
        expect(fromStream).toEqual(fromLog);
      });
    });

    describe('readAll', () => {
      let start: bigint | null;
      let written: { streamId: string; id: string }[];
      beforeEach(async () => {
        start = await store.headPosition();
        written = [];
        // Interleaved across streams, so log order differs from any one stream's order.
        for (const label of ['x', 'y', 'x', 'z', 'y', 'x']) {
          const event = anEvent('Written', { label });
          await store.append(stream(label), [event], 'any');
          written.push({ streamId: stream(label), id: event.id });
        }
      });

      it('reads forwards in log order, across streams', async () => {
        const own = await ownEventsInLog(start);

        expect(own.map((e) => [e.streamId, e.id])).toEqual(written.map((w) => [w.streamId, w.id]));
        expectStrictlyIncreasing(own.map((e) => e.position));
      });

      it('reads forwards after a position, exclusive', async () => {
        const own = await ownEventsInLog(start);

        const afterSecond = await ownEventsInLog(own[1].position);

        expect(afterSecond.map((e) => e.id)).toEqual(written.slice(2).map((w) => w.id));
      });

      it('reads at most maxCount events forwards', async () => {
        const own = await ownEventsInLog(start);
        const from = own[0].position;
        const everything = await collect(store.readAll({ after: from }));

        const limited = await collect(store.readAll({ after: from, maxCount: 3 }));

        expect(limited).toHaveLength(3);
        expect(limited).toEqual(everything.slice(0, 3));
      });

      it('reads backwards from the end', async () => {
        const own: RecordedEvent[] = [];
        for await (const event of store.readAll({ direction: 'backwards' })) {
          if (event.streamId.startsWith(prefix)) own.push(event);
          if (own.length === written.length) break;
        }

        expect(own.map((e) => e.id)).toEqual(written.map((w) => w.id).reverse());
        expectStrictlyIncreasing(own.map((e) => e.position).reverse());
      });

      it('reads backwards before a position, exclusive, with maxCount', async () => {
        const own = await ownEventsInLog(start);
        const last = own[own.length - 1];

        const before = await collect(store.readAll({ direction: 'backwards', after: last.position, maxCount: 2 }));
        const ownBefore: RecordedEvent[] = [];
        for await (const event of store.readAll({ direction: 'backwards', after: last.position })) {
          if (event.streamId.startsWith(prefix)) ownBefore.push(event);
          if (ownBefore.length === own.length - 1) break;
        }

        expect(before).toHaveLength(2);
        expect(before[0].position).toBeLessThan(last.position);
        expect(before[1].position).toBeLessThan(before[0].position);
        expect(ownBefore).toEqual(own.slice(0, -1).reverse());
      });

      it('reads the newest event first backwards with maxCount', async () => {
        const own = await ownEventsInLog(start);

        const newest = await collect(store.readAll({ direction: 'backwards', maxCount: 2 }));

        expect(newest).toHaveLength(2);
        expect(newest[0].position).toBeGreaterThan(newest[1].position);
        expect(newest[0].position).toBeGreaterThanOrEqual(own[own.length - 1].position);
      });
    });

    describe('countAfter', () => {
      it("counts the followed streams' events after a position, exclusive", async () => {
        const start = await store.headPosition();
        for (const label of ['x', 'y', 'x', 'z', 'y', 'x']) await store.append(stream(label), [anEvent('Written', { label })], 'any');
        const own = await ownEventsInLog(start);

        expect(await store.countAfter(start, { streamPrefixes: [stream('x')] })).toEqual({ events: 3, atLeast: false });
        expect(await store.countAfter(start, { streamPrefixes: [stream('x'), stream('z')] })).toEqual({ events: 4, atLeast: false });
        expect(await store.countAfter(own[2].position, { streamPrefixes: [prefix] })).toEqual({ events: 3, atLeast: false });
        expect(await store.countAfter(own[5].position, { streamPrefixes: [prefix] })).toEqual({ events: 0, atLeast: false });
        expect((await store.countAfter(start)).events).toBeGreaterThanOrEqual(6);
      });

      it('looks at no more than its limit of events, and then says the count is a floor', async () => {
        const start = await store.headPosition();
        await appendCounted(stream('many'), 8);

        const counted = await store.countAfter(start, { streamPrefixes: [prefix], limit: 5 });

        expect(counted.atLeast).toBe(true);
        // Another writer's events may share the window on a shared server; never more than the limit.
        expect(counted.events).toBeLessThanOrEqual(5);
      });

      it('refuses a limit that is not a positive integer, and an empty list of prefixes', async () => {
        await expect(store.countAfter(null, { limit: 0 })).rejects.toThrow('limit must be a positive integer');
        await expect(store.countAfter(null, { limit: 1.5 })).rejects.toThrow('limit must be a positive integer');
        await expect(store.countAfter(null, { streamPrefixes: [] })).rejects.toThrow('streamPrefixes, when given, must name at least one prefix');
      });
    });

    describe('subscribeToAll', () => {
      const open: Subscription[] = [];
      const subscribe = (options: Parameters<EventStore['subscribeToAll']>[0]) => {
        const subscription = store.subscribeToAll(options);
        open.push(subscription);
        return new MessageReader(subscription);
      };
      afterEach(async () => {
        for (const subscription of open.splice(0)) await subscription.close();
      });

      it('delivers the events after a position, then caught-up, then events appended later', async () => {
        const start = await store.headPosition();
        const early = [await store.append(stream('a'), numbered(2), 'no_stream'), await appendCounted(stream('b'), 1, 'no_stream')];
        const earlyIds = (await ownEventsInLog(start)).map((e) => e.id);
        const reader = subscribe({ after: start ?? undefined, streamPrefixes: [prefix] });

        const caughtUpEvents = await reader.eventsUntilCaughtUp();
        expect(caughtUpEvents.map((e) => e.id)).toEqual(earlyIds);
        const caughtUp = reader.lastCaughtUp as bigint | null;
        if (caughtUp !== null) expect(caughtUp).toBeGreaterThanOrEqual(early[1].position);

        const late = [anEvent('Late', { n: 1 }), anEvent('Late', { n: 2 })];
        await store.append(stream('a'), [late[0]], 1n);
        await store.append(stream('c'), [late[1]], 'no_stream');
        const live = await reader.events(2);
        expect(live.map((e) => [e.streamId, e.id, e.type])).toEqual([
          [stream('a'), late[0].id, 'Late'],
          [stream('c'), late[1].id, 'Late'],
        ]);
        expect(live[0].position).toBeGreaterThan(caughtUpEvents[caughtUpEvents.length - 1].position);
      });

      it('starts after the given position, exclusive', async () => {
        const start = await store.headPosition();
        await appendCounted(stream('a'), 3, 'no_stream');
        const own = await ownEventsInLog(start);

        const reader = subscribe({ after: own[0].position, streamPrefixes: [prefix] });

        expect((await reader.eventsUntilCaughtUp()).map((e) => e.id)).toEqual(own.slice(1).map((e) => e.id));
      });

      it('without a position, starts from the beginning of the log', async () => {
        await appendCounted(stream('a'), 2, 'no_stream');
        const own = await ownEventsInLog(null);

        const reader = subscribe({ streamPrefixes: [prefix] });

        expect((await reader.eventsUntilCaughtUp()).map((e) => e.id)).toEqual(own.map((e) => e.id));
      });

      it('delivers only streams that start with one of the prefixes, catching up and live', async () => {
        const start = await store.headPosition();
        await appendCounted(stream('order-1'), 1, 'no_stream');
        await appendCounted(stream('invoice-1'), 1, 'no_stream');
        await appendCounted(stream('customer-1'), 1, 'no_stream');
        const reader = subscribe({ after: start ?? undefined, streamPrefixes: [stream('order-'), stream('customer-')] });

        expect((await reader.eventsUntilCaughtUp()).map((e) => e.streamId)).toEqual([stream('order-1'), stream('customer-1')]);

        await appendCounted(stream('invoice-2'), 1, 'no_stream');
        await appendCounted(stream('customer-2'), 1, 'no_stream');
        await appendCounted(stream('order-1'), 1, 0n);
        expect((await reader.events(2)).map((e) => [e.streamId, e.revision])).toEqual([
          [stream('customer-2'), 0n],
          [stream('order-1'), 1n],
        ]);
      });

      it('without a prefix filter, delivers every stream', async () => {
        const start = await store.headPosition();
        await appendCounted(stream('p'), 1, 'no_stream');
        await appendCounted(stream('q'), 1, 'no_stream');
        const reader = subscribe({ after: start ?? undefined });

        const own = (await reader.eventsUntilCaughtUp()).filter((e) => e.streamId.startsWith(prefix));

        expect(own.map((e) => e.streamId)).toEqual([stream('p'), stream('q')]);
      });

      it('delivers events with everything readAll gives them', async () => {
        const start = await store.headPosition();
        await store.append(stream('a'), [anEvent('Shaped', { nested: { list: [1, 'two', null] }, text: 'Ünïcödé 🚔' })], 'no_stream');
        const [expected] = await ownEventsInLog(start);

        const [delivered] = await subscribe({ after: start ?? undefined, streamPrefixes: [prefix] }).eventsUntilCaughtUp();

        expect(delivered).toEqual(expected);
        expect(delivered.created).toBeInstanceOf(Date);
      });

      it('never moves backwards: positions of events and checkpoints only grow', async () => {
        const start = await store.headPosition();
        await appendCounted(stream('a'), 3, 'no_stream');
        await appendCounted(stream('z'), 3, 'no_stream');
        const reader = subscribe({ after: start ?? undefined, streamPrefixes: [stream('a')] });

        await reader.eventsUntilCaughtUp();
        await appendCounted(stream('z'), 2, 2n);
        await appendCounted(stream('a'), 1, 2n);
        await reader.events(1);

        const positions = reader.seen.flatMap((m) => (m.kind === 'event' ? [m.event.position] : m.kind === 'checkpoint' ? [m.position] : []));
        expect(positions).toEqual([...positions].sort(compareBigint));
      });

      it('close() ends the iteration, also while it waits for live events', async () => {
        const start = await store.headPosition();
        await appendCounted(stream('a'), 1, 'no_stream');
        const subscription = store.subscribeToAll({ after: start ?? undefined, streamPrefixes: [prefix] });
        open.push(subscription);
        const received: SubscriptionMessage[] = [];
        let caughtUp!: () => void;
        const isCaughtUp = new Promise<void>((resolve) => (caughtUp = resolve));
        const consuming = (async () => {
          for await (const message of subscription) {
            received.push(message);
            if (message.kind === 'caught-up') caughtUp();
          }
        })();

        await isCaughtUp;
        await subscription.close();
        await consuming;
        await appendCounted(stream('a'), 1, 0n);

        expect(received.filter((m) => m.kind === 'event')).toHaveLength(1);
        await expect(subscription.close()).resolves.toBeUndefined();
      });

      it('close() from inside the loop ends it after the current message', async () => {
        const start = await store.headPosition();
        await appendCounted(stream('a'), 3, 'no_stream');
        const subscription = store.subscribeToAll({ after: start ?? undefined, streamPrefixes: [prefix] });
        open.push(subscription);

        const received: SubscriptionMessage[] = [];
        for await (const message of subscription) {
          received.push(message);
          if (message.kind === 'event') await subscription.close();
        }

        expect(received.filter((m) => m.kind === 'event')).toHaveLength(1);
      });

      it('subscribers started before, during and after concurrent appends each get every event once, in order', async () => {
        const start = await store.headPosition();
        const from = { after: start ?? undefined, streamPrefixes: [prefix] };
        const before = [subscribe(from), subscribe(from)];
        let startDuring!: () => void;
        const midway = new Promise<void>((resolve) => (startDuring = resolve));

        const writers = [0, 1, 2].map(async (w) => {
          let expected: ExpectedRevision = 'no_stream';
          for (let i = 0; i < 15; i += 1) {
            expected = (await appendCounted(stream(`burst-${w}`), 1 + (i % 2), expected)).nextRevision;
            if (w === 0 && i === 4) startDuring();
          }
        });
        await midway;
        const headDuring = await store.headPosition();
        const during = [subscribe(from), subscribe({ after: headDuring ?? undefined, streamPrefixes: [prefix] })];
        await Promise.all(writers);
        const after = [subscribe(from)];

        const all = (await ownEventsInLog(start)).map((e) => e.id);
        const sinceDuring = await ownEventsInLog(headDuring);
        expect(all).toHaveLength(3 * (8 * 1 + 7 * 2));
        for (const reader of [...before, during[0], ...after]) {
          expect((await reader.events(all.length)).map((e) => e.id)).toEqual(all);
        }
        expect((await during[1].events(sinceDuring.length)).map((e) => e.id)).toEqual(sinceDuring.map((e) => e.id));
      });
    });

    describe('health', () => {
      it('reports ok with the kind of store', async () => {
        const health = await store.health();

        expect(health.ok).toBe(true);
        expect(['embedded', 'esdb']).toContain(health.kind);
        expect(typeof health.detail).toBe('string');
      });
    });
  });
}

/** Pulls messages from a subscription one at a time and keeps them all, for assertions. */
class MessageReader {
  readonly seen: SubscriptionMessage[] = [];
  lastCaughtUp: bigint | null | undefined;
  private readonly iterator: AsyncIterator<SubscriptionMessage>;

  constructor(readonly subscription: Subscription) {
    this.iterator = subscription[Symbol.asyncIterator]();
  }

  /** Events up to the caught-up message; fails if the subscription ends first. */
  async eventsUntilCaughtUp(): Promise<RecordedEvent[]> {
    const events: RecordedEvent[] = [];
    for (;;) {
      const message = await this.next();
      if (message.kind === 'caught-up') {
        this.lastCaughtUp = message.position;
        return events;
      }
      if (message.kind === 'event') events.push(message.event);
    }
  }

  /** The next `count` events, skipping checkpoints and caught-up. */
  async events(count: number): Promise<RecordedEvent[]> {
    const events: RecordedEvent[] = [];
    while (events.length < count) {
      const message = await this.next();
      if (message.kind === 'event') events.push(message.event);
    }
    return events;
  }

  private async next(): Promise<SubscriptionMessage> {
    const result = await this.iterator.next();
    if (result.done) throw new Error('the subscription ended while a message was expected');
    this.seen.push(result.value);
    return result.value;
  }
}

function anEvent(type: string, data: JsonObject = {}): EventToAppend {
  return { id: randomUUID(), type, data, metadata: { source: 'contract-test' } };
}

function numbered(count: number): EventToAppend[] {
  return Array.from({ length: count }, (_, n) => anEvent('Numbered', { n }));
}

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the append to fail, but it succeeded');
}

function expectWrongExpectedVersion(error: unknown, streamId: string, expected: ExpectedRevision, actual: bigint | 'no_stream'): void {
  expect(error).toBeInstanceOf(WrongExpectedVersionError);
  const wrong = error as WrongExpectedVersionError;
  expect({ streamId: wrong.streamId, expected: wrong.expected, actual: wrong.actual }).toEqual({ streamId, expected, actual });
}

function compareBigint(a: bigint, b: bigint): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function expectStrictlyIncreasing(values: bigint[]): void {
  for (let i = 1; i < values.length; i += 1) expect(values[i]).toBeGreaterThan(values[i - 1]);
}
