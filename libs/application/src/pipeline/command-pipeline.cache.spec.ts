import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  EventStoreDecorator,
  SqliteEventStore,
  type EventStore,
  type EventToAppend,
  type ExpectedRevision,
  type ReadStreamOptions,
  type RecordedEvent,
} from '@ledger/event-store';
import type { CommandMeta } from '../command-meta';
import { CommandRefusedError } from '../errors';
import { CommandPipeline } from './command-pipeline';
import { foldHistory } from './read-aggregate';
import { readStreamFully } from './stored-event';
import { StreamState } from './stream-state';
import { StreamStateCache } from './stream-state-cache';
import { meta, NOW, seen, tally, tallyDecider } from './tally.fixture';

/** Counts what the pipeline reads: whole streams, and the events it is given. */
class CountingStore extends EventStoreDecorator {
  wholeReads = 0;
  eventsRead = 0;
  appends = 0;

  override readStream(streamId: string, options?: ReadStreamOptions): AsyncIterable<RecordedEvent> {
    if (options?.fromRevision === undefined || options.fromRevision === 'start' || options.fromRevision === 0n) this.wholeReads++;
    return this.counted(this.inner.readStream(streamId, options));
  }

  private async *counted(events: AsyncIterable<RecordedEvent>): AsyncIterable<RecordedEvent> {
    for await (const event of events) {
      this.eventsRead++;
      yield event;
    }
  }

  override async append(streamId: string, events: EventToAppend[], expected: ExpectedRevision) {
    this.appends++;
    return this.inner.append(streamId, events, expected);
  }
}

