import { Controller, ForbiddenException, Get, NotFoundException, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { principalOf } from '../../../identity/principal';
import { CSRF_FIELD, CsrfProtection } from '../../layout/csrf';
import { readFormPost } from '../../layout/form-body';
import { sendPage } from '../../layout/send-page';
import { WebErrorFilter } from '../../layout/web-error.filter';
import { setActingAsCookie } from './acting-as-cookie';
import { ACTING_AS_PATH, actingAsPage, PERSON_FIELD, safeReturnPath } from './acting-as.page';
import { DevelopmentPeople } from './development-people';

const MAX_FORM_BYTES = 10_000;

/**
 * The "Acting as" switcher: in development mode a browser picks one of the configured development
 * people, remembered in a cookie that the identity guard honours (see ActingAsMiddleware). In
 * production there is no switcher: everyone acts as the configured user until sign-in exists.
 */
@ApiExcludeController()
@UseFilters(WebErrorFilter)
@Controller(ACTING_AS_PATH.slice(1))
export class ActingAsController {
  constructor(
    private readonly people: DevelopmentPeople,
    private readonly csrf: CsrfProtection,
  ) {}

  @Get()
  form(@Query('returnTo') returnTo: unknown, @Req() request: Request, @Res() response: Response): void {
    this.requireDevelopment();
    const model = { people: this.people.all(), current: principalOf(request), returnTo: safeReturnPath(returnTo), errors: [] };
    sendPage(response, 200, actingAsPage({ ...model, csrfToken: this.csrf.tokenFor(request, response) }));
  }

  @Post()
  async choose(@Req() request: Request, @Res() response: Response): Promise<void> {
    this.requireDevelopment();
    const form = await readFormPost(request, MAX_FORM_BYTES);
    if (!this.csrf.accepts(request, form.get(CSRF_FIELD))) {
      throw new ForbiddenException('It was not sent from this service\'s own page in this browser. Nobody was switched: go back, reload the page and try again.');
    }
    const returnTo = safeReturnPath(form.get('returnTo'));
    const chosen = form.get(PERSON_FIELD);
    const person = chosen === null ? undefined : this.people.find(chosen);
    if (!person) {
      const message = chosen === null || chosen === '' ? 'Select who you are acting as' : 'Select one of the development people listed';
      const model = { people: this.people.all(), current: principalOf(request), returnTo, errors: [{ field: PERSON_FIELD, message }] };
      sendPage(response, 400, actingAsPage({ ...model, csrfToken: this.csrf.tokenFor(request, response) }));
      return;
    }
    setActingAsCookie(request, response, person.id);
    response.redirect(303, returnTo);
  }

  private requireDevelopment(): void {
    if (!this.people.selectable) throw new NotFoundException('Choosing who to act as is only possible in development mode.');
  }
}
