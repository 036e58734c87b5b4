import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { DEV_USER_HEADER } from '../../../identity/dev-users';
import { actingAsCookieOf } from './acting-as-cookie';
import { DevelopmentPeople } from './development-people';

/**
 * On the pages, in development mode, the person chosen with the "Acting as" switcher is handed to
 * the one identity guard the way an API client names one: as X-Ledger-Dev-User. So the guard
 * alone still decides the principal, and everything recorded from a page is attributed to it.
 * A cookie naming nobody in the directory is ignored (the default user acts), never trusted.
 */
@Injectable()
export class ActingAsMiddleware implements NestMiddleware {
  constructor(private readonly people: DevelopmentPeople) {}

  use(request: Request, _response: Response, next: NextFunction): void {
    const chosen = actingAsCookieOf(request);
    if (chosen !== undefined && request.headers[DEV_USER_HEADER] === undefined && this.people.selectable && this.people.find(chosen)) {
      request.headers[DEV_USER_HEADER] = chosen;
    }
    next();
  }
}
