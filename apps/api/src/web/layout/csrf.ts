import { Inject, Injectable } from '@nestjs/common';
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Request, Response } from 'express';
import { LEDGER_SECRETS } from '../../config/tokens';
import type { LedgerSecrets } from '../../identity/session/ledger-secrets';

export const CSRF_COOKIE = 'ledger_csrf';
export const CSRF_FIELD = '_csrf';

const BROWSER_ID = /^[A-Za-z0-9_-]{43}$/;

/**
 * Signed double-submit tokens for the pages' forms. The browser holds a random id in a
 * SameSite=Strict, HttpOnly cookie; each form carries an HMAC of that id under a key only this
 * process knows. A post counts only if the two agree, so another site can neither read the token
 * nor make one up, even if it could plant a cookie. A post whose Origin names another site is
 * refused outright. The key is the ledger's CSRF secret (configured, or kept in the data folder),
 * so a form left open across a restart, or posted to another instance, still counts.
 */
@Injectable()
export class CsrfProtection {
  private readonly key: Buffer;
  /** Ids given out in a response still being written, so a second form on the page signs the same one. */
  private readonly issued = new WeakMap<Request, string>();

  constructor(@Inject(LEDGER_SECRETS) secrets: LedgerSecrets) {
    this.key = secrets.csrf;
  }

  /** The token to put in a form, setting the browser's id cookie first if it has none. */
  tokenFor(request: Request, response: Response): string {
    let browserId = this.issued.get(request) ?? cookie(request, CSRF_COOKIE);
    if (browserId === undefined || !BROWSER_ID.test(browserId)) {
      browserId = randomBytes(32).toString('base64url');
      response.append('Set-Cookie', `${CSRF_COOKIE}=${browserId}; Path=/; HttpOnly; SameSite=Strict${request.secure ? '; Secure' : ''}`);
      this.issued.set(request, browserId);
    }
    return this.sign(browserId);
  }

  /** True when the post came from one of this service's own forms, in the browser that was given it. */
  accepts(request: Request, submitted: unknown): boolean {
    const browserId = cookie(request, CSRF_COOKIE);
    if (browserId === undefined || !BROWSER_ID.test(browserId) || typeof submitted !== 'string' || !sameOrigin(request)) return false;
    const expected = Buffer.from(this.sign(browserId));
    const given = Buffer.from(submitted);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  private sign(browserId: string): string {
    return createHmac('sha256', this.key).update(browserId).digest('base64url');
  }
}

function cookie(request: Request, name: string): string | undefined {
  for (const pair of (request.headers.cookie ?? '').split(';')) {
    const at = pair.indexOf('=');
    if (at !== -1 && pair.slice(0, at).trim() === name) return pair.slice(at + 1).trim();
  }
  return undefined;
}

/** Browsers send Origin with every form post; one naming another host is refused. */
function sameOrigin(request: Request): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}
