/**
 * The emulator's implementation of EventStoreDB's Streams service: Append, BatchAppend, Read,
 * Delete and Tombstone, answering and failing as the server does.
 */
import type {
  ServerDuplexStream,
  ServerReadableStream,
  ServerUnaryCall,
  ServerWritableStream,
  ServiceError,
  UntypedServiceImplementation,
  sendUnaryData,
} from '@grpc/grpc-js';
import type {
  AppendReq,
  AppendResp,
  BatchAppendReq,
  BatchAppendResp,
  DeleteReq,
  DeleteResp,
  ReadReq,
  ReadResp,
  TombstoneReq,
  TombstoneResp,
} from '@eventstore/db-client/generated/streams_pb';
import type { UUID } from '@eventstore/db-client/generated/shared_pb';
import { anyPb, grpc, sharedPb, statusPb, streamsPb } from './client-modules';
import type { EmulatorLog, ExpectedState, ProposedEvent, WriteOutcome } from './emulator-log';
import { readAll, readStream, subscribe } from './read-handlers';
import {
  expectedState,
  googleEmpty,
  invalidArgument,
  parseUuid,
  proposedEvent,
  streamDeletedError,
  streamIdentifier,
  streamName,
  unimplemented,
  wrongExpectedVersionError,
} from './wire';

export interface StreamsServiceSettings {
  /** When off, BatchAppend answers UNIMPLEMENTED, as on a server older than 21.10. */
  batchAppendEnabled(): boolean;
  countCall(method: string): void;
}

export function streamsService(log: EmulatorLog, settings: StreamsServiceSettings): UntypedServiceImplementation {
  return {
    read(call: ServerWritableStream<ReadReq, ReadResp>) {
      settings.countCall('read');
      void handleRead(log, call).catch((error: ServiceError) => call.emit('error', error));
    },
    append(call: ServerReadableStream<AppendReq, AppendResp>, callback: sendUnaryData<AppendResp>) {
      settings.countCall('append');
      handleAppend(log, call, callback);
    },
    batchAppend(call: ServerDuplexStream<BatchAppendReq, BatchAppendResp>) {
      settings.countCall('batchAppend');
      if (!settings.batchAppendEnabled()) {
        call.emit('error', unimplemented('BatchAppend'));
        return;
      }
      handleBatchAppend(log, call);
    },
    delete(call: ServerUnaryCall<DeleteReq, DeleteResp>, callback: sendUnaryData<DeleteResp>) {
      settings.countCall('delete');
      const cases = streamsPb.DeleteReq.Options.ExpectedStreamRevisionCase;
      const options = call.request.getOptions();
      if (!options) return callback(invalidArgument('Required field Options not set.'));
      deletion(
        'Delete',
        options,
        cases,
        (name, expected) => log.softDelete(name, expected),
        (position) =>
          new streamsPb.DeleteResp().setPosition(
            new streamsPb.DeleteResp.Position()
              .setCommitPosition(position.toString())
              .setPreparePosition(position.toString()),
          ),
        callback,
      );
    },
    tombstone(call: ServerUnaryCall<TombstoneReq, TombstoneResp>, callback: sendUnaryData<TombstoneResp>) {
      settings.countCall('tombstone');
      const cases = streamsPb.TombstoneReq.Options.ExpectedStreamRevisionCase;
      const options = call.request.getOptions();
      if (!options) return callback(invalidArgument('Required field Options not set.'));
      deletion(
        'Tombstone',
        options,
        cases,
        (name, expected) => log.tombstone(name, expected),
        (position) =>
          new streamsPb.TombstoneResp().setPosition(
            new streamsPb.TombstoneResp.Position()
              .setCommitPosition(position.toString())
              .setPreparePosition(position.toString()),
          ),
        callback,
      );
    },
  };
}

async function handleRead(log: EmulatorLog, call: ServerWritableStream<ReadReq, ReadResp>): Promise<void> {
  const options = call.request.getOptions();
  if (!options) throw invalidArgument('Required field Options not set.');
  const Options = streamsPb.ReadReq.Options;
  if (options.getCountOptionCase() === Options.CountOptionCase.SUBSCRIPTION) {
    await subscribe(log, call, options);
  } else if (options.getStreamOptionCase() === Options.StreamOptionCase.ALL) {
    await readAll(log, call, options);
  } else {
    await readStream(log, call, options);
  }
}

