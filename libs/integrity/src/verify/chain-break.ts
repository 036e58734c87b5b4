/** What kind of break verification found. */
export type BreakProblem =
  /** The event's content no longer gives its recorded hash: something in it was changed. */
  | 'hash-mismatch'
  /** The event's prevHash is not the hash of the stream's previous event. */
  | 'prev-hash-mismatch'
  /** The event carries no hash (or no prevHash): it was never chained. */
  | 'missing-hash'
  /** A revision of a stream is absent: the revisions jump. */
  | 'missing-revision'
  /** A revision of a stream appears a second time. */
  | 'duplicate-revision'
  /** Events appear out of order (a later revision or sequence before an earlier one). */
  | 'reordered'
  /** The file ends early: in the middle of a line, or before the events its manifest lists. */
  | 'truncated'
  /** A line is not a canonical export record. */
  | 'malformed'
  /** The manifest lists a stream of which the file holds nothing. */
  | 'stream-missing'
  /** The file holds a stream the manifest does not list. */
  | 'unexpected-stream'
  /** Counts, sequences, stream heads or a file's SHA-256 differ from the manifest. */
  | 'manifest-mismatch'
  /** The digest over the events differs from the one expected. */
  | 'digest-mismatch'
  /** The manifest's signature does not verify with the public key given. */
  | 'signature-invalid'
  /** A file the manifest lists cannot be read. */
  | 'file-missing'
  /** A public export's line carries a field the public export withholds (a recorder, a name, an unpublished field). */
  | 'withheld-field'
  /** A public export's line differs from the full export's event, or leaves out one of its streams' events. */
  | 'full-export-mismatch';

/** The first place where a ledger or an export stops being provably intact. */
export interface ChainBreak {
  problem: BreakProblem;
  /** The stream, revision and event where it breaks, where one can be named. */
  streamId: string | null;
  revision: bigint | null;
  eventId: string | null;
  /** Line of the export file (1-based), for files. */
  line?: number;
  /** Store position, for a live store. */
  position?: bigint;
  /** What differs, in words, with the values that differ. */
  detail: string;
}

export interface VerificationReport {
  ok: boolean;
  /** The first break; null when ok. */
  break: ChainBreak | null;
  /** Events read (up to the break, if any). */
  events: number;
  streams: number;
  /** Running root over the events read, in their order (the ledger digest for a whole ledger). */
  digest: string;
  lastPosition: bigint | null;
  lastSequence: number | null;
  /** Whether completeness was checked against a manifest. */
  againstManifest: boolean;
}

/** One line of text naming the place and what differs. */
export function describeBreak(found: ChainBreak): string {
  const place = [
    found.streamId !== null ? `stream ${found.streamId}` : null,
    found.revision !== null ? `revision ${found.revision}` : null,
    found.eventId !== null ? `event ${found.eventId}` : null,
    found.line !== undefined ? `line ${found.line}` : null,
    found.position !== undefined ? `position ${found.position}` : null,
  ].filter((part) => part !== null);
  return `${found.problem}${place.length > 0 ? ` at ${place.join(', ')}` : ''}: ${found.detail}`;
}

/** The break as plain JSON (bigints as decimal strings), for `--json` output and HTTP. */
export function breakToJson(found: ChainBreak): Record<string, string | number | null> {
  return {
    problem: found.problem,
    streamId: found.streamId,
    revision: found.revision === null ? null : found.revision.toString(),
    eventId: found.eventId,
    line: found.line ?? null,
    position: found.position === undefined ? null : found.position.toString(),
    detail: found.detail,
  };
}