describe('CommandPipeline with kept folds', () => {
  let dir: string;
  let store: EventStore;
  let counting: CountingStore;
  let pipeline: CommandPipeline;

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-'));
    store = await SqliteEventStore.open(path.join(dir, 'events.db'));
    counting = new CountingStore(store);
    pipeline = new CommandPipeline(counting, () => NOW);
    seen.length = 0;
  });

  afterEach(async () => {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const history = (streamId: string): Promise<RecordedEvent[]> => readStreamFully(store.readStream(streamId));
  const add = (on: CommandPipeline, tallyId: string, by: number, overrides: Partial<CommandMeta> = {}) =>
    on.execute(tally, { type: 'Add', tallyId, by }, meta(overrides));

  it('decides on the same state as a fold of the whole stream, after many commands, reading only what is new', async () => {
    await pipeline.execute(tally, { type: 'Open', tallyId: 'many' }, meta());
    for (let step = 1; step <= 60; step++) await add(pipeline, 'many', step);
    const readsBefore = { whole: counting.wholeReads, events: counting.eventsRead };

    await add(pipeline, 'many', 61);
    const cached = seen[seen.length - 1]!;
    await add(new CommandPipeline(store, () => NOW), 'many', 62);
    const fresh = seen[seen.length - 1]!;

    const stored = await history('tally-many');
    expect(cached.state).toEqual(foldHistory(tallyDecider, stored.slice(0, 61)));
    expect(cached.state.steps).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
    expect(fresh.state).toEqual(foldHistory(tallyDecider, stored.slice(0, 62)));
    expect(cached.eventIds).toBe(61);
    expect(cached.lastNote).toBe('step 60');
    // The kept fold was extended by nothing new: no whole read, no event read again.
    expect(counting.wholeReads).toBe(readsBefore.whole);
    expect(counting.eventsRead).toBe(readsBefore.events);
  });

  it('sees what another process appended to the stream before deciding, and never conflicts on a stale fold', async () => {
    const other = new CommandPipeline(store, () => NOW);
    await pipeline.execute(tally, { type: 'Open', tallyId: 'shared' }, meta());
    seen.length = 0;

    for (let step = 1; step <= 20; step++) await add(step % 2 ? pipeline : other, 'shared', step);

    const stored = await history('tally-shared');
    expect(stored.slice(1).map((e) => e.data['by'])).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    // Each decision saw every step before it, whichever process wrote it.
    expect(seen.map((s) => s.state.steps.length)).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(seen.map((s) => s.lastNote)).toEqual([null, ...Array.from({ length: 19 }, (_, i) => `step ${i + 1}`)]);
    // No decision was made on a stale fold: every append was the first attempt.
    expect(counting.appends).toBe(1 + 10);
  });

  it('answers a repeated command id from the log after the kept fold moved on, and appends nothing', async () => {
    await pipeline.execute(tally, { type: 'Open', tallyId: 'again' }, meta());
    const first = await add(pipeline, 'again', 5, { commandId: 'cmd-repeat' });
    await add(pipeline, 'again', 6);
    const appends = counting.appends;

    const again = await add(pipeline, 'again', 5, { commandId: 'cmd-repeat' });

    expect(again.result).toEqual(first.result);
    expect(counting.appends).toBe(appends);
    expect((await history('tally-again')).map((e) => e.data['by'])).toEqual([undefined, 5, 6]);
  });

  it('recognises a command id another process recorded after this one kept its fold', async () => {
    const other = new CommandPipeline(store, () => NOW);
    await pipeline.execute(tally, { type: 'Open', tallyId: 'twin' }, meta());
    await add(pipeline, 'twin', 1);
    const first = await add(other, 'twin', 2, { commandId: 'cmd-twin' });

    const again = await add(pipeline, 'twin', 2, { commandId: 'cmd-twin' });

    expect(again.result).toEqual(first.result);
    expect((await history('tally-twin')).map((e) => e.data['by'])).toEqual([undefined, 1, 2]);
  });

  it('refuses on the kept fold and appends nothing, and the fold stays right for the next command', async () => {
    await pipeline.execute(tally, { type: 'Open', tallyId: 'refuse' }, meta());
    await add(pipeline, 'refuse', 1);
    const head = await store.headPosition();

    await expect(add(pipeline, 'refuse', -1)).rejects.toBeInstanceOf(CommandRefusedError);
    expect(await store.headPosition()).toBe(head);

    await add(pipeline, 'refuse', 2);
    expect(seen[seen.length - 1]!.state.steps).toEqual([1]);
    expect((await history('tally-refuse')).map((e) => e.data['by'])).toEqual([undefined, 1, 2]);
  });

  it('reads a stream whole again once its fold was evicted, and decides the same', async () => {
    pipeline = new CommandPipeline(counting, () => NOW, { streams: 2, events: 1_000 });
    for (const id of ['a', 'b', 'c']) {
      await pipeline.execute(tally, { type: 'Open', tallyId: id }, meta());
      await add(pipeline, id, 1);
    }
    const whole = counting.wholeReads;

    await add(pipeline, 'c', 2);
    expect(counting.wholeReads).toBe(whole);
    await add(pipeline, 'a', 2);
    expect(counting.wholeReads).toBe(whole + 1);
    expect(seen[seen.length - 1]!.state.steps).toEqual([1]);
    expect((await history('tally-a')).map((e) => e.data['by'])).toEqual([undefined, 1, 2]);
  });

  it('drops the kept fold on a conflict and decides again on the stream as stored', async () => {
    const intruder = new CommandPipeline(store, () => NOW);
    let intrude = false;
    const racing = new (class extends EventStoreDecorator {
      override async append(streamId: string, events: EventToAppend[], expected: ExpectedRevision) {
        if (intrude) {
          intrude = false;
          await add(intruder, 'race', 10);
        }
        return this.inner.append(streamId, events, expected);
      }
    })(counting);
    const racer = new CommandPipeline(racing, () => NOW);
    await racer.execute(tally, { type: 'Open', tallyId: 'race' }, meta());
    await add(racer, 'race', 1);
    const whole = counting.wholeReads;

    intrude = true;
    await add(racer, 'race', 2);
    expect(counting.wholeReads).toBe(whole + 1);
    await add(racer, 'race', 3);

    expect(counting.wholeReads).toBe(whole + 1);
    expect((await history('tally-race')).map((e) => e.data['by'])).toEqual([undefined, 1, 10, 2, 3]);
    expect(seen[seen.length - 1]!.state.steps).toEqual([1, 10, 2]);
  });
});

describe('StreamStateCache', () => {
  const fold = (events: number) => {
    const stream = new StreamState(tallyDecider);
    for (let i = 0; i < events; i++) stream.add({ id: `e-${i}`, type: 'Added', data: { by: 1, note: '' }, metadata: {} }, BigInt(i), BigInt(i));
    return stream;
  };

  it('keeps at most the streams and the events it is given, dropping the least recently used first', () => {
    const cache = new StreamStateCache({ streams: 3, events: 10 });
    cache.put('a', fold(2));
    cache.put('b', fold(2));
    cache.put('c', fold(2));
    expect(cache.take('a', tallyDecider)).toBeDefined();
    cache.put('a', fold(2));
    cache.put('d', fold(2));
    expect(cache.size).toBe(3);
    expect(cache.take('b', tallyDecider)).toBeUndefined();

    cache.put('big', fold(7));
    expect(cache.take('c', tallyDecider)).toBeUndefined();
    expect(cache.take('big', tallyDecider)?.eventIds.size).toBe(7);
    cache.put('huge', fold(11));
    expect(cache.take('huge', tallyDecider)).toBeUndefined();
  });

  it('answers nothing for a stream kept by another decider', () => {
    const cache = new StreamStateCache();
    cache.put('a', fold(1));
    expect(cache.take('a', { ...tallyDecider })).toBeUndefined();
  });
});
