/**
 * Streams.Read in its three shapes: a bounded read of one stream, a bounded read of $all, and a
 * subscription (catch-up, caught-up, then live) to one stream or to $all, optionally filtered
 * with checkpoints.
 */
import { randomUUID } from 'node:crypto';
import type { ServerWritableStream } from '@grpc/grpc-js';
import type { ReadReq, ReadResp } from '@eventstore/db-client/generated/streams_pb';
import { streamsPb } from './client-modules';
import { type EmulatorLog, type StoredEvent, TOMBSTONE_REVISION } from './emulator-log';
import { checkpoint, invalidArgument, readEvent, streamDeletedError, streamIdentifier, streamName, type UuidFormat } from './wire';

type ReadCall = ServerWritableStream<ReadReq, ReadResp>;
type ReadOptions = ReadReq.Options;

/** EventStoreDB's default search window when the client asks for `count`. */
const DEFAULT_FILTER_WINDOW = 32;

export async function readStream(log: EmulatorLog, call: ReadCall, options: ReadOptions): Promise<void> {
  const streamOptions = options.getStream();
  const name = streamName(streamOptions?.getStreamIdentifier());
  const outcome = log.readStream(name);
  if (outcome.kind === 'deleted') throw streamDeletedError(name);
  if (outcome.kind === 'not-found') {
    await write(
      call,
      new streamsPb.ReadResp().setStreamNotFound(
        new streamsPb.ReadResp.StreamNotFound().setStreamIdentifier(streamIdentifier(name)),
      ),
    );
    call.end();
    return;
  }

  const Case = streamsPb.ReadReq.Options.StreamOptions.RevisionOptionCase;
  const backwards = options.getReadDirection() === streamsPb.ReadReq.Options.ReadDirection.BACKWARDS;
  const revisionCase = streamOptions?.getRevisionOptionCase();
  const revision = revisionCase === Case.REVISION ? BigInt(streamOptions!.getRevision()) : null;
  let events: StoredEvent[];
  if (backwards) {
    events = outcome.events
      .filter((event) =>
        revisionCase === Case.START ? event.revision === outcome.events[0].revision : revision === null || event.revision <= revision,
      )
      .reverse();
  } else {
    events = revisionCase === Case.END ? [] : outcome.events.filter((event) => revision === null || event.revision >= revision);
  }

  const count = maxCount(options);
  const uuid = uuidFormat(options);
  for (const event of events.slice(0, count)) {
    if (call.cancelled) return;
    await write(call, readEvent(event, uuid, false));
  }
  call.end();
}

export async function readAll(log: EmulatorLog, call: ReadCall, options: ReadOptions): Promise<void> {
  const all = options.getAll();
  const Case = streamsPb.ReadReq.Options.AllOptions.AllOptionCase;
  const backwards = options.getReadDirection() === streamsPb.ReadReq.Options.ReadDirection.BACKWARDS;
  let index: number;
  switch (all?.getAllOptionCase()) {
    case Case.START:
      index = backwards ? -1 : 0;
      break;
    case Case.END:
      index = backwards ? log.length - 1 : log.length;
      break;
    case Case.POSITION: {
      // Forwards includes the event at the position; backwards starts before it.
      const start = log.indexAtOrAfter(BigInt(all.getPosition()!.getCommitPosition()));
      index = backwards ? start - 1 : start;
      break;
    }
    default:
      throw invalidArgument('Required field AllOptions not set.');
  }

  const filter = eventFilter(options);
  const count = maxCount(options);
  const uuid = uuidFormat(options);
  let sent = 0;
  while (sent < count && index >= 0 && index < log.length) {
    if (call.cancelled) return;
    const event = log.at(index);
    index += backwards ? -1 : 1;
    if (filter && !filter.matches(event)) continue;
    await write(call, readEvent(event, uuid, true));
    sent++;
  }
  call.end();
}

/**
 * A subscription confirms first, replays what is already in the log, says it has caught up, then
 * streams live appends until the client cancels or the connection goes. A filtered $all
 * subscription also reports a checkpoint every `multiplier × window` events it has looked at, so
 * a client whose filter matches nothing still learns how far the log has been searched.
 */
