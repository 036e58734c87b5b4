import type { Request, Response } from 'express';

/** The development person a browser has chosen to act as, by id. */
export const ACTING_AS_COOKIE = 'ledger_acting_as';

const PERSON_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

export function actingAsCookieOf(request: Request): string | undefined {
  for (const pair of (request.headers.cookie ?? '').split(';')) {
    const at = pair.indexOf('=');
    if (at !== -1 && pair.slice(0, at).trim() === ACTING_AS_COOKIE) {
      const value = pair.slice(at + 1).trim();
      return PERSON_ID.test(value) ? value : undefined;
    }
  }
  return undefined;
}

export function setActingAsCookie(request: Request, response: Response, personId: string): void {
  response.append('Set-Cookie', `${ACTING_AS_COOKIE}=${personId}; Path=/; HttpOnly; SameSite=Strict${request.secure ? '; Secure' : ''}`);
}
