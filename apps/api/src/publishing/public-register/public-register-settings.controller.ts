import { Body, Controller, ForbiddenException, Get, Post, Req, Res, UseFilters } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiExcludeEndpoint, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import { CommandRefusedError, PublicRegisterCommandMessage } from '@ledger/application';
import { Cmd, CommandContext } from '../../commands/command-context';
import { CommandAnswer, CommandGateway } from '../../commands/command-gateway';
import { StatementDto } from '../../commands/statement.dto';
import { Allow } from '../../identity/access/allow.decorator';
import { principalOf } from '../../identity/principal';
import { CommandRoute } from '../../openapi/endpoint-docs';
import { BooleanField } from '../../validation/fields';
import { CSRF_FIELD, CsrfProtection } from '../../web/layout/csrf';
import { readFormPost } from '../../web/layout/form-body';
import { renderPage } from '../../web/layout/render';
import { sendPage } from '../../web/layout/send-page';
import { WebErrorFilter } from '../../web/layout/web-error.filter';
import { publicLedgerState, publishedInspections } from '@ledger/projections/read-models';
import { PublicRegisterReads } from '../public-register-reads';
import { PUBLISHED_DEFINITION } from './public-words';

export class SetPublicRegisterDto extends StatementDto {
  @BooleanField({ description: 'true switches the public register on, false off' }) enabled!: boolean;
}

/**
 * Switching the public register on or off: an attributed event (PublicRegisterEnabled or
 * PublicRegisterDisabled) recorded through the same command path as every other, by the office
 * or the commissioner (`SetPublicRegister` in the role table), from the API or its page.
 */
@ApiTags('public register')
@Controller()
export class PublicRegisterSettingsController {
  constructor(
    private readonly gateway: CommandGateway,
    private readonly commandBus: CommandBus,
    private readonly reads: PublicRegisterReads,
    private readonly csrf: CsrfProtection,
  ) {}

  @CommandRoute('SetPublicRegister', 'api/public-register', 'Switch the public transparency register (/public, no sign-in) on or off')
  set(@Body() body: SetPublicRegisterDto, @Cmd() cmd: CommandContext): Promise<CommandAnswer> {
    return this.gateway.send(cmd, new PublicRegisterCommandMessage({ type: 'SetPublicRegister', enabled: body.enabled }, cmd.meta(body)));
  }

  @Get('public-register/settings')
  @ApiExcludeEndpoint()
  @Allow('SetPublicRegister')
  @UseFilters(WebErrorFilter)
  async show(@Req() request: Request, @Res() response: Response): Promise<void> {
    await this.page(request, response, 200, null);
  }

  @Post('public-register/settings')
  @ApiExcludeEndpoint()
  @Allow('SetPublicRegister')
  @UseFilters(WebErrorFilter)
  async change(@Req() request: Request, @Res() response: Response): Promise<void> {
    const form = await readFormPost(request, 4_000);
    if (!this.csrf.accepts(request, form.get(CSRF_FIELD))) {
      throw new ForbiddenException('It was not sent from this service’s own page in this browser, or the page was open too long. Nothing was recorded: reload the page and try again.');
    }
    const enabled = form.get('enabled') === 'true';
    try {
      await this.commandBus.execute(new PublicRegisterCommandMessage({ type: 'SetPublicRegister', enabled }, { actor: principalOf(request), source: 'ui', commandId: randomUUID() }));
    } catch (error) {
      if (!(error instanceof CommandRefusedError)) throw error;
      return this.page(request, response, 422, error.message);
    }
    await this.page(request, response, 200, enabled ? 'The public register is on.' : 'The public register is off.');
  }

  private async page(request: Request, response: Response, status: number, recorded: string | null): Promise<void> {
    const reader = await this.reads.current(response);
    sendPage(
      response,
      status,
      renderPage('publish/register-settings.njk', {
        title: 'Public transparency register',
        definition: PUBLISHED_DEFINITION,
        enabled: publicLedgerState(reader).registerEnabled,
        publishedCount: String(publishedInspections(reader).length),
        recorded,
        csrf: { name: CSRF_FIELD, value: this.csrf.tokenFor(request, response) },
      }),
    );
  }
}
