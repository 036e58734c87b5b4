import { EMPTY_LEDGER_DIGEST, eventHash, isSha256Hex, nextLedgerDigest } from '../hash-chain/event-hash';
import { ExportLineError } from '../export/canonical-jsonl';
import type { LedgerEvent } from '../log/ledger-event';
import type { ChainBreak, VerificationReport } from './chain-break';

/** One stream as an export's manifest records it. */
export interface ManifestStream {
  streamId: string;
  lastRevision: number;
  lastHash: string;
  /** Sequence (place in the ledger) of the stream's first and last exported events. */
  firstSequence: number;
  lastSequence: number;
}

/** What a manifest says an export file holds: checked once every line has been read. */
export interface ExpectedContent {
  events: number;
  digest: string;
  firstSequence: number | null;
  lastSequence: number | null;
  streamList: ManifestStream[];
}

export interface VerifyOptions {
  expected?: ExpectedContent;
  /**
   * 'listed': take each event's hash as given instead of recomputing it (the public export, whose
   * lines withhold part of what the hash covers); everything else is checked the same way.
   */
  hashes?: 'recompute' | 'listed';
}

interface StreamHead {
  revision: bigint;
  hash: string;
  sequence: number | undefined;
}

interface Pending {
  found: ChainBreak;
  streamId: string;
  missing: bigint;
  at: LedgerEvent;
}

/**
 * Recomputes everything about a sequence of events, in the order given (the log's order):
 * per stream, revisions run 0, 1, 2 ... and each prevHash is the previous event's hash, and each
 * hash is recomputed from the content; sequences only grow; and the running digest. Returns the
 * first break, placed as exactly as the evidence allows. A revision that jumps is only classified
 * once the rest has been read: if the missing revision turns up later the events were reordered,
 * otherwise it is missing. With `expected` (an export's manifest) it also checks completeness:
 * dropped streams, a cut-off end, counts and the digest. Memory grows with the number of streams,
 * never with the number of events.
 */
