/**
 * Appends through the real client, on both of its paths (BatchAppend and the unary Append):
 * revisions, positions, expected-revision conflicts, idempotency by event id, `created`.
 */
import { randomUUID } from 'node:crypto';
import {
  ANY,
  type AppendExpectedRevision,
  EventStoreDBClient,
  NO_STREAM,
  STREAM_EXISTS,
  WrongExpectedVersionError,
  jsonEvent,
} from '@eventstore/db-client';
import { type EsdbEmulator, startEmulator } from './start-emulator';

const event = (id: string = randomUUID(), data: Record<string, unknown> = {}) => jsonEvent({ id, type: 'Appended', data });

describe.each([
  { path: 'BatchAppend', batchAppend: true },
  { path: 'unary Append', batchAppend: false },
])('emulator: appends through $path', ({ batchAppend }) => {
  let emulator: EsdbEmulator;
  let client: EventStoreDBClient;
  let stream: string;

  beforeAll(async () => {
    emulator = await startEmulator({ batchAppend });
    client = EventStoreDBClient.connectionString(emulator.connectionString);
  });

  afterAll(async () => {
    await client.dispose();
    await emulator.stop();
  });

  beforeEach(() => {
    stream = `append-${randomUUID()}`;
  });

  const recorded = async (options: Parameters<EventStoreDBClient['readStream']>[1] = {}) => {
    const events = [];
    for await (const resolved of client.readStream(stream, options)) events.push(resolved.event!);
    return events;
  };

  const conflict = async (expectedRevision: AppendExpectedRevision) => {
    const error = await client.appendToStream(stream, event(), { expectedRevision }).catch((failure: unknown) => failure);
    expect(error).toBeInstanceOf(WrongExpectedVersionError);
    return error as WrongExpectedVersionError;
  };

  it('numbers events from revision 0 and answers the position of the last, commit equal to prepare', async () => {
    const result = await client.appendToStream(stream, [event(), event(), event()], { expectedRevision: NO_STREAM });

    expect(result.nextExpectedRevision).toBe(2n);
    expect(result.position?.commit).toBe(result.position?.prepare);
    const [last] = await recorded({ direction: 'backwards', fromRevision: 'end', maxCount: 1 });
    expect(last.position?.commit).toBe(result.position?.commit);
  });

  it('gives positions like byte offsets: large, growing with the size of each record, never contiguous', async () => {
    const small = await client.appendToStream(stream, event(randomUUID(), { n: 1 }));
    const large = await client.appendToStream(stream, event(randomUUID(), { text: 'x'.repeat(10_000) }));
    const after = await client.appendToStream(stream, event(randomUUID(), { n: 2 }));

    const [a, b, c] = [small, large, after].map((result) => result.position!.commit);
    expect(a).toBeGreaterThan(1_000n);
    expect(b - a).toBeGreaterThan(1n);
    expect(c - b).toBeGreaterThan(10_000n);
  });

  it('refuses a wrong expected revision with what was expected and what the stream is at', async () => {
    expect(await conflict(STREAM_EXISTS)).toMatchObject({ streamName: stream, expectedVersion: 'stream_exists', actualVersion: 'no_stream' });
    expect(await conflict(0n)).toMatchObject({ expectedVersion: 0n, actualVersion: 'no_stream' });
    await client.appendToStream(stream, [event(), event()], { expectedRevision: NO_STREAM });
    expect(await conflict(NO_STREAM)).toMatchObject({ expectedVersion: 'no_stream', actualVersion: 1n });
    expect(await conflict(0n)).toMatchObject({ expectedVersion: 0n, actualVersion: 1n });
    expect(await conflict(5n)).toMatchObject({ expectedVersion: 5n, actualVersion: 1n });
    await expect(client.appendToStream(stream, event(), { expectedRevision: 1n })).resolves.toMatchObject({ nextExpectedRevision: 2n });
  });

  it('stores repeated event ids once, answering the original result, as the server does', async () => {
    const ids = [randomUUID(), randomUUID()];
    const first = await client.appendToStream(stream, ids.map((id) => event(id)), { expectedRevision: NO_STREAM });

    const retriedNoStream = await client.appendToStream(stream, ids.map((id) => event(id)), { expectedRevision: NO_STREAM });
    const retriedAny = await client.appendToStream(stream, ids.map((id) => event(id)), { expectedRevision: ANY });
    await client.appendToStream(stream, event(), { expectedRevision: 1n });
    const retriedAfterMore = await client.appendToStream(stream, ids.map((id) => event(id)), { expectedRevision: NO_STREAM });

    for (const retried of [retriedNoStream, retriedAny, retriedAfterMore]) expect(retried).toEqual(first);
    expect(await recorded()).toHaveLength(3);
  });

  it('refuses a retry that repeats only part of an earlier append', async () => {
    const ids = [randomUUID(), randomUUID()];
    await client.appendToStream(stream, ids.map((id) => event(id)), { expectedRevision: NO_STREAM });

    const error = await client
      .appendToStream(stream, [event(ids[0]), event()], { expectedRevision: NO_STREAM })
      .catch((failure: unknown) => failure);

    expect(error).toBeInstanceOf(WrongExpectedVersionError);
    expect(await recorded()).toHaveLength(2);
  });

  it('stamps created as .NET ticks since the Unix epoch, which the client reads as the time of writing', async () => {
    const before = Date.now();
    await client.appendToStream(stream, event());
    const after = Date.now();

    const [read] = await recorded();

    expect(read.created.getTime()).toBeGreaterThanOrEqual(before);
    expect(read.created.getTime()).toBeLessThanOrEqual(after);
  });
});
