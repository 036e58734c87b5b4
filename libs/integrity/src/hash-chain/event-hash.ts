import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { JsonObject } from '@ledger/event-store';

/** What one event's hash covers. See libs/integrity/README.md for the exact serialisation. */
export interface HashedContent {
  streamId: string;
  revision: bigint;
  eventId: string;
  type: string;
  data: JsonObject;
  /** The stored metadata; its own `hash` and `prevHash` keys are left out of the hash. */
  metadata: JsonObject;
  /** The hash of the previous event of the stream; null for revision 0. */
  prevHash: string | null;
}

/** root_0 of the ledger digest: 64 zeros. */
export const EMPTY_LEDGER_DIGEST = '0'.repeat(64);

const HEX_SHA256 = /^[0-9a-f]{64}$/;

export function isSha256Hex(value: unknown): value is string {
  return typeof value === 'string' && HEX_SHA256.test(value);
}

export function sha256Hex(text: string | Buffer): string {
  return createHash('sha256').update(text).digest('hex');
}

/** The metadata as hashed: without the chain's own fields. */
export function metadataWithoutChain(metadata: JsonObject): JsonObject {
  const { hash: _hash, prevHash: _prevHash, ...rest } = metadata;
  return rest;
}

/** The exact text that is hashed: RFC 8785 canonical JSON of the content, revision as a decimal string. */
export function canonicalHashText(content: HashedContent): string {
  const text = canonicalize({
    streamId: content.streamId,
    revision: content.revision.toString(),
    eventId: content.eventId,
    type: content.type,
    data: content.data,
    metadata: metadataWithoutChain(content.metadata),
    prevHash: content.prevHash,
  });
  if (text === undefined) throw new TypeError('event content cannot be canonicalised');
  return text;
}

/** SHA-256, lower-case hex, of the UTF-8 bytes of the canonical text. */
export function eventHash(content: HashedContent): string {
  return sha256Hex(canonicalHashText(content));
}

/** One step of the ledger digest: root_n = SHA-256(root_{n-1} + hash_n), both as lower-case hex text. */
export function nextLedgerDigest(previous: string, hash: string): string {
  return sha256Hex(previous + hash);
}
