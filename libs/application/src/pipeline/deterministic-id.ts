import { createHash } from 'node:crypto';

/**
 * A UUID computed from its parts, so that a retried write carries the same event ids and the
 * store keeps it once. SHA-256, truncated to 128 bits, with the version nibble set to 5 (name
 * based) and the RFC 4122 variant: the EventStoreDB client validates ids with a parser that only
 * accepts versions 1 to 5.
 */
export function deterministicUuid(...parts: string[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(`${part.length}:${part}`);
  const bytes = hash.digest().subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
