import { createHash, randomBytes } from 'node:crypto';

/**
 * Tokens handed to people (sign-in links, API tokens, sessions' ids) are 256 random bits; only
 * their SHA-256 is stored, which suffices for such high-entropy secrets. The prefix says what a
 * token is, so one pasted into the wrong place is recognised, and nothing else is readable in it.
 */
export type TokenKind = 'lgr_link' | 'lgr_api' | 'lgr_cal';

export function newToken(kind: TokenKind): string {
  return `${kind}_${randomBytes(32).toString('base64url')}`;
}

export function tokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function isTokenOf(kind: TokenKind, value: string): boolean {
  return value.startsWith(`${kind}_`) && /^[A-Za-z0-9_-]{43}$/.test(value.slice(kind.length + 1));
}
