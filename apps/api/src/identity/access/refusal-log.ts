import { Logger } from '@nestjs/common';
import type { Request } from 'express';
import type { Principal } from '../principal';

const logger = new Logger('Access');

/** Statuses that refuse a request: each is logged once, where it is decided or else by the error filters. */
const REFUSALS = new Set([401, 403, 415, 429]);
const logged = new WeakSet<Request>();

/**
 * Every refusal, with who (the principal, or "anonymous" and the client address), what (method
 * and path) and why. Never a header's value: tokens and cookies stay out of logs, and the one path
 * that carries a secret (a sign-in link) is logged without it.
 */
export function logRefusal(request: Request, principal: Principal | undefined, status: number, why: string): void {
  const who = principal ? `${principal.id} (${principal.role}, ${principal.organisation})` : `anonymous from ${request.ip ?? 'unknown address'}`;
  logger.warn(`${status} ${request.method} ${redactedPath(request.originalUrl)} refused for ${who}: ${why}`);
  logged.add(request);
}

/**
 * For the error filters: a refusal nobody logged where it was decided (a form's CSRF check, an
 * unknown calendar address, a rate limit, a rule of the application) is logged as it is answered.
 */
export function logUnloggedRefusal(request: Request, principal: Principal | undefined, status: number, why: string): void {
  if (REFUSALS.has(status) && !logged.has(request)) logRefusal(request, principal, status, why);
}

export function redactedPath(url: string): string {
  return url.replace(/lgr_(link|api|cal)_[A-Za-z0-9_-]+/g, 'lgr_$1_[redacted]').replace(/([?&](?:code|state|token)=)[^&]*/g, '$1[redacted]');
}
