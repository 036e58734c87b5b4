import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { type EventStore, type EventToAppend, type ExpectedRevision, type RecordedEvent, SqliteEventStore, WrongExpectedVersionError } from '@ledger/event-store';
import { eventHash } from './event-hash';
import { HashChainedEventStore } from './hash-chained-event-store';

const STREAM = 'recommendation-finding-rec-03';

function event(type: string, data: Record<string, string> = {}): EventToAppend {
  return { id: randomUUID(), type, data: { recommendationId: 'finding-rec-03', ...data }, metadata: { source: 'api', recordedAt: '2024-10-01T10:00:00.000Z' } };
}

async function readAll(store: EventStore, streamId = STREAM): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  for await (const recorded of store.readStream(streamId)) events.push(recorded);
  return events;
}

describe('HashChainedEventStore', () => {
  let dir: string;
  let inner: SqliteEventStore;
  let store: HashChainedEventStore;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-'));
    inner = SqliteEventStore.open(path.join(dir, 'events.sqlite'));
    store = new HashChainedEventStore(inner);
  });

  afterEach(async () => {
    await inner.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('chains each event to the previous one of its stream, and each hash recomputes from the stored event', async () => {
    await store.append(STREAM, [event('FindingIssued')], 'no_stream');
    await store.append(STREAM, [event('RecommendationAccepted', { commitment: 'Train every detective' }), event('RecommendationTargetDateSet')], 0n);
    const stored = await readAll(inner);
    expect(stored.map((e) => e.revision)).toEqual([0n, 1n, 2n]);
    expect(stored[0].metadata.prevHash).toBeNull();
    expect(stored[1].metadata.prevHash).toBe(stored[0].metadata.hash);
    expect(stored[2].metadata.prevHash).toBe(stored[1].metadata.hash);
    for (const e of stored) {
      const { hash, prevHash } = e.metadata;
      expect(hash).toBe(eventHash({ streamId: e.streamId, revision: e.revision, eventId: e.id, type: e.type, data: e.data, metadata: e.metadata, prevHash: prevHash as string | null }));
    }
  });

  it('replaces hash fields that a caller put in the metadata, and hashes ids as the store keeps them (lower case)', async () => {
    const upper = { ...event('FindingIssued'), metadata: { source: 'api', hash: 'forged', prevHash: 'forged' } };
    upper.id = upper.id.toUpperCase();
    await store.append(STREAM, [upper], 'no_stream');
    const [stored] = await readAll(inner);
    expect(stored.id).toBe(upper.id.toLowerCase());
    expect(stored.metadata.prevHash).toBeNull();
    expect(stored.metadata.hash).toBe(eventHash({ ...stored, eventId: stored.id, prevHash: null }));
  });

  it.each<[string, ExpectedRevision, bigint | 'no_stream']>([
    ['an exact revision that is stale', 0n, 1n],
    ['no_stream on a stream that exists', 'no_stream', 1n],
  ])('refuses %s with the caller\'s expectation and the actual revision', async (_case, expected, actual) => {
    await store.append(STREAM, [event('FindingIssued'), event('RecommendationAccepted')], 'no_stream');
    const refusal = store.append(STREAM, [event('RecommendationRejected')], expected);
    await expect(refusal).rejects.toBeInstanceOf(WrongExpectedVersionError);
    await expect(refusal).rejects.toMatchObject({ streamId: STREAM, expected, actual });
    expect(await readAll(inner)).toHaveLength(2);
  });

  it('refuses stream_exists on a missing stream', async () => {
    await expect(store.append(STREAM, [event('FindingIssued')], 'stream_exists')).rejects.toMatchObject({ expected: 'stream_exists', actual: 'no_stream' });
  });

  it.each<[string, ExpectedRevision]>([
    ['the same exact revision', 0n],
    ['any', 'any'],
    ['stream_exists', 'stream_exists'],
  ])('returns the original result, without hashing again, when an append is retried with %s', async (_case, expected) => {
    await store.append(STREAM, [event('FindingIssued')], 'no_stream');
    const retried = [event('RecommendationAccepted'), event('RecommendationTargetDateSet')];
    const original = await store.append(STREAM, retried, expected);
    await store.append(STREAM, [event('RecommendationOwnerAssigned')], 'any');
    const before = await readAll(inner);

    await expect(store.append(STREAM, retried, expected)).resolves.toEqual(original);
    expect(await readAll(inner)).toEqual(before);
  });

  it('returns the original result for a retried first append (no_stream)', async () => {
    const first = [event('FindingIssued')];
    const original = await store.append(STREAM, first, 'no_stream');
    await expect(store.append(STREAM, first, 'no_stream')).resolves.toEqual(original);
    expect(await readAll(inner)).toHaveLength(1);
  });

  it("retries an 'any' append internally when another writer appends between its read and its write", async () => {
    await store.append(STREAM, [event('FindingIssued')], 'no_stream');
    const racing = new HashChainedEventStore(inner);
    let raced = false;
    const interleaving: EventStore = Object.create(inner);
    interleaving.append = async (streamId, events, expected) => {
      if (!raced) {
        raced = true;
        await racing.append(STREAM, [event('RecommendationOwnerAssigned')], 'any');
      }
      return inner.append(streamId, events, expected);
    };
    const result = await new HashChainedEventStore(interleaving).append(STREAM, [event('RecommendationAccepted')], 'any');

    expect(result.nextRevision).toBe(2n);
    const stored = await readAll(inner);
    expect(stored.map((e) => e.type)).toEqual(['FindingIssued', 'RecommendationOwnerAssigned', 'RecommendationAccepted']);
    expect(stored[2].metadata.prevHash).toBe(stored[1].metadata.hash);
  });

  it('reports a conflict to a caller with an exact revision when another writer got in between', async () => {
    await store.append(STREAM, [event('FindingIssued')], 'no_stream');
    const interleaving: EventStore = Object.create(inner);
    let raced = false;
    interleaving.append = async (streamId, events, expected) => {
      if (!raced) {
        raced = true;
        await store.append(STREAM, [event('RecommendationOwnerAssigned')], 'any');
      }
      return inner.append(streamId, events, expected);
    };
    await expect(new HashChainedEventStore(interleaving).append(STREAM, [event('RecommendationAccepted')], 0n)).rejects.toMatchObject({
      expected: 0n,
      actual: 1n,
    });
  });

  it('refuses to extend a stream whose last event carries no hash', async () => {
    await inner.append(STREAM, [event('FindingIssued')], 'no_stream');
    await expect(store.append(STREAM, [event('RecommendationAccepted')], 0n)).rejects.toThrow(/carries no hash/);
  });

  describe('a command reads its stream once', () => {
    /** Counts the reads that reach the store under the chain. */
    function countingReads(): { reads: () => number } {
      let reads = 0;
      const readStream = inner.readStream.bind(inner);
      jest.spyOn(inner, 'readStream').mockImplementation((streamId, options) => {
        reads += 1;
        return readStream(streamId, options);
      });
      return { reads: () => reads };
    }

    it('chains from the hash of the last event the command read, without reading the stream again', async () => {
      await store.append(STREAM, [event('FindingIssued'), event('RecommendationAccepted')], 'no_stream');
      const fresh = new HashChainedEventStore(inner);
      const counted = countingReads();

      const history = await readAll(fresh);
      await fresh.append(STREAM, [event('RecommendationTargetDateSet')], history[history.length - 1].revision);

      expect(counted.reads()).toBe(1);
      const stored = await readAll(inner);
      expect(stored[2].metadata.prevHash).toBe(stored[1].metadata.hash);
      expect(stored[2].metadata.hash).toBe(eventHash({ ...stored[2], eventId: stored[2].id, prevHash: stored[1].metadata.hash as string }));
    });

    it('a new stream is chained from null without a read, and later appends chain from what it wrote', async () => {
      const counted = countingReads();
      await store.append(STREAM, [event('FindingIssued')], 'no_stream');
      await store.append(STREAM, [event('RecommendationAccepted')], 0n);
      await store.append(STREAM, [event('RecommendationTargetDateSet')], 1n);

      expect(counted.reads()).toBe(0);
      const stored = await readAll(inner);
      expect(stored.map((e) => e.metadata.prevHash)).toEqual([null, stored[0].metadata.hash, stored[1].metadata.hash]);
    });

    it('a remembered head another writer has since passed is refused by the store, and the conflict is reported as before', async () => {
      await store.append(STREAM, [event('FindingIssued')], 'no_stream');
      const other = new HashChainedEventStore(inner);
      await other.append(STREAM, [event('RecommendationAccepted')], 0n);

      await expect(store.append(STREAM, [event('RecommendationRejected')], 0n)).rejects.toBeInstanceOf(WrongExpectedVersionError);
      await store.append(STREAM, [event('RecommendationTargetDateSet')], 'any');

      const stored = await readAll(inner);
      expect(stored.map((e) => e.type)).toEqual(['FindingIssued', 'RecommendationAccepted', 'RecommendationTargetDateSet']);
      expect(stored[2].metadata.prevHash).toBe(stored[1].metadata.hash);
    });
  });
});
