import * as fs from 'node:fs';
import canonicalize from 'canonicalize';
import type { JsonObject } from '@ledger/event-store';
import type { LedgerEvent } from '../log/ledger-event';

/**
 * The canonical export, also the import format: one event per line, each line the RFC 8785
 * canonical JSON of { streamId, revision, sequence, eventId, type, data, metadata } followed by
 * "\n". `sequence` is the event's 1-based place in the whole ledger's order. Store positions and
 * store timestamps are left out on purpose: they are each store's own and change when a ledger
 * moves, while this file must come out byte for byte the same from any store holding the ledger.
 */
export interface ExportRecord {
  streamId: string;
  revision: number;
  sequence: number;
  eventId: string;
  type: string;
  data: JsonObject;
  metadata: JsonObject;
}

const RECORD_FIELDS = ['data', 'eventId', 'metadata', 'revision', 'sequence', 'streamId', 'type'];

export function toExportLine(event: { streamId: string; revision: bigint; id: string; type: string; data: JsonObject; metadata: JsonObject }, sequence: number): string {
  const record: ExportRecord = {
    streamId: event.streamId,
    revision: Number(event.revision),
    sequence,
    eventId: event.id,
    type: event.type,
    data: event.data,
    metadata: event.metadata,
  };
  return `${canonicalize(record)}\n`;
}

/** A line of an export file that cannot be read as an event. */
export class ExportLineError extends Error {
  constructor(
    readonly problem: 'truncated' | 'malformed' | 'withheld-field',
    readonly line: number,
    readonly detail: string,
    readonly streamId: string | null = null,
    readonly eventId: string | null = null,
  ) {
    super(`line ${line}: ${detail}`);
    this.name = 'ExportLineError';
  }
}

/**
 * The events of an export file, one line at a time (memory stays flat). Throws ExportLineError at
 * the first line that is not a canonical record, or at a last line with no newline: every line
 * the exporter writes ends with one, so a missing newline means the file was cut short. `parse`
 * reads one line (the public export's lines are read with their own).
 */
export async function* readExportFile<E extends LedgerEvent = LedgerEvent>(file: string, parse: (text: string, line: number) => E = parseExportLine as (text: string, line: number) => E): AsyncGenerator<E> {
  let pending = '';
  let lineNumber = 0;
  for await (const chunk of fs.createReadStream(file, { encoding: 'utf8', highWaterMark: 256 * 1024 })) {
    pending += chunk as string;
    let start = 0;
    for (let end = pending.indexOf('\n'); end !== -1; end = pending.indexOf('\n', start)) {
      lineNumber += 1;
      yield parse(pending.slice(start, end), lineNumber);
      start = end + 1;
    }
    pending = pending.slice(start);
  }
  if (pending.length > 0) {
    lineNumber += 1;
    const partial = salvage(pending);
    throw new ExportLineError(
      'truncated',
      lineNumber,
      `the file ends in the middle of line ${lineNumber} (${pending.length} characters with no newline)`,
      partial.streamId,
      partial.eventId,
    );
  }
}

export function parseExportLine(text: string, line: number): LedgerEvent {
  let record: unknown;
  try {
    record = JSON.parse(text);
  } catch (error) {
    const partial = salvage(text);
    throw new ExportLineError('malformed', line, `not JSON (${(error as Error).message})`, partial.streamId, partial.eventId);
  }
  const fail = (what: string): never => {
    const partial = typeof record === 'object' && record !== null ? (record as Record<string, unknown>) : {};
    throw new ExportLineError(
      'malformed',
      line,
      what,
      typeof partial.streamId === 'string' ? partial.streamId : null,
      typeof partial.eventId === 'string' ? partial.eventId : null,
    );
  };
  if (typeof record !== 'object' || record === null || Array.isArray(record)) return fail('not a JSON object');
  const r = record as Record<string, unknown>;
  const extra = Object.keys(r).filter((key) => !RECORD_FIELDS.includes(key));
  if (extra.length > 0) fail(`unexpected field ${extra.join(', ')}`);
  if (typeof r.streamId !== 'string' || r.streamId.length === 0) fail('streamId must be a non-empty string');
  if (!Number.isSafeInteger(r.revision) || (r.revision as number) < 0) fail('revision must be a whole number >= 0');
  if (!Number.isSafeInteger(r.sequence) || (r.sequence as number) < 1) fail('sequence must be a whole number >= 1');
  if (typeof r.eventId !== 'string' || r.eventId.length === 0) fail('eventId must be a non-empty string');
  if (typeof r.type !== 'string' || r.type.length === 0) fail('type must be a non-empty string');
  if (!isObject(r.data)) fail('data must be a JSON object');
  if (!isObject(r.metadata)) fail('metadata must be a JSON object');
  if (canonicalize(r) !== text) fail('the line is not in canonical form (RFC 8785): it was rewritten after export');
  return {
    streamId: r.streamId as string,
    revision: BigInt(r.revision as number),
    eventId: r.eventId as string,
    type: r.type as string,
    data: r.data as JsonObject,
    metadata: r.metadata as JsonObject,
    sequence: r.sequence as number,
    line,
  };
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The ids a damaged line still shows, to say whose line it was. */
export function salvage(text: string): { streamId: string | null; eventId: string | null } {
  const field = (name: string) => new RegExp(`"${name}":"((?:[^"\\\\]|\\\\.)*)"`).exec(text)?.[1] ?? null;
  return { streamId: field('streamId'), eventId: field('eventId') };
}
