/**
 * The emulator's implementation of EventStoreDB's Streams service: Append, BatchAppend, Read,
 * Delete and Tombstone, answering and failing as the server does.
 */
import type {
  Metadata,
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
import type { Access, EmulatorSecurity } from './emulator-security';
import { readAll, readStream, subscribe } from './read-handlers';
import {
  expectedState,
  googleEmpty,
  invalidArgument,
  maximumAppendSizeExceeded,
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
  /** The server's MaxAppendSize: the bytes of data, metadata and type of one append's events. */
  maxAppendSize(): number;
  security: EmulatorSecurity;
  /** For a call sent with `requires-leader` to a follower: the not-leader error naming the leader. */
  leaderCheck(metadata: Metadata): ServiceError | null;
  /** Waits for as long as the node is told to be slow, before or after it writes; null when it is not slow. */
  stall(moment: 'before-write' | 'after-write'): Promise<void> | null;
  /** Keeps open BatchAppend calls, so that a node losing leadership can end them. */
  trackBatchCall(call: ServerDuplexStream<BatchAppendReq, BatchAppendResp>): void;
}

/** The user a call is made as, or the error refusing it (credentials, leadership, access). */
function admit(settings: StreamsServiceSettings, metadata: Metadata, access: Access | null): { user: string | null } | { error: ServiceError } {
  const authenticated = settings.security.authenticate(metadata);
  if ('error' in authenticated) return authenticated;
  const notLeader = settings.leaderCheck(metadata);
  if (notLeader) return { error: notLeader };
  const denied = access ? settings.security.authorize(authenticated.user, access) : null;
  return denied ? { error: denied } : authenticated;
}

export function streamsService(log: EmulatorLog, settings: StreamsServiceSettings): UntypedServiceImplementation {
  return {
    read(call: ServerWritableStream<ReadReq, ReadResp>) {
      settings.countCall('read');
      const options = call.request.getOptions();
      const access: Access | null =
        options?.getStreamOptionCase() === streamsPb.ReadReq.Options.StreamOptionCase.ALL
          ? { kind: 'read-all' }
          : options
            ? { kind: 'read-stream', stream: streamName(options.getStream()?.getStreamIdentifier()) }
            : null;
      const admitted = admit(settings, call.metadata, access);
      if ('error' in admitted) {
        call.emit('error', admitted.error);
        return;
      }
      void Promise.resolve(settings.stall('before-write'))
        .then(() => handleRead(log, call))
        .catch((error: ServiceError) => call.emit('error', error));
    },
    append(call: ServerReadableStream<AppendReq, AppendResp>, callback: sendUnaryData<AppendResp>) {
      settings.countCall('append');
      const admitted = admit(settings, call.metadata, null);
      if ('error' in admitted) {
        call.on('data', () => undefined);
        callback(admitted.error);
        return;
      }
      handleAppend(log, call, callback, settings, admitted.user);
    },
    batchAppend(call: ServerDuplexStream<BatchAppendReq, BatchAppendResp>) {
      settings.countCall('batchAppend');
      if (!settings.batchAppendEnabled()) {
        call.emit('error', unimplemented('BatchAppend'));
        return;
      }
      const admitted = admit(settings, call.metadata, null);
      if ('error' in admitted) {
        call.emit('error', admitted.error);
        return;
      }
      settings.trackBatchCall(call);
      handleBatchAppend(log, call, settings, admitted.user);
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
  settings: StreamsServiceSettings,
  user: string | null,
): void {
  let target: { name: string; expected: ExpectedState } | undefined;
  const events: ProposedEvent[] = [];
  let failure: ServiceError | undefined;
  let size = 0;
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
        const denied = settings.security.authorize(user, { kind: 'write', stream: target.name });
        if (denied) throw denied;
      } else if (proposed && target) {
        const event = proposedEvent(proposed);
        size += eventSize(event);
        if (size > settings.maxAppendSize()) throw maximumAppendSizeExceeded(settings.maxAppendSize());
        events.push(event);
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
    const { name, expected } = target;
    void (async () => {
      await settings.stall('before-write');
      // A client that gave up before the write was queued gets nothing written.
      if (call.cancelled) return;
      const outcome = log.append(name, expected, events);
      await settings.stall('after-write');
      switch (outcome.kind) {
        case 'stream-deleted':
          return callback(streamDeletedError(name));
        case 'wrong-expected-version':
          return callback(null, appendWrongExpectedVersion(expected, outcome.currentRevision));
        case 'success':
          return callback(null, appendSuccess(outcome));
      }
    })();
  });
}

/** What counts towards MaxAppendSize, as the server counts it: data, metadata and the type's name. */
function eventSize(event: ProposedEvent): number {
  return event.data.length + event.metadata.length + Buffer.byteLength(event.type);
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
  /** The client's deadline for this append, in ms since the epoch. */
  deadline: number;
  refusal: { code: number; message: string; typeName: string; detail: { serializeBinary(): Uint8Array } } | null;
  size: number;
}

/**
 * One call carries many appends, each identified by a correlation id, its events possibly split
 * over several requests; each is answered when its final request arrives.
 */
function handleBatchAppend(
  log: EmulatorLog,
  call: ServerDuplexStream<BatchAppendReq, BatchAppendResp>,
  settings: StreamsServiceSettings,
  user: string | null,
): void {
  const pending = new Map<string, PendingBatch>();
  // Answers go out in the order the appends arrived; a slow node delays each in turn. A prompt
  // node answers at once, within the request's own event, as the server does.
  let answering: Promise<void> = Promise.resolve();
  let waiting = 0;
  const cases = streamsPb.BatchAppendReq.Options.ExpectedStreamPositionCase;
  const expectedCases = { REVISION: cases.STREAM_POSITION, NO_STREAM: cases.NO_STREAM, ANY: cases.ANY, STREAM_EXISTS: cases.STREAM_EXISTS };

  call.on('data', (request: BatchAppendReq) => {
    const correlation = request.getCorrelationId();
    const correlationId = correlation ? parseUuid(correlation) : '';
    try {
      const options = request.getOptions();
      if (options) {
        const name = streamName(options.getStreamIdentifier());
        const deadline = options.getDeadline();
        pending.set(correlationId, {
          name,
          expected: expectedState(options.getExpectedStreamPositionCase(), () => options.getStreamPosition(), expectedCases),
          events: [],
          deadline: deadline ? deadline.toDate().getTime() : Number.POSITIVE_INFINITY,
          refusal: settings.security.authorize(user, { kind: 'write', stream: name })
            ? { code: grpc.status.PERMISSION_DENIED, message: 'Access Denied', typeName: 'event_store.client.AccessDenied', detail: new sharedPb.AccessDenied() }
            : null,
          size: 0,
        });
      }
      const batch = pending.get(correlationId);
      if (!batch) return;
      for (const event of request.getProposedMessagesList().map(proposedEvent)) {
        batch.size += eventSize(event);
        batch.events.push(event);
      }
      if (!batch.refusal && batch.size > settings.maxAppendSize()) {
        batch.refusal = {
          code: grpc.status.INVALID_ARGUMENT,
          message: `Maximum Append Size of ${settings.maxAppendSize()} Exceeded.`,
          typeName: 'event_store.client.MaximumAppendSizeExceeded',
          detail: new sharedPb.MaximumAppendSizeExceeded().setMaxappendsize(settings.maxAppendSize()),
        };
      }
      if (!request.getIsFinal()) return;
      pending.delete(correlationId);
      const answer = () => answerBatch(log, call, settings, correlation, batch);
      if (waiting === 0) {
        const answered = answer();
        if (answered) {
          waiting += 1;
          answering = answered.finally(() => (waiting -= 1));
        }
      } else {
        waiting += 1;
        answering = answering.then(answer).finally(() => (waiting -= 1));
      }
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
  call.on('end', () => void answering.then(() => call.end()));
}

/** Answers one append: at once (undefined) on a prompt node, or when the node's stalls are over. */
function answerBatch(
  log: EmulatorLog,
  call: ServerDuplexStream<BatchAppendReq, BatchAppendResp>,
  settings: StreamsServiceSettings,
  correlation: UUID | undefined,
  batch: PendingBatch,
): Promise<void> | undefined {
  const respond = (response: BatchAppendResp) => {
    if (!call.cancelled && call.writable) call.write(response);
  };
  const refused = (refusal: NonNullable<PendingBatch['refusal']>) =>
    new streamsPb.BatchAppendResp()
      .setCorrelationId(correlation)
      .setStreamIdentifier(streamIdentifier(batch.name))
      .setError(status(refusal.code, refusal.message, refusal.typeName, refusal.detail));
  if (batch.refusal) {
    respond(refused(batch.refusal));
    return undefined;
  }
  const timeout = { code: grpc.status.DEADLINE_EXCEEDED, message: 'Timeout', typeName: 'event_store.client.Timeout', detail: new sharedPb.Timeout() };
  const write = () => {
    // A node that has stepped down writes nothing more on a call that required the leader.
    if (settings.leaderCheck(call.metadata)) return null;
    // Past its deadline the node gives up on the write rather than commit it late.
    if (Date.now() > batch.deadline) return 'timeout' as const;
    return log.append(batch.name, batch.expected, batch.events);
  };
  const reply = (outcome: ReturnType<typeof write>) => {
    if (outcome === null) return;
    if (outcome === 'timeout' || Date.now() > batch.deadline) return respond(refused(timeout));
    respond(batchResponse(correlation, batch.name, outcome, batch.expected));
  };
  const before = settings.stall('before-write');
  if (!before && !settings.stall('after-write')) {
    reply(write());
    return undefined;
  }
  return (async () => {
    await before;
    const outcome = write();
    await settings.stall('after-write');
    reply(outcome);
  })();
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
