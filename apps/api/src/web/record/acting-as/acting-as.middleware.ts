import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { DEV_USER_HEADER } from '../../../identity/dev-users';
import { principalOf, type Principal } from '../../../identity/principal';
import { answerActingAs } from '../../layout/who-is-acting';
import { actingAsCookieOf } from './acting-as-cookie';
import { ACTING_AS_PATH, returnPathOf, switcherHref } from './acting-as.page';
import { DevelopmentPeople } from './development-people';

/**
 * On the pages, in development mode, the person chosen with the "Acting as" switcher is handed to
 * the one identity guard the way an API client names one: as X-Ledger-Dev-User. So the guard
 * alone still decides the principal, and everything recorded from a page is attributed to it.
 * A cookie naming nobody in the directory is ignored (the default user acts), never trusted.
 * The page is then answered knowing who acts, for the header every page shows.
 */
@Injectable()
export class ActingAsMiddleware implements NestMiddleware {
  constructor(private readonly people: DevelopmentPeople) {}

  use(request: Request, _response: Response, next: NextFunction): void {
    const chosen = actingAsCookieOf(request);
    if (chosen !== undefined && request.headers[DEV_USER_HEADER] === undefined && this.people.selectable && this.people.find(chosen)) {
      request.headers[DEV_USER_HEADER] = chosen;
    }
    const switchable = this.people.selectable && request.path !== ACTING_AS_PATH;
    answerActingAs({ principal: () => decidedPrincipal(request), development: this.people.selectable, changeHref: switchable ? switcherHref(returnPathOf(request)) : null }, next);
  }
}

/** The guard sets the principal before any handler runs, or refuses the request without one. */
function decidedPrincipal(request: Request): Principal | undefined {
  try {
    return principalOf(request);
  } catch {
    return undefined;
  }
}