function handleAppend(
  log: EmulatorLog,
  call: ServerReadableStream<AppendReq, AppendResp>,
  callback: sendUnaryData<AppendResp>,
): void {
  let target: { name: string; expected: ExpectedState } | undefined;
  const events: ProposedEvent[] = [];
  let failure: ServiceError | undefined;
  const cases = streamsPb.AppendReq.Options.ExpectedStreamRevisionCase;

  call.on('data', (request: AppendReq) => {
    if (failure) return;
    try {
      const options = request.getOptions();
      const proposed = request.getProposedMessage();
      if (options) {
        target = {
          name: streamName(options.getStreamIdentifier()),
          expected: expectedState(options.getExpectedStreamRevisionCase(), () => options.getRevision(), cases),
        };
      } else if (proposed && target) {
        events.push(proposedEvent(proposed));
      } else {
        throw invalidArgument('An append must start with its options.');
      }
    } catch (error) {
      failure = error as ServiceError;
    }
  });
  call.on('end', () => {
    if (failure) return callback(failure);
    if (!target) return callback(invalidArgument('An append must start with its options.'));
    const outcome = log.append(target.name, target.expected, events);
    switch (outcome.kind) {
      case 'stream-deleted':
        return callback(streamDeletedError(target.name));
      case 'wrong-expected-version':
        return callback(null, appendWrongExpectedVersion(target.expected, outcome.currentRevision));
      case 'success':
        return callback(null, appendSuccess(outcome));
    }
  });
}

function appendSuccess(outcome: Extract<WriteOutcome, { kind: 'success' }>): AppendResp {
  const success = new streamsPb.AppendResp.Success();
  if (outcome.currentRevision < 0n) success.setNoStream(new sharedPb.Empty());
  else success.setCurrentRevision(outcome.currentRevision.toString());
  if (outcome.position < 0n) success.setNoPosition(new sharedPb.Empty());
  else {
    success.setPosition(
      new streamsPb.AppendResp.Position()
        .setCommitPosition(outcome.position.toString())
        .setPreparePosition(outcome.position.toString()),
    );
  }
  return new streamsPb.AppendResp().setSuccess(success);
}

/** The unary Append reports a wrong expected version in its response body, not as an error. */
function appendWrongExpectedVersion(expected: ExpectedState, current: bigint | null): AppendResp {
  const wrong = new streamsPb.AppendResp.WrongExpectedVersion();
  if (current === null) wrong.setCurrentNoStream(new sharedPb.Empty());
  else wrong.setCurrentRevision(current.toString());
  switch (expected.kind) {
    case 'revision':
      wrong.setExpectedRevision(expected.revision.toString());
      break;
    case 'any':
      wrong.setExpectedAny(new sharedPb.Empty());
      break;
    case 'stream_exists':
      wrong.setExpectedStreamExists(new sharedPb.Empty());
      break;
    case 'no_stream':
      wrong.setExpectedNoStream(new sharedPb.Empty());
      break;
  }
  return new streamsPb.AppendResp().setWrongExpectedVersion(wrong);
}

interface PendingBatch {
  name: string;
  expected: ExpectedState;
  events: ProposedEvent[];
}

/**
 * One call carries many appends, each identified by a correlation id, its events possibly split
 * over several requests; each is answered when its final request arrives.
 */
function handleBatchAppend(log: EmulatorLog, call: ServerDuplexStream<BatchAppendReq, BatchAppendResp>): void {
  const pending = new Map<string, PendingBatch>();
  const cases = streamsPb.BatchAppendReq.Options.ExpectedStreamPositionCase;
  const expectedCases = { REVISION: cases.STREAM_POSITION, NO_STREAM: cases.NO_STREAM, ANY: cases.ANY, STREAM_EXISTS: cases.STREAM_EXISTS };

  call.on('data', (request: BatchAppendReq) => {
    const correlation = request.getCorrelationId();
    const correlationId = correlation ? parseUuid(correlation) : '';
    try {
      const options = request.getOptions();
      if (options) {
        pending.set(correlationId, {
          name: streamName(options.getStreamIdentifier()),
          expected: expectedState(options.getExpectedStreamPositionCase(), () => options.getStreamPosition(), expectedCases),
          events: [],
        });
      }
      const batch = pending.get(correlationId);
      if (!batch) return;
      batch.events.push(...request.getProposedMessagesList().map(proposedEvent));
      if (!request.getIsFinal()) return;
      pending.delete(correlationId);
      call.write(batchResponse(correlation, batch.name, log.append(batch.name, batch.expected, batch.events), batch.expected));
    } catch (error) {
      pending.delete(correlationId);
      const badRequest = new sharedPb.BadRequest().setMessage((error as Error).message);
      call.write(
        new streamsPb.BatchAppendResp()
          .setCorrelationId(correlation)
          .setError(status(grpc.status.INVALID_ARGUMENT, 'BadRequest', 'event_store.client.BadRequest', badRequest)),
      );
    }
  });
  call.on('end', () => call.end());
}