export async function verifyEvents(events: AsyncIterable<LedgerEvent>, options: VerifyOptions = {}): Promise<VerificationReport> {
  const expected = options.expected;
  const listed = expected ? new Map(expected.streamList.map((stream) => [stream.streamId, stream])) : undefined;
  const heads = new Map<string, StreamHead>();
  let digest = EMPTY_LEDGER_DIGEST;
  let count = 0;
  let firstSequence: number | null = null;
  let lastSequence: number | null = null;
  let lastPosition: bigint | null = null;
  let previous: LedgerEvent | undefined;
  let beforePrevious: LedgerEvent | undefined;
  let lastLine = 0;
  let pending: Pending | undefined;

  const report = (found: ChainBreak | null): VerificationReport => ({
    ok: found === null,
    break: found,
    events: count,
    streams: heads.size,
    digest,
    lastPosition,
    lastSequence,
    againstManifest: expected !== undefined,
  });

  try {
    for await (const event of events) {
      if (event.line !== undefined) lastLine = event.line;
      if (pending) {
        if (event.streamId === pending.streamId && event.revision === pending.missing) return report(reordered(pending, event));
        continue;
      }
      const found = checkEvent(event);
      if (found === 'pending') continue;
      if (found) return report(found);
      const hash = event.metadata.hash as string;
      heads.set(event.streamId, { revision: event.revision, hash, sequence: event.sequence });
      digest = nextLedgerDigest(digest, hash);
      count += 1;
      if (event.sequence !== undefined) {
        firstSequence ??= event.sequence;
        lastSequence = event.sequence;
      }
      if (event.position !== undefined) lastPosition = event.position;
      beforePrevious = previous;
      previous = event;
    }
  } catch (error) {
    if (!(error instanceof ExportLineError)) throw error;
    if (pending) return report(pending.found);
    return report({ problem: error.problem, streamId: error.streamId, revision: null, eventId: error.eventId, line: error.line, detail: error.detail });
  }
  if (pending) return report(pending.found);
  return report(expected ? checkAgainstManifest(expected) : null);

  function checkEvent(event: LedgerEvent): ChainBreak | 'pending' | null {
    const at = place(event);
    if (listed && !listed.has(event.streamId)) {
      return { ...at, problem: 'unexpected-stream', detail: `the manifest does not list stream ${event.streamId}` };
    }
    const outOfOrder = sequenceBreak(event);
    if (outOfOrder) return outOfOrder;
    const head = heads.get(event.streamId);
    const expectedRevision = head ? head.revision + 1n : 0n;
    if (event.revision < expectedRevision) {
      return { ...at, problem: 'duplicate-revision', detail: `revision ${event.revision} of ${event.streamId} appears again after revision ${expectedRevision - 1n}` };
    }
    if (event.revision > expectedRevision) {
      pending = {
        streamId: event.streamId,
        missing: expectedRevision,
        at: event,
        found: {
          ...at,
          revision: expectedRevision,
          eventId: null,
          problem: 'missing-revision',
          detail: `revision ${expectedRevision} of ${event.streamId} is missing: revision ${event.revision}${lineOf(event)} follows ${head ? `revision ${head.revision}` : 'the start of the stream'}`,
        },
      };
      return 'pending';
    }
    const prevHash = event.metadata.prevHash;
    const hash = event.metadata.hash;
    if (!isSha256Hex(hash) || (prevHash !== null && !isSha256Hex(prevHash))) {
      return { ...at, problem: 'missing-hash', detail: `metadata.hash and metadata.prevHash must be SHA-256 hex (prevHash null at revision 0); found hash ${show(hash)}, prevHash ${show(prevHash)}` };
    }
    const expectedPrev = head ? head.hash : null;
    if (prevHash !== expectedPrev) {
      return {
        ...at,
        problem: 'prev-hash-mismatch',
        detail: head
          ? `prevHash is ${show(prevHash)} but revision ${head.revision} has hash ${head.hash}`
          : `prevHash is ${show(prevHash)} but revision 0 must have prevHash null`,
      };
    }
    if (options.hashes === 'listed') return null;
    const recomputed = eventHash({ ...event, prevHash: prevHash as string | null });
    if (recomputed !== hash) {
      return {
        ...at,
        problem: 'hash-mismatch',
        detail: `recorded hash ${hash}, recomputed ${recomputed}: the event's type, data or metadata was changed after it was recorded`,
      };
    }
    return null;
  }

  /**
   * Sequences only grow. Where one falls back, either the line before came too early or this one
   * too late: the line before that decides which (for two swapped lines, the earlier of the pair).
   */
  function sequenceBreak(event: LedgerEvent): ChainBreak | null {
    if (event.sequence === undefined || previous?.sequence === undefined || event.sequence > previous.sequence) return null;
    if (event.sequence === previous.sequence && event.eventId === previous.eventId) {
      return { ...place(event), problem: 'duplicate-revision', detail: `the event at sequence ${event.sequence}${lineOf(previous)} appears again${lineOf(event)}` };
    }
    const cameTooEarly = beforePrevious?.sequence === undefined || event.sequence > beforePrevious.sequence;
    return {
      ...place(cameTooEarly ? previous : event),
      problem: 'reordered',
      detail: `sequence ${previous.sequence}${lineOf(previous)} comes before sequence ${event.sequence}${lineOf(event)}: the events are out of order`,
    };
  }

  function checkAgainstManifest(content: ExpectedContent): ChainBreak | null {
    const end = lastLine > 0 ? { line: lastLine } : {};
    const deficient = content.streamList.filter((stream) => {
      const head = heads.get(stream.streamId);
      return head === undefined || head.revision < BigInt(stream.lastRevision);
    });
    const ranOut = lastSequence ?? 0;
    const cutOff =
      content.lastSequence !== null &&
      content.lastSequence > ranOut &&
      deficient.every((stream) => stream.lastSequence > ranOut && (heads.has(stream.streamId) || stream.firstSequence > ranOut));
    if (deficient.length > 0 && cutOff) {
      return {
        problem: 'truncated',
        streamId: null,
        revision: null,
        eventId: null,
        ...end,
        detail: `the file ends after ${count} events (sequence ${ranOut}); the manifest records ${content.events} events up to sequence ${content.lastSequence}`,
      };
    }
    const first = deficient[0];
    if (first) {
      const head = heads.get(first.streamId);
      if (!head) {
        return {
          problem: 'stream-missing',
          streamId: first.streamId,
          revision: 0n,
          eventId: null,
          detail: `the manifest lists ${first.streamId} with revisions 0 to ${first.lastRevision} (last hash ${first.lastHash}) at sequences ${first.firstSequence} to ${first.lastSequence}; the file holds none of its events`,
        };
      }
      return {
        problem: 'missing-revision',
        streamId: first.streamId,
        revision: head.revision + 1n,
        eventId: null,
        detail: `${first.streamId} ends at revision ${head.revision} in the file; the manifest records revisions up to ${first.lastRevision} (last hash ${first.lastHash}, sequence ${first.lastSequence})`,
      };
    }
    for (const stream of content.streamList) {
      const head = heads.get(stream.streamId) as StreamHead;
      if (head.revision !== BigInt(stream.lastRevision) || head.hash !== stream.lastHash) {
        return {
          problem: 'manifest-mismatch',
          streamId: stream.streamId,
          revision: head.revision,
          eventId: null,
          detail: `${stream.streamId} ends at revision ${head.revision} with hash ${head.hash}; the manifest records revision ${stream.lastRevision} with hash ${stream.lastHash}`,
        };
      }
    }
    const mismatch = (detail: string): ChainBreak => ({ problem: 'manifest-mismatch', streamId: null, revision: null, eventId: null, ...end, detail });
    if (count !== content.events) return mismatch(`the file holds ${count} events; the manifest records ${content.events}`);
    if (firstSequence !== content.firstSequence || lastSequence !== content.lastSequence) {
      return mismatch(`the file runs from sequence ${firstSequence} to ${lastSequence}; the manifest records ${content.firstSequence} to ${content.lastSequence}`);
    }
    if (digest !== content.digest) {
      return { problem: 'digest-mismatch', streamId: null, revision: null, eventId: null, ...end, detail: `the digest over the file's events is ${digest}; the manifest records ${content.digest}` };
    }
    return null;
  }
}

function place(event: LedgerEvent): Pick<ChainBreak, 'streamId' | 'revision' | 'eventId' | 'line' | 'position'> {
  return {
    streamId: event.streamId,
    revision: event.revision,
    eventId: event.eventId,
    ...(event.line !== undefined ? { line: event.line } : {}),
    ...(event.position !== undefined ? { position: event.position } : {}),
  };
}

function reordered(pending: Pending, later: LedgerEvent): ChainBreak {
  return {
    ...place(pending.at),
    problem: 'reordered',
    detail: `revision ${pending.at.revision} of ${pending.streamId}${lineOf(pending.at)} comes before revision ${later.revision}${lineOf(later)}: the events are out of order`,
  };
}

function lineOf(event: LedgerEvent): string {
  if (event.line !== undefined) return ` (line ${event.line})`;
  if (event.position !== undefined) return ` (position ${event.position})`;
  return '';
}

function show(value: unknown): string {
  return value === undefined ? 'absent' : JSON.stringify(value);
}
