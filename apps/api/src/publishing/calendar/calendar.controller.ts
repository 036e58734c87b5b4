import { Controller, ForbiddenException, Get, Inject, Param, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Allow, Public } from '../../identity/access/allow.decorator';
import { principalOf } from '../../identity/principal';
import { PeopleStore } from '../../identity/people/people-store';
import { ProblemError } from '../../problem/problem';
import { CSRF_FIELD, CsrfProtection } from '../../web/layout/csrf';
import { readFormPost } from '../../web/layout/form-body';
import { renderPage } from '../../web/layout/render';
import { sendPage } from '../../web/layout/send-page';
import { WebErrorFilter } from '../../web/layout/web-error.filter';
import { PublicRegisterReads } from '../public-register-reads';
import { PUBLISHING_SETTINGS, type PublishingSettings } from '../publishing.settings';
import { calendarFeed, deadlinesFor } from './calendar-feed';
import { FeedTokens } from './feed-tokens';

export const FEED_PATH = '/calendar/feeds';

/**
 * A signed-in person's calendar of deadlines: the page makes or revokes the feed's address; the
 * feed itself is opened by the token in its address alone (calendars send no cookies), which opens
 * nothing else. An unknown, revoked or disabled person's token gets 401 problem+json.
 */
@ApiExcludeController()
@Controller()
export class CalendarController {
  constructor(
    @Inject(PUBLISHING_SETTINGS) private readonly settings: PublishingSettings,
    private readonly reads: PublicRegisterReads,
    private readonly tokens: FeedTokens,
    private readonly people: PeopleStore,
    private readonly csrf: CsrfProtection,
  ) {}

  @Get('calendar')
  @Allow('calendar-feed')
  @UseFilters(WebErrorFilter)
  show(@Req() request: Request, @Res() response: Response): void {
    this.page(request, response, null);
  }

  @Post('calendar/address')
  @Allow('calendar-feed')
  @UseFilters(WebErrorFilter)
  async create(@Req() request: Request, @Res() response: Response): Promise<void> {
    await this.checkForm(request);
    const { token } = this.tokens.create(principalOf(request));
    this.page(request, response, `${this.settings.publicUrl}${FEED_PATH}/${token}.ics`);
  }

  @Post('calendar/revoke')
  @Allow('calendar-feed')
  @UseFilters(WebErrorFilter)
  async revoke(@Req() request: Request, @Res() response: Response): Promise<void> {
    await this.checkForm(request);
    this.tokens.revokeAll(principalOf(request).id);
    this.page(request, response, null);
  }

  @Get('calendar/feeds/:file')
  // The token in the address is the only credential: checked here, not by the sign-in guard.
  @Public()
  async feed(@Param('file') file: string, @Res() response: Response): Promise<void> {
    const token = file.endsWith('.ics') ? file.slice(0, -'.ics'.length) : file;
    const principal = this.tokens.principalOf(token);
    const person = principal && this.people.find(principal.id);
    if (!principal || person?.disabled) {
      throw new ProblemError('unauthenticated', 'This calendar address is not known, or has been revoked: make a new one at /calendar.');
    }
    const reader = await this.reads.current(response);
    const now = new Date();
    const feed = calendarFeed(deadlinesFor(principal, reader, this.settings.publicUrl), `Deadlines for ${principal.organisation}`, now);
    response.status(200).set({ 'Content-Type': 'text/calendar; charset=utf-8', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' }).send(feed);
  }

  private async checkForm(request: Request): Promise<void> {
    const form = await readFormPost(request, 4_000);
    if (!this.csrf.accepts(request, form.get(CSRF_FIELD))) {
      throw new ForbiddenException('It was not sent from this service’s own page in this browser, or the page was open too long. Nothing was changed: reload the page and try again.');
    }
  }

  private page(request: Request, response: Response, address: string | null): void {
    const live = this.tokens.list(principalOf(request).id).filter((row) => row.revokedAt === null).length;
    sendPage(response, 200, renderPage('publish/calendar.njk', { title: 'Deadlines in your calendar', address, live, csrf: { name: CSRF_FIELD, value: this.csrf.tokenFor(request, response) } }));
  }
}