export async function subscribe(log: EmulatorLog, call: ReadCall, options: ReadOptions): Promise<void> {
  const selection = subscriptionSelection(log, options);
  const filter = eventFilter(options);
  const uuid = uuidFormat(options);

  await write(
    call,
    new streamsPb.ReadResp().setConfirmation(
      new streamsPb.ReadResp.SubscriptionConfirmation().setSubscriptionId(randomUUID()),
    ),
  );

  let index = selection.startIndex;
  let considered = 0;
  let caughtUp = false;
  while (!call.cancelled) {
    if (index < log.length) {
      const event = log.at(index++);
      if (selection.kind === 'stream') {
        if (event.streamId !== selection.name || event.revision <= selection.after) continue;
        if (event.revision === TOMBSTONE_REVISION) throw streamDeletedError(selection.name);
        await write(call, readEvent(event, uuid, false));
        continue;
      }
      considered++;
      if (!filter || filter.matches(event)) await write(call, readEvent(event, uuid, true));
      if (filter && considered >= filter.checkpointInterval) {
        considered = 0;
        await write(call, checkpoint(event.position));
      }
      continue;
    }
    if (!caughtUp) {
      caughtUp = true;
      await write(call, new streamsPb.ReadResp().setCaughtUp(new streamsPb.ReadResp.CaughtUp()));
    }
    await nextAppend(log, call);
  }
}

type Selection =
  | { kind: 'all'; startIndex: number }
  | { kind: 'stream'; startIndex: number; name: string; after: bigint };

function subscriptionSelection(log: EmulatorLog, options: ReadOptions): Selection {
  const Options = streamsPb.ReadReq.Options;
  if (options.getStreamOptionCase() === Options.StreamOptionCase.ALL) {
    const all = options.getAll()!;
    switch (all.getAllOptionCase()) {
      case Options.AllOptions.AllOptionCase.START:
        return { kind: 'all', startIndex: 0 };
      case Options.AllOptions.AllOptionCase.END:
        return { kind: 'all', startIndex: log.length };
      default:
        // The start position is exclusive: the subscription begins after the event there.
        return { kind: 'all', startIndex: log.indexAtOrAfter(BigInt(all.getPosition()!.getCommitPosition()) + 1n) };
    }
  }
  const stream = options.getStream()!;
  const name = streamName(stream.getStreamIdentifier());
  if (log.readStream(name).kind === 'deleted') throw streamDeletedError(name);
  switch (stream.getRevisionOptionCase()) {
    case Options.StreamOptions.RevisionOptionCase.START:
      return { kind: 'stream', startIndex: 0, name, after: -1n };
    case Options.StreamOptions.RevisionOptionCase.END:
      return { kind: 'stream', startIndex: log.length, name, after: -1n };
    default:
      return { kind: 'stream', startIndex: 0, name, after: BigInt(stream.getRevision()) };
  }
}

interface EventFilter {
  matches(event: StoredEvent): boolean;
  checkpointInterval: number;
}

function eventFilter(options: ReadOptions): EventFilter | null {
  const filter = options.getFilter();
  if (!filter) return null;
  const Case = streamsPb.ReadReq.Options.FilterOptions.FilterCase;
  const onStream = filter.getFilterCase() === Case.STREAM_IDENTIFIER;
  const expression = onStream ? filter.getStreamIdentifier() : filter.getEventType();
  if (!expression) throw invalidArgument('A filter needs a stream identifier or an event type expression.');
  const regex = expression.getRegex();
  const prefixes = expression.getPrefixList();
  const test = regex ? (value: string) => new RegExp(regex).test(value) : (value: string) => prefixes.some((prefix) => value.startsWith(prefix));
  const multiplier = filter.getCheckpointintervalmultiplier();
  if (multiplier <= 0) throw invalidArgument('CheckpointIntervalMultiplier must be greater than 0.');
  const window = filter.hasMax() ? filter.getMax() : DEFAULT_FILTER_WINDOW;
  return {
    matches: (event) => test(onStream ? event.streamId : event.type),
    checkpointInterval: multiplier * window,
  };
}

function maxCount(options: ReadOptions): number {
  const count = BigInt(options.getCount());
  return count > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(count);
}

function uuidFormat(options: ReadOptions): UuidFormat {
  return options.getUuidOption()?.hasStructured() ? 'structured' : 'string';
}

/** Writes with backpressure: waits for the client to drain, or for the call to go away. */
async function write(call: ReadCall, message: ReadResp): Promise<void> {
  if (call.write(message)) return;
  await firstOf(call, ['drain', 'cancelled', 'close', 'finish']);
}

async function nextAppend(log: EmulatorLog, call: ReadCall): Promise<void> {
  await new Promise<void>((resolve) => {
    const done = () => {
      log.off('appended', done);
      call.off('cancelled', done);
      call.off('close', done);
      resolve();
    };
    log.on('appended', done);
    call.on('cancelled', done);
    call.on('close', done);
  });
}

function firstOf(call: ReadCall, events: string[]): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      for (const event of events) call.off(event, done);
      resolve();
    };
    for (const event of events) call.on(event, done);
  });
}
