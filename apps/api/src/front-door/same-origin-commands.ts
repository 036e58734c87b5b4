import { ForbiddenException } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { logRefusal } from '../identity/access/refusal-log';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Another website may not make a visitor's browser send anything that changes state: a request
 * whose Sec-Fetch-Site says it came from another site, or whose Origin names another origin, is
 * refused before it is read. Clients that are not browsers send neither header and are judged by
 * their credentials alone.
 */
export function sameOriginCommands(publicUrl: string) {
  const publicOrigin = new URL(publicUrl).origin;
  return (request: Request, _response: Response, next: NextFunction): void => {
    if (SAFE_METHODS.has(request.method)) return next();
    const site = request.headers['sec-fetch-site'];
    if (site !== undefined && site !== 'same-origin' && site !== 'none') return refuse(request, next, `Sec-Fetch-Site is ${String(site)}`);
    const origin = request.headers.origin;
    if (origin !== undefined && !isOwnOrigin(origin, request, publicOrigin)) return refuse(request, next, `Origin ${origin} is another site`);
    next();
  };
}

function isOwnOrigin(origin: string, request: Request, publicOrigin: string): boolean {
  if (origin === publicOrigin) return true;
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}

function refuse(request: Request, next: NextFunction, why: string): void {
  logRefusal(request, undefined, 403, `a cross-site request (${why})`);
  next(new ForbiddenException('Requests from another website are refused: nothing was recorded'));
}
