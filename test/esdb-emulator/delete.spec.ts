/**
 * Delete (soft: the stream reads as missing and may be written again, its revisions going on)
 * and Tombstone (hard: never read or written again), through the real client.
 */
import { randomUUID } from 'node:crypto';
import {
  EventStoreDBClient,
  NO_STREAM,
  StreamDeletedError,
  StreamNotFoundError,
  WrongExpectedVersionError,
  jsonEvent,
} from '@eventstore/db-client';
import { type EsdbEmulator, startEmulator } from './start-emulator';

describe.each([
  { path: 'BatchAppend', batchAppend: true },
  { path: 'unary Append', batchAppend: false },
])('emulator: deleting streams, appending through $path', ({ batchAppend }) => {
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

  beforeEach(async () => {
    stream = `deleted-${randomUUID()}`;
    await client.appendToStream(stream, [jsonEvent({ type: 'Old', data: {} }), jsonEvent({ type: 'Old', data: {} })], {
      expectedRevision: NO_STREAM,
    });
  });

  const read = async (name: string) => {
    const events: Array<[bigint, string]> = [];
    for await (const resolved of client.readStream(name)) events.push([resolved.event!.revision, resolved.event!.type]);
    return events;
  };

  it('Delete: the stream reads as not found, a $metadata record lands in $all, and a new append goes on from the old revisions', async () => {
    const { position } = await client.deleteStream(stream, { expectedRevision: 1n });

    await expect(read(stream)).rejects.toBeInstanceOf(StreamNotFoundError);
    const [last] = await client.readAll({ direction: 'backwards', fromPosition: 'end', maxCount: 1 }).toArray();
    expect(last.event).toMatchObject({ streamId: `$$${stream}`, type: '$metadata' });
    expect(last.commitPosition).toBe(position?.commit);

    await client.appendToStream(stream, jsonEvent({ type: 'New', data: {} }), { expectedRevision: NO_STREAM });
    expect(await read(stream)).toEqual([[2n, 'New']]);
  });

  it('Delete with a wrong expected revision fails with the versions, from the trailers', async () => {
    const error = await client.deleteStream(stream, { expectedRevision: 0n }).catch((failure: unknown) => failure);

    expect(error).toBeInstanceOf(WrongExpectedVersionError);
    expect(error).toMatchObject({ streamName: stream, expectedVersion: 0n, actualVersion: 1n });
    expect(await read(stream)).toHaveLength(2);
  });

  it('Tombstone: reads and appends fail as deleted, for good', async () => {
    await client.tombstoneStream(stream);

    await expect(read(stream)).rejects.toBeInstanceOf(StreamDeletedError);
    await expect(client.appendToStream(stream, jsonEvent({ type: 'New', data: {} }))).rejects.toBeInstanceOf(StreamDeletedError);
    await expect(client.tombstoneStream(stream)).rejects.toBeInstanceOf(StreamDeletedError);
    await expect(client.deleteStream(stream)).rejects.toBeInstanceOf(StreamDeletedError);
  });
});
