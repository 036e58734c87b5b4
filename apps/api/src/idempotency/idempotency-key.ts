import { createHash } from 'node:crypto';
import type { Request } from 'express';
import canonicalize from 'canonicalize';
import { invalidInput } from '../problem/problem';

export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';

/** A structured-field string ("abc") or a bare token; visible ASCII, 1 to 255 characters. */
const KEY = /^[\x21-\x7e]{1,255}$/;

/** The request's Idempotency-Key, or undefined when it has none; a malformed key is a 400. */
export function idempotencyKeyOf(request: Request): string | undefined {
  const header = request.headers[IDEMPOTENCY_KEY_HEADER];
  if (header === undefined) return undefined;
  const raw = Array.isArray(header) ? header.join(',') : header;
  const key = raw.length >= 2 && raw.startsWith('"') && raw.endsWith('"') ? raw.slice(1, -1) : raw;
  if (!KEY.test(key)) {
    throw invalidInput([{ field: 'Idempotency-Key', message: 'Idempotency-Key must be 1 to 255 visible ASCII characters' }]);
  }
  return key;
}

/** What a retry must repeat exactly: method, path and body (canonical JSON, RFC 8785). */
export function requestFingerprint(request: Request): string {
  return createHash('sha256')
    .update(`${request.method} ${request.originalUrl}\n`)
    .update(canonicalize(request.body ?? null) ?? 'null')
    .digest('hex');
}
