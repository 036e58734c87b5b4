/**
 * Streams that live in the same store as the ledger but are not part of it: the API's
 * idempotency records, shared by every API instance. They carry no hash chain and are never
 * exported, digested or verified; projections never subscribe to them.
 */
export const IDEMPOTENCY_STREAM_PREFIX = 'idempotency-';

export const BOOKKEEPING_STREAM_PREFIXES: readonly string[] = Object.freeze([IDEMPOTENCY_STREAM_PREFIX]);

export function isBookkeepingStream(streamId: string): boolean {
  return BOOKKEEPING_STREAM_PREFIXES.some((prefix) => streamId.startsWith(prefix));
}
