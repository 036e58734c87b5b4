/**
 * Failures on the wire, encoded as EventStoreDB encodes them: in the BatchAppend response as a
 * google.rpc.Status packing the detail, in the body of the unary Append response, and as a status
 * with `exception` trailers for a deleted stream.
 */
import { randomUUID } from 'node:crypto';
import type { ServiceError } from '@grpc/grpc-js';
import { EventStoreDBClient, StreamDeletedError, jsonEvent } from '@eventstore/db-client';
import { grpc, sharedPb, streamsPb } from './client-modules';
import { RawClient, appendRequests, batchAppendRequest, readStreamRequest, trailers } from './raw-client';
import { type EsdbEmulator, startEmulator } from './start-emulator';
import { googleEmpty } from './wire';

describe('emulator: how failures are encoded', () => {
  let emulator: EsdbEmulator;
  let raw: RawClient;
  let client: EventStoreDBClient;
  let stream: string;

  beforeAll(async () => {
    emulator = await startEmulator();
    raw = new RawClient(emulator.port);
    client = EventStoreDBClient.connectionString(emulator.connectionString);
  });

  afterAll(async () => {
    raw.close();
    await client.dispose();
    await emulator.stop();
  });

  beforeEach(async () => {
    stream = `encoded-${randomUUID()}`;
    await client.appendToStream(stream, [jsonEvent({ type: 'A', data: {} }), jsonEvent({ type: 'B', data: {} })]);
  });

  it('BatchAppend: a wrong expected version is a google.rpc.Status ALREADY_EXISTS packing a WrongExpectedVersion', async () => {
    const request = batchAppendRequest(stream, [randomUUID()], (options) => options.setStreamPosition('0'));

    const response = await raw.batchAppend(request);

    expect(response.hasSuccess()).toBe(false);
    expect(response.getCorrelationId()?.getString()).toBe(request.getCorrelationId()?.getString());
    const status = response.getError()!;
    expect(status.getCode()).toBe(grpc.status.ALREADY_EXISTS);
    expect(status.getMessage()).toBe('WrongExpectedVersion');
    expect(status.getDetails()?.getTypeUrl()).toBe('type.googleapis.com/event_store.client.WrongExpectedVersion');
    const detail = status.getDetails()!.unpack(sharedPb.WrongExpectedVersion.deserializeBinary, 'event_store.client.WrongExpectedVersion')!;
    expect([detail.getCurrentStreamRevision(), detail.getExpectedStreamPosition()]).toEqual(['1', '0']);
  });

  it('BatchAppend: a tombstoned stream is a status packing StreamDeleted', async () => {
    await client.tombstoneStream(stream);

    const response = await raw.batchAppend(batchAppendRequest(stream, [randomUUID()], (options) => options.setAny(googleEmpty())));

    const status = response.getError()!;
    expect(status.getCode()).toBe(grpc.status.NOT_FOUND);
    const detail = status.getDetails()!.unpack(sharedPb.StreamDeleted.deserializeBinary, 'event_store.client.StreamDeleted')!;
    expect(Buffer.from(detail.getStreamIdentifier()!.getStreamName_asU8()).toString()).toBe(stream);
  });

  it('Append: a wrong expected version is in the body of a successful call, not an error', async () => {
    const response = await raw.append(appendRequests(stream, [randomUUID()], (options) => options.setNoStream(new sharedPb.Empty())));

    expect(response.getResultCase()).toBe(streamsPb.AppendResp.ResultCase.WRONG_EXPECTED_VERSION);
    const wrong = response.getWrongExpectedVersion()!;
    expect(wrong.getCurrentRevision()).toBe('1');
    expect(wrong.hasExpectedNoStream()).toBe(true);
  });

  it('Append and Read on a tombstoned stream fail with FAILED_PRECONDITION and exception trailers', async () => {
    await client.tombstoneStream(stream);

    const appended = await raw
      .append(appendRequests(stream, [randomUUID()], (options) => options.setAny(new sharedPb.Empty())))
      .then(() => null, (error: ServiceError) => error);
    const read = await raw.read(readStreamRequest(stream));

    for (const error of [appended, read.error]) {
      expect(error).not.toBeNull();
      expect(error?.code).toBe(grpc.status.FAILED_PRECONDITION);
      expect(trailers(error?.metadata)).toMatchObject({ exception: 'stream-deleted', 'stream-name': stream });
    }
    await expect(client.readStream(stream).toArray()).rejects.toBeInstanceOf(StreamDeletedError);
  });

  it('a missing stream is reported in band: one stream_not_found response, then a successful end', async () => {
    const read = await raw.read(readStreamRequest(`missing-${randomUUID()}`));

    expect(read.error).toBeNull();
    expect(read.responses).toHaveLength(1);
    expect(read.responses[0].hasStreamNotFound()).toBe(true);
  });
});
