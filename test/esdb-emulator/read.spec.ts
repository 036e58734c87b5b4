/**
 * Streams.Read without a subscription, through the real client: one stream or $all, forwards or
 * backwards, from a revision or a position, and a missing stream.
 */
import { randomUUID } from 'node:crypto';
import {
  BACKWARDS,
  END,
  EventStoreDBClient,
  FORWARDS,
  type ReadAllOptions,
  type ReadStreamOptions,
  START,
  StreamNotFoundError,
  jsonEvent,
} from '@eventstore/db-client';
import { type EsdbEmulator, startEmulator } from './start-emulator';

describe('emulator: reads', () => {
  let emulator: EsdbEmulator;
  let client: EventStoreDBClient;
  const stream = `read-${randomUUID()}`;
  const other = `read-other-${randomUUID()}`;
  /** [stream, revision] of what the test wrote, in log order. */
  const written: Array<[string, bigint]> = [];

  beforeAll(async () => {
    emulator = await startEmulator();
    client = EventStoreDBClient.connectionString(emulator.connectionString);
    for (const [name, count] of [[stream, 3], [other, 1], [stream, 2]] as const) {
      const result = await client.appendToStream(
        name,
        Array.from({ length: count }, () => jsonEvent({ type: 'Read', data: {} })),
      );
      const first = result.nextExpectedRevision - BigInt(count) + 1n;
      for (let revision = first; revision <= result.nextExpectedRevision; revision += 1n) written.push([name, revision]);
    }
  });

  afterAll(async () => {
    await client.dispose();
    await emulator.stop();
  });

  const revisions = async (options: ReadStreamOptions) => {
    const found: bigint[] = [];
    for await (const resolved of client.readStream(stream, options)) found.push(resolved.event!.revision);
    return found;
  };

  const allEvents = async (options: ReadAllOptions) => {
    const found: Array<{ streamId: string; revision: bigint; position: bigint }> = [];
    for await (const resolved of client.readAll(options)) {
      found.push({ streamId: resolved.event!.streamId, revision: resolved.event!.revision, position: resolved.commitPosition! });
    }
    return found;
  };

  it('reads a stream forwards from the start, or from a revision inclusive, up to a count', async () => {
    expect(await revisions({ direction: FORWARDS, fromRevision: START })).toEqual([0n, 1n, 2n, 3n, 4n]);
    expect(await revisions({ direction: FORWARDS, fromRevision: 3n })).toEqual([3n, 4n]);
    expect(await revisions({ direction: FORWARDS, fromRevision: 1n, maxCount: 2 })).toEqual([1n, 2n]);
    expect(await revisions({ direction: FORWARDS, fromRevision: 9n })).toEqual([]);
  });

  it('reads a stream backwards from the end, or from a revision inclusive, up to a count', async () => {
    expect(await revisions({ direction: BACKWARDS, fromRevision: END })).toEqual([4n, 3n, 2n, 1n, 0n]);
    expect(await revisions({ direction: BACKWARDS, fromRevision: 2n, maxCount: 2 })).toEqual([2n, 1n]);
  });

  it('reports a stream that was never written as not found', async () => {
    await expect(client.readStream(`never-${randomUUID()}`).toArray()).rejects.toBeInstanceOf(StreamNotFoundError);
    await expect(client.readStream(`never-${randomUUID()}`, { direction: BACKWARDS, fromRevision: END }).toArray()).rejects.toBeInstanceOf(
      StreamNotFoundError,
    );
  });

  it('reads $all forwards in log order, with the system events a node starts with', async () => {
    const all = await allEvents({ direction: FORWARDS, fromPosition: START });

    expect(all[0].streamId.startsWith('$')).toBe(true);
    const own = all.filter((event) => event.streamId === stream || event.streamId === other);
    expect(own.map((event) => [event.streamId, event.revision])).toEqual(written);
    for (let i = 1; i < all.length; i += 1) expect(all[i].position).toBeGreaterThan(all[i - 1].position);
  });

  it('reads $all forwards from a position inclusive, and backwards from a position exclusive', async () => {
    const all = await allEvents({ direction: FORWARDS, fromPosition: START });
    const pivot = all[all.length - 3].position;
    const at = { commit: pivot, prepare: pivot };

    expect((await allEvents({ direction: FORWARDS, fromPosition: at })).map((event) => event.position)).toEqual(
      all.slice(-3).map((event) => event.position),
    );
    expect((await allEvents({ direction: BACKWARDS, fromPosition: at, maxCount: 2 })).map((event) => event.position)).toEqual(
      all.slice(-5, -3).map((event) => event.position).reverse(),
    );
    expect((await allEvents({ direction: BACKWARDS, fromPosition: END, maxCount: 1 }))[0]).toEqual(all[all.length - 1]);
  });
});
