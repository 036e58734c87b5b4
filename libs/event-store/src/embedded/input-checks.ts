import { COUNT_LIMIT, type EventToAppend, type ExpectedRevision } from '../event-store.port';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function isPlainObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Refuses input the log must never hold, naming the field. Ids are lower-cased, as EventStoreDB
 * returns them, so both stores read back the same id.
 */
export function checkAppendInput(streamId: string, events: EventToAppend[], expected: ExpectedRevision): EventToAppend[] {
  if (typeof streamId !== 'string' || streamId.length === 0) throw new TypeError('streamId must be a non-empty string');
  if (!Array.isArray(events) || events.length === 0) throw new RangeError(`append to ${streamId}: events must be a non-empty array`);
  const validExpected =
    expected === 'no_stream' || expected === 'stream_exists' || expected === 'any' || (typeof expected === 'bigint' && expected >= 0n);
  if (!validExpected) throw new TypeError(`append to ${streamId}: expected must be 'no_stream', 'stream_exists', 'any' or a revision >= 0n`);

  const seen = new Set<string>();
  return events.map((event, index) => {
    const where = `append to ${streamId}: events[${index}]`;
    if (typeof event.id !== 'string' || !UUID.test(event.id)) throw new TypeError(`${where}.id must be a UUID`);
    if (typeof event.type !== 'string' || event.type.length === 0) throw new TypeError(`${where}.type must be a non-empty string`);
    if (!isPlainObject(event.data)) throw new TypeError(`${where}.data must be a JSON object`);
    if (!isPlainObject(event.metadata)) throw new TypeError(`${where}.metadata must be a JSON object`);
    const id = event.id.toLowerCase();
    if (seen.has(id)) throw new RangeError(`${where}.id repeats an id of the same append: ${id}`);
    seen.add(id);
    return { ...event, id };
  });
}

export function checkMaxCount(maxCount: number | undefined): void {
  if (maxCount !== undefined && !(Number.isSafeInteger(maxCount) && maxCount > 0)) {
    throw new RangeError('maxCount must be a positive integer');
  }
}

/** The limit of a count: a positive integer, COUNT_LIMIT when not given. */
export function checkCountLimit(limit: number | undefined): number {
  if (limit === undefined) return COUNT_LIMIT;
  if (!(Number.isSafeInteger(limit) && limit > 0)) throw new RangeError('limit must be a positive integer');
  return limit;
}

export function checkStreamPrefixes(prefixes: readonly string[] | undefined): void {
  if (prefixes !== undefined && prefixes.length === 0) throw new RangeError('streamPrefixes, when given, must name at least one prefix');
}

export function checkPosition(name: string, position: bigint | undefined): void {
  if (position !== undefined && !(typeof position === 'bigint' && position >= 0n)) {
    throw new TypeError(`${name} must be a position (bigint >= 0n)`);
  }
}
