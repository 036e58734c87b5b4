import { Controller, ForbiddenException, Get, Param, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ProjectionAdministration } from '../../administration/projection-administration';
import { OfficeKey } from '../../exports/office-key';
import { Allow } from '../../identity/access/allow.decorator';
import { principalOf } from '../../identity/principal';
import { CSRF_FIELD, CsrfProtection } from '../layout/csrf';
import { readFormPost } from '../layout/form-body';
import { sendPage } from '../layout/send-page';
import { WebErrorFilter } from '../layout/web-error.filter';
import { PROJECTIONS_PATH, SIGNING_KEYS_PATH, confirmRebuildPage, confirmRotationPage, projectionsPage, signingKeysPage } from './administration.pages';

const MAX_FORM_BYTES = 10_000;

/** What a query parameter holds when given once (a repeated one is ignored). */
function single(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** The administrator's pages for read models (state, rebuilds). The same service as /api/admin. */
@ApiExcludeController()
@UseFilters(WebErrorFilter)
@Allow('administer-projections')
@Controller(PROJECTIONS_PATH.slice(1))
export class ProjectionsPageController {
  constructor(
    private readonly projections: ProjectionAdministration,
    private readonly csrf: CsrfProtection,
  ) {}

  @Get()
  async list(@Query('asked') asked: unknown, @Res() response: Response): Promise<void> {
    const names = single(asked).split(',').filter((name) => this.projections.names().includes(name));
    sendPage(response, 200, projectionsPage(await this.projections.overview(), names));
  }

  @Get('rebuild')
  confirmAll(@Req() request: Request, @Res() response: Response): void {
    sendPage(response, 200, confirmRebuildPage(this.projections.names(), this.csrf.tokenFor(request, response), `${PROJECTIONS_PATH}/rebuild`));
  }

  @Post('rebuild')
  async rebuildAll(@Req() request: Request, @Res() response: Response): Promise<void> {
    await ownForm(this.csrf, request);
    this.rebuilt(response, this.projections.rebuild(this.projections.names(), principalOf(request)));
  }

  @Get(':projection/rebuild')
  confirmOne(@Param('projection') projection: string, @Req() request: Request, @Res() response: Response): void {
    const name = this.projections.known(projection);
    sendPage(response, 200, confirmRebuildPage([name], this.csrf.tokenFor(request, response), `${PROJECTIONS_PATH}/${encodeURIComponent(name)}/rebuild`));
  }

  @Post(':projection/rebuild')
  async rebuildOne(@Param('projection') projection: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    const name = this.projections.known(projection);
    await ownForm(this.csrf, request);
    this.rebuilt(response, this.projections.rebuild([name], principalOf(request)));
  }

  private rebuilt(response: Response, names: readonly string[]): void {
    response.redirect(303, `${PROJECTIONS_PATH}?asked=${encodeURIComponent(names.join(','))}`);
  }
}

/** The administrator's page for the export signing keys: fingerprints, public keys, rotation. */
@ApiExcludeController()
@UseFilters(WebErrorFilter)
@Allow('administer-signing-keys')
@Controller(SIGNING_KEYS_PATH.slice(1))
export class SigningKeysPageController {
  constructor(
    private readonly officeKey: OfficeKey,
    private readonly csrf: CsrfProtection,
  ) {}

  @Get()
  list(@Query('created') created: unknown, @Res() response: Response): void {
    const keys = this.officeKey.allPublicKeys();
    const current = keys.find((key) => key.current);
    sendPage(response, 200, signingKeysPage(keys, current && single(created) === current.keyId ? current.keyId : null));
  }

  @Get('rotate')
  confirm(@Req() request: Request, @Res() response: Response): void {
    sendPage(response, 200, confirmRotationPage(this.officeKey.allPublicKeys().some((key) => key.current), this.csrf.tokenFor(request, response)));
  }

  @Post('rotate')
  async rotate(@Req() request: Request, @Res() response: Response): Promise<void> {
    await ownForm(this.csrf, request);
    const created = this.officeKey.rotate();
    response.redirect(303, `${SIGNING_KEYS_PATH}?created=${created.keyId}`);
  }
}

async function ownForm(csrf: CsrfProtection, request: Request): Promise<URLSearchParams> {
  const form = await readFormPost(request, MAX_FORM_BYTES);
  if (!csrf.accepts(request, form.get(CSRF_FIELD))) {
    throw new ForbiddenException("It was not sent from this service's own page in this browser: go back, reload the page and try again.");
  }
  return form;
}