function batchResponse(
  correlation: UUID | undefined,
  name: string,
  outcome: WriteOutcome,
  expected: ExpectedState,
): BatchAppendResp {
  const response = new streamsPb.BatchAppendResp().setCorrelationId(correlation).setStreamIdentifier(streamIdentifier(name));
  switch (outcome.kind) {
    case 'success': {
      const success = new streamsPb.BatchAppendResp.Success();
      if (outcome.currentRevision < 0n) success.setNoStream(googleEmpty());
      else success.setCurrentRevision(outcome.currentRevision.toString());
      if (outcome.position < 0n) success.setNoPosition(googleEmpty());
      else {
        success.setPosition(
          new sharedPb.AllStreamPosition()
            .setCommitPosition(outcome.position.toString())
            .setPreparePosition(outcome.position.toString()),
        );
      }
      return response.setSuccess(success);
    }
    case 'wrong-expected-version': {
      const detail = sharedWrongExpectedVersion(expected, outcome.currentRevision);
      return response.setError(status(grpc.status.ALREADY_EXISTS, 'WrongExpectedVersion', 'event_store.client.WrongExpectedVersion', detail));
    }
    case 'stream-deleted': {
      const detail = new sharedPb.StreamDeleted().setStreamIdentifier(streamIdentifier(name));
      return response.setError(status(grpc.status.NOT_FOUND, 'StreamDeleted', 'event_store.client.StreamDeleted', detail));
    }
  }
}

function sharedWrongExpectedVersion(expected: ExpectedState, current: bigint | null) {
  const wrong = new sharedPb.WrongExpectedVersion();
  if (current === null) wrong.setCurrentNoStream(googleEmpty());
  else wrong.setCurrentStreamRevision(current.toString());
  switch (expected.kind) {
    case 'revision':
      return wrong.setExpectedStreamPosition(expected.revision.toString());
    case 'any':
      return wrong.setExpectedAny(googleEmpty());
    case 'stream_exists':
      return wrong.setExpectedStreamExists(googleEmpty());
    case 'no_stream':
      return wrong.setExpectedNoStream(googleEmpty());
  }
}

/** A google.rpc.Status whose details pack one message, as BatchAppend reports failures. */
function status(code: number, message: string, typeName: string, detail: { serializeBinary(): Uint8Array }) {
  const details = new anyPb.Any();
  details.pack(detail.serializeBinary(), typeName);
  return new statusPb.Status().setCode(code).setMessage(message).setDetails(details);
}

interface DeletionOptions {
  getStreamIdentifier(): Parameters<typeof streamName>[0];
  getExpectedStreamRevisionCase(): number;
  getRevision(): string;
}

function deletion<Response>(
  operation: string,
  options: DeletionOptions,
  cases: { REVISION: number; NO_STREAM: number; ANY: number; STREAM_EXISTS: number },
  perform: (name: string, expected: ExpectedState) => WriteOutcome,
  respond: (position: bigint) => Response,
  callback: sendUnaryData<Response>,
): void {
  try {
    const name = streamName(options.getStreamIdentifier());
    const expected = expectedState(options.getExpectedStreamRevisionCase(), () => options.getRevision(), cases);
    const outcome = perform(name, expected);
    switch (outcome.kind) {
      case 'stream-deleted':
        return callback(streamDeletedError(name));
      case 'wrong-expected-version':
        return callback(wrongExpectedVersionError(operation, name, expected, outcome.currentRevision));
      case 'success':
        return callback(null, respond(outcome.position));
    }
  } catch (error) {
    callback(error as ServiceError);
  }
}
