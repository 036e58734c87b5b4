import { Controller, ForbiddenException, Get, Inject, Param, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../../identity/access/allow.decorator';
import { logRefusal } from '../../identity/access/refusal-log';
import { OidcIssuer } from '../../identity/oidc/oidc-issuer';
import { PeopleStore } from '../../identity/people/people-store';
import { isTokenOf } from '../../identity/people/secret-token';
import { signedInPrincipal } from '../../identity/principal';
import { SessionCookies } from '../../identity/session/session-cookie';
import { ThrottleSignIn } from '../../identity/sign-in/throttle';
import { safeReturnTo, SIGN_IN_PATH } from '../../identity/sign-in/sign-in-paths';
import { CSRF_FIELD, CsrfProtection } from '../layout/csrf';
import { readFormPost } from '../layout/form-body';
import { sendPage } from '../layout/send-page';
import { WebErrorFilter } from '../layout/web-error.filter';
import { signInLinkPage, signInPage } from './sign-in.pages';

const MAX_FORM_BYTES = 4_000;

/** The embedded sign-in: the sign-in page, one-time links and signing out. Open to everyone, rate limited. */
@ApiExcludeController()
@UseFilters(WebErrorFilter)
@Public()
@Controller()
export class SignInController {
  constructor(
    private readonly people: PeopleStore,
    private readonly sessions: SessionCookies,
    private readonly csrf: CsrfProtection,
    @Inject(OidcIssuer) private readonly oidc: OidcIssuer | null,
  ) {}

  @Get('sign-in')
  page(@Query('returnTo') returnTo: unknown, @Req() request: Request, @Res() response: Response): void {
    const model = { signedIn: signedInPrincipal(request), oidc: this.oidc !== null, returnTo: safeReturnTo(returnTo) };
    sendPage(response, 200, signInPage({ ...model, csrfToken: this.csrf.tokenFor(request, response) }));
  }

  @ThrottleSignIn()
  @Get('sign-in/link/:token')
  landing(@Param('token') token: string, @Req() request: Request, @Res() response: Response): void {
    const valid = isTokenOf('lgr_link', token) && this.people.signInLinkIsValid(token);
    if (!valid) logRefusal(request, undefined, 404, 'a sign-in link that is used, expired or unknown');
    sendPage(response, valid ? 200 : 404, signInLinkPage({ token: valid ? token : '', valid, csrfToken: this.csrf.tokenFor(request, response) }));
  }

  @ThrottleSignIn()
  @Post('sign-in/link')
  async signIn(@Req() request: Request, @Res() response: Response): Promise<void> {
    const form = await readFormPost(request, MAX_FORM_BYTES);
    this.requireOwnForm(request, form);
    const token = form.get('token') ?? '';
    const person = isTokenOf('lgr_link', token) ? this.people.redeemSignInLink(token) : undefined;
    if (!person) {
      logRefusal(request, undefined, 401, 'a sign-in link that is used, expired or unknown');
      sendPage(response, 401, signInLinkPage({ token: '', valid: false, csrfToken: this.csrf.tokenFor(request, response) }));
      return;
    }
    this.sessions.set(request, response, { kind: 'person', personId: person.id });
    response.redirect(303, '/');
  }

  @Post('sign-out')
  async signOut(@Req() request: Request, @Res() response: Response): Promise<void> {
    const form = await readFormPost(request, MAX_FORM_BYTES);
    this.requireOwnForm(request, form);
    this.sessions.clear(request, response);
    response.redirect(303, SIGN_IN_PATH);
  }

  private requireOwnForm(request: Request, form: URLSearchParams): void {
    if (!this.csrf.accepts(request, form.get(CSRF_FIELD))) {
      throw new ForbiddenException("It was not sent from this service's own page in this browser: go back, reload the page and try again.");
    }
  }
}
