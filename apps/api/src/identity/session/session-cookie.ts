import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Request, Response } from 'express';
import { isRole } from '@ledger/application';
import type { Principal } from '../principal';
import { cookieOf } from './cookies';

export const SESSION_COOKIE = 'ledger_session';

/**
 * What a session cookie says: a person of the embedded store, looked up (and so checked for being
 * disabled) on every request; or a principal signed in with OpenID Connect, as the issuer's
 * claims said at sign-in.
 */
export type Session = { kind: 'person'; personId: string; expiresAt: number } | { kind: 'oidc'; principal: Principal; expiresAt: number };

/**
 * Sessions are signed, not stored: base64url JSON and its HMAC under the session secret, so that
 * several instances sharing the secret accept each other's sessions. HttpOnly, SameSite=Lax, and
 * Secure whenever the request came over HTTPS (behind a proxy, with `trust proxy` set).
 */
export class SessionCookies {
  constructor(
    private readonly secret: Buffer,
    private readonly hours: number,
  ) {}

  set(request: Request, response: Response, session: { kind: 'person'; personId: string } | { kind: 'oidc'; principal: Principal }, now = Date.now()): void {
    const value = this.seal({ ...session, expiresAt: now + this.hours * 3_600_000 } as Session);
    response.append('Set-Cookie', `${SESSION_COOKIE}=${value}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${this.hours * 3600}${request.secure ? '; Secure' : ''}`);
  }

  clear(request: Request, response: Response): void {
    response.append('Set-Cookie', `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0${request.secure ? '; Secure' : ''}`);
  }

  /** The session the request's cookie carries; undefined when there is none, it is forged or it has expired. */
  read(request: Request, now = Date.now()): Session | undefined {
    const value = cookieOf(request, SESSION_COOKIE);
    if (value === undefined || value === '') return undefined;
    const session = this.open(value);
    return session !== undefined && session.expiresAt > now ? session : undefined;
  }

  seal(payload: object): string {
    const body = Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
    return `${body}.${this.mac(body)}`;
  }

  unseal(value: string): unknown {
    const dot = value.indexOf('.');
    if (dot < 1) return undefined;
    const body = value.slice(0, dot);
    const given = Buffer.from(value.slice(dot + 1));
    const expected = Buffer.from(this.mac(body));
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
    try {
      return JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as unknown;
    } catch {
      return undefined;
    }
  }

  private open(value: string): Session | undefined {
    const session = this.unseal(value) as Session | undefined;
    if (typeof session !== 'object' || session === null || typeof session.expiresAt !== 'number') return undefined;
    if (session.kind === 'person' && typeof session.personId === 'string') return session;
    if (session.kind === 'oidc' && typeof session.principal === 'object' && session.principal !== null && isRole(session.principal.role)) return session;
    return undefined;
  }

  private mac(body: string): string {
    return createHmac('sha256', this.secret).update(`session:${body}`).digest('base64url');
  }
}
