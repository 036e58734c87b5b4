/**
 * Conversions between the emulator's log and the protobuf messages of EventStoreDB's gRPC
 * protocol, and the errors encoded the way the server encodes them.
 */
import type { Metadata, ServiceError } from '@grpc/grpc-js';
import type { UUID as UuidMessage, StreamIdentifier } from '@eventstore/db-client/generated/shared_pb';
import type { ReadResp } from '@eventstore/db-client/generated/streams_pb';
import { emptyPb, grpc, sharedPb, streamsPb } from './client-modules';
import type { ExpectedState, ProposedEvent, StoredEvent } from './emulator-log';

export type UuidFormat = 'string' | 'structured';

export function streamName(identifier: StreamIdentifier | undefined): string {
  if (!identifier) throw invalidArgument('Required field StreamIdentifier not set.');
  return Buffer.from(identifier.getStreamName_asU8()).toString('utf8');
}

export function streamIdentifier(name: string): StreamIdentifier {
  return new sharedPb.StreamIdentifier().setStreamName(Uint8Array.from(Buffer.from(name, 'utf8')));
}

export function parseUuid(message: UuidMessage | undefined): string {
  if (!message) throw invalidArgument('Required field Id not set.');
  const structured = message.getStructured();
  if (!structured) return message.getString().toLowerCase();
  const hex =
    BigInt.asUintN(64, BigInt(structured.getMostSignificantBits())).toString(16).padStart(16, '0') +
    BigInt.asUintN(64, BigInt(structured.getLeastSignificantBits())).toString(16).padStart(16, '0');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function uuidMessage(id: string, format: UuidFormat): UuidMessage {
  const message = new sharedPb.UUID();
  if (format === 'string') return message.setString(id);
  const hex = id.replaceAll('-', '');
  return message.setStructured(
    new sharedPb.UUID.Structured()
      .setMostSignificantBits(BigInt.asIntN(64, BigInt(`0x${hex.slice(0, 16)}`)).toString())
      .setLeastSignificantBits(BigInt.asIntN(64, BigInt(`0x${hex.slice(16)}`)).toString()),
  );
}

/** What every proposed message (unary or batch append) carries. */
interface ProposedMessageLike {
  getId(): UuidMessage | undefined;
  getMetadataMap(): { get(key: string): string | undefined };
  getData_asU8(): Uint8Array;
  getCustomMetadata_asU8(): Uint8Array;
}

export function proposedEvent(message: ProposedMessageLike): ProposedEvent {
  const metadata = message.getMetadataMap();
  const type = metadata.get('type');
  const contentType = metadata.get('content-type');
  if (type === undefined || contentType === undefined) throw requiredMetadataMissing();
  return {
    id: parseUuid(message.getId()),
    type,
    contentType,
    data: message.getData_asU8(),
    metadata: message.getCustomMetadata_asU8(),
  };
}

/** The oneof cases shared by AppendReq, DeleteReq and TombstoneReq options. */
export function expectedState(
  caseNumber: number,
  revision: () => string,
  cases: { REVISION: number; NO_STREAM: number; ANY: number; STREAM_EXISTS: number },
): ExpectedState {
  switch (caseNumber) {
    case cases.REVISION:
      return { kind: 'revision', revision: BigInt(revision()) };
    case cases.NO_STREAM:
      return { kind: 'no_stream' };
    case cases.ANY:
      return { kind: 'any' };
    case cases.STREAM_EXISTS:
      return { kind: 'stream_exists' };
    default:
      throw invalidArgument(`'${caseNumber}' is not a valid expected stream revision`);
  }
}

export function readEvent(event: StoredEvent, uuidFormat: UuidFormat, fromAll: boolean): ReadResp {
  const recorded = new streamsPb.ReadResp.ReadEvent.RecordedEvent()
    .setId(uuidMessage(event.id, uuidFormat))
    .setStreamIdentifier(streamIdentifier(event.streamId))
    .setStreamRevision(event.revision.toString())
    .setCommitPosition(event.position.toString())
    .setPreparePosition(event.position.toString())
    .setData(event.data)
    .setCustomMetadata(event.metadata);
  recorded
    .getMetadataMap()
    .set('type', event.type)
    .set('content-type', event.contentType)
    .set('created', event.createdTicks.toString());
  const message = new streamsPb.ReadResp.ReadEvent().setEvent(recorded);
  if (fromAll) message.setCommitPosition(event.position.toString());
  else message.setNoPosition(new sharedPb.Empty());
  return new streamsPb.ReadResp().setEvent(message);
}

export function checkpoint(position: bigint): ReadResp {
  return new streamsPb.ReadResp().setCheckpoint(
    new streamsPb.ReadResp.Checkpoint().setCommitPosition(position.toString()).setPreparePosition(position.toString()),
  );
}

export function googleEmpty() {
  return new emptyPb.Empty();
}

function rpcError(code: number, details: string, trailers: Record<string, string> = {}): ServiceError {
  const metadata: Metadata = new grpc.Metadata();
  for (const [key, value] of Object.entries(trailers)) metadata.set(key, value);
  return Object.assign(new Error(details), { code, details, metadata });
}

/** How the server reports a read of, or a write to, a tombstoned stream. */
export function streamDeletedError(name: string): ServiceError {
  return rpcError(grpc.status.FAILED_PRECONDITION, `Event stream '${name}' is deleted.`, {
    exception: 'stream-deleted',
    'stream-name': name,
  });
}

/** How Delete and Tombstone report a wrong expected version (unary Append uses the response body). */
export function wrongExpectedVersionError(
  operation: string,
  name: string,
  expected: ExpectedState,
  actual: bigint | null,
): ServiceError {
  const expectedVersion = expectedVersionNumber(expected).toString();
  const actualVersion = actual === null ? '' : actual.toString();
  return rpcError(
    grpc.status.FAILED_PRECONDITION,
    `${operation} failed due to WrongExpectedVersion. Stream: ${name}, Expected version: ${expectedVersion}, Actual version: ${actualVersion}`,
    {
      exception: 'wrong-expected-version',
      'stream-name': name,
      'expected-version': expectedVersion,
      'actual-version': actualVersion,
    },
  );
}

export function requiredMetadataMissing(): ServiceError {
  return rpcError(grpc.status.INVALID_ARGUMENT, "Required Metadata Property 'type' is missing", {
    exception: 'missing-required-metadata-property',
    'required-metadata-properties': 'type,content-type',
  });
}

/** The server's MaxAppendSize refusal of a unary Append (BatchAppend packs MaximumAppendSizeExceeded instead). */
export function maximumAppendSizeExceeded(maxAppendSize: number): ServiceError {
  return rpcError(grpc.status.INVALID_ARGUMENT, `Maximum Append Size of ${maxAppendSize} Exceeded.`, {
    exception: 'maximum-append-size-exceeded',
    'maximum-append-size': String(maxAppendSize),
  });
}

/** An authenticated user, or anonymous, without the right the call needs. */
export function accessDenied(): ServiceError {
  return rpcError(grpc.status.PERMISSION_DENIED, 'Access Denied', { exception: 'access-denied' });
}

/** Credentials the node does not accept: its HTTP layer answers 401, which gRPC reports as UNAUTHENTICATED. */
export function unauthenticated(): ServiceError {
  return rpcError(grpc.status.UNAUTHENTICATED, 'Bad HTTP status code 401');
}

/** A follower asked for something that requires the leader: it names the leader, for the client to reconnect. */
export function notLeader(host: string, port: number): ServiceError {
  return rpcError(grpc.status.NOT_FOUND, 'Leader info available', {
    exception: 'not-leader',
    'leader-endpoint-host': host,
    'leader-endpoint-port': String(port),
  });
}

export function invalidArgument(details: string): ServiceError {
  return rpcError(grpc.status.INVALID_ARGUMENT, details);
}

export function unimplemented(method: string): ServiceError {
  return rpcError(grpc.status.UNIMPLEMENTED, `Method ${method} is not implemented by this server.`);
}

/** The server's internal numbering: -1 no stream, -2 any, -4 stream exists. */
function expectedVersionNumber(expected: ExpectedState): bigint {
  switch (expected.kind) {
    case 'no_stream':
      return -1n;
    case 'any':
      return -2n;
    case 'stream_exists':
      return -4n;
    case 'revision':
      return expected.revision;
  }
}
