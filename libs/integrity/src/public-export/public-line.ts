import canonicalize from 'canonicalize';
import { PUBLIC_METADATA_FIELDS, publicDataOf, publicFieldsOf } from '@ledger/domain';
import type { JsonObject, JsonValue } from '@ledger/event-store';
import { ExportLineError, isObject } from '../export/canonical-jsonl';
import { isSha256Hex } from '../hash-chain/event-hash';
import type { LedgerEvent } from '../log/ledger-event';

/**
 * One line of the public export: the event's place, its chain links and its dates (public facts),
 * the data fields the public register publishes for its type, verbatim (`disclosed`), and the name
 * of every data and metadata field left out (`withheld`, as `data.<field>` and `metadata.<field>`).
 */
export interface PublicExportRecord {
  streamId: string;
  revision: number;
  sequence: number;
  eventId: string;
  type: string;
  hash: string;
  prevHash: string | null;
  occurredAt: string | null;
  recordedAt: string | null;
  disclosed: JsonObject;
  withheld: string[];
}

const RECORD_FIELDS = ['disclosed', 'eventId', 'hash', 'occurredAt', 'prevHash', 'recordedAt', 'revision', 'sequence', 'streamId', 'type', 'withheld'];

/** Metadata keys the line carries in its own fields rather than withholds. */
const METADATA_SHOWN: readonly string[] = ['hash', 'prevHash', ...PUBLIC_METADATA_FIELDS];

export function toPublicRecord(event: { streamId: string; revision: bigint; id: string; type: string; data: JsonObject; metadata: JsonObject }, sequence: number): PublicExportRecord {
  const disclosed = publicDataOf(event.type, event.data) as JsonObject;
  const withheld = [
    ...Object.keys(event.data)
      .filter((field) => !Object.hasOwn(disclosed, field))
      .map((field) => `data.${field}`),
    ...Object.keys(event.metadata)
      .filter((field) => !METADATA_SHOWN.includes(field))
      .map((field) => `metadata.${field}`),
  ].sort();
  return {
    streamId: event.streamId,
    revision: Number(event.revision),
    sequence,
    eventId: event.id,
    type: event.type,
    hash: event.metadata.hash as string,
    prevHash: (event.metadata.prevHash ?? null) as string | null,
    occurredAt: textOrNull(event.metadata.occurredAt),
    recordedAt: textOrNull(event.metadata.recordedAt),
    disclosed,
    withheld,
  };
}

export function toPublicLine(record: PublicExportRecord): string {
  return `${canonicalize(record)}\n`;
}

/** A public line as the chain checks read it: its hashes as metadata, what it discloses as data. */
export interface PublicLedgerEvent extends LedgerEvent {
  record: PublicExportRecord;
}

/**
 * Reads one line of a public export, refusing by name anything the public export never holds: a
 * field outside its record (an envelope, an actor), a disclosed field the public register does not
 * publish for that event type, a withheld name that is disclosed after all, or a line rewritten
 * out of canonical form.
 */
export function parsePublicLine(text: string, line: number): PublicLedgerEvent {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new ExportLineError('malformed', line, `not JSON (${(error as Error).message})`);
  }
  if (!isObject(parsed)) throw new ExportLineError('malformed', line, 'not a JSON object');
  const r = parsed as Record<string, JsonValue>;
  const streamId = typeof r.streamId === 'string' ? r.streamId : null;
  const eventId = typeof r.eventId === 'string' ? r.eventId : null;
  const fail = (what: string, problem: 'malformed' | 'withheld-field' = 'malformed'): never => {
    throw new ExportLineError(problem, line, what, streamId, eventId);
  };
  const extra = Object.keys(r).filter((key) => !RECORD_FIELDS.includes(key));
  if (extra.length > 0) fail(`the line carries ${extra.join(', ')}, which the public export withholds: a line holds only ${RECORD_FIELDS.join(', ')}`, 'withheld-field');
  const missing = RECORD_FIELDS.filter((key) => !Object.hasOwn(r, key));
  if (missing.length > 0) fail(`the line has no ${missing.join(', ')}`);
  if (streamId === null || streamId.length === 0) fail('streamId must be a non-empty string');
  if (!Number.isSafeInteger(r.revision) || (r.revision as number) < 0) fail('revision must be a whole number >= 0');
  if (!Number.isSafeInteger(r.sequence) || (r.sequence as number) < 1) fail('sequence must be a whole number >= 1');
  if (eventId === null || eventId.length === 0) fail('eventId must be a non-empty string');
  if (typeof r.type !== 'string' || r.type.length === 0) fail('type must be a non-empty string');
  if (!isSha256Hex(r.hash)) fail(`hash must be SHA-256 hex; found ${JSON.stringify(r.hash)}`);
  if (r.prevHash !== null && !isSha256Hex(r.prevHash)) fail(`prevHash must be SHA-256 hex or null; found ${JSON.stringify(r.prevHash)}`);
  for (const key of ['occurredAt', 'recordedAt']) if (r[key] !== null && typeof r[key] !== 'string') fail(`${key} must be a text or null`);
  if (!isObject(r.disclosed)) fail('disclosed must be a JSON object');
  if (!Array.isArray(r.withheld) || r.withheld.some((name) => typeof name !== 'string')) fail('withheld must be a list of field names');
  const type = r.type as string;
  const disclosed = r.disclosed as JsonObject;
  const published = publicFieldsOf(type);
  const unpublished = Object.keys(disclosed).filter((field) => !published.includes(field));
  if (unpublished.length > 0) {
    fail(`disclosed carries ${unpublished.join(', ')}, which the public register does not publish for ${type} (it publishes ${published.join(', ') || 'no data field'})`, 'withheld-field');
  }
  const withheld = r.withheld as string[];
  const named = withheld.filter((name) => /^(data|metadata)\.[^.]+$/.test(name));
  if (named.length !== withheld.length) fail('withheld must name fields as data.<field> or metadata.<field>');
  const both = withheld.filter((name) => name.startsWith('data.') && Object.hasOwn(disclosed, name.slice('data.'.length)));
  if (both.length > 0) fail(`${both.join(', ')} is both disclosed and withheld`);
  if (canonicalize(r) !== text) fail('the line is not in canonical form (RFC 8785): it was rewritten after export');
  const record = r as unknown as PublicExportRecord;
  return {
    streamId: record.streamId,
    revision: BigInt(record.revision),
    eventId: record.eventId,
    type,
    data: disclosed,
    metadata: { hash: record.hash, prevHash: record.prevHash },
    sequence: record.sequence,
    line,
    record,
  };
}

function textOrNull(value: JsonValue | undefined): string | null {
  return typeof value === 'string' ? value : null;
}
