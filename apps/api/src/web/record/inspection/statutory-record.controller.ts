import { Controller, Get, NotFoundException, Param, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { StatutoryResponseCommandMessage } from '@ledger/application';
import type { StatutoryResponseCommand } from '@ledger/domain';
import { findInspection, queryStatutory } from '@ledger/projections/read-models';
import { commandFields, type StatementDto } from '../../../commands/statement.dto';
import { principalOf } from '../../../identity/principal';
import { CsrfProtection } from '../../layout/csrf';
import type { FormError } from '../../layout/error-summary';
import { readFormPost } from '../../layout/form-body';
import { sendPage } from '../../layout/send-page';
import { WebErrorFilter } from '../../layout/web-error.filter';
import { isId } from '../../reading/ids';
import { LedgerReads } from '../../reading/ledger-reads';
import { sendNotFound } from '../../reading/reading-page';
import { DevelopmentPeople } from '../acting-as/development-people';
import type { FormValues } from '../forms/field-spec';
import { notNowPage, recordingPage } from '../forms/form-page';
import { readRecordingForm } from '../forms/form-round';
import { PageCommands } from '../forms/page-commands';
import { commandIdOf, submissionOf } from '../forms/submission';
import { statutoryForm, type StatutoryForm, type StatutoryFormContext } from './statutory-forms';

const MAX_FORM_BYTES = 1_000_000;

/**
 * The steps of an inspection's statutory response (or fire action plan): /inspections/{id}/record/{step}.
 * Post/Redirect/Get back to the inspection's page, which says what was recorded.
 */
@ApiExcludeController()
@UseFilters(WebErrorFilter)
@Controller('inspections/:inspectionId/record')
export class StatutoryRecordController {
  constructor(
    private readonly reads: LedgerReads,
    private readonly csrf: CsrfProtection,
    private readonly commands: PageCommands,
    private readonly people: DevelopmentPeople,
  ) {}

  @Get(':form')
  show(@Param('inspectionId') inspectionId: string, @Param('form') key: string, @Req() request: Request, @Res() response: Response): void {
    const form = formOf(key);
    const context = this.contextOf(inspectionId);
    if (!context) return sendNotFound(response, 'inspection', inspectionId);
    if (!form.offered(context.response)) {
      const reason = 'This step is already on record, or it is not a step of this kind of response: it cannot be recorded now.';
      return sendPage(response, 409, notNowPage({ title: form.title, caption: context.inspection.title, reason, back: backOf(inspectionId), principal: principalOf(request), selectable: this.people.selectable }));
    }
    this.render(response, 200, form, context, request, {}, [], submissionOf(undefined));
  }

  @Post(':form')
  async record(@Param('inspectionId') inspectionId: string, @Param('form') key: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    const form = formOf(key);
    const posted = await readFormPost(request, MAX_FORM_BYTES);
    const context = this.contextOf(inspectionId);
    if (!context) return sendNotFound(response, 'inspection', inspectionId);
    const items = form.items(context);
    const read = await readRecordingForm<StatementDto>(request, this.csrf, posted, items, form.dto, this.reads.context.today());
    const submission = submissionOf(posted);
    if (!read.dto) return this.render(response, 400, form, context, request, read.values, read.errors, submission);

    const principal = principalOf(request);
    const commandId = commandIdOf(principal.id, submission, `${inspectionId}/${form.key}`, read.body);
    const command = { type: form.command, inspectionId, ...commandFields(read.dto) } as StatutoryResponseCommand;
    const recorded = await this.commands.record(new StatutoryResponseCommandMessage(command, this.commands.meta(principal, commandId, read.dto)), items);
    if (!recorded.ok) return this.render(response, recorded.status, form, context, request, read.values, recorded.errors, submission);
    response.redirect(303, `${backOf(inspectionId)}?atLeast=${recorded.result.position}&recorded=${form.key}`);
  }

  private contextOf(inspectionId: string): StatutoryFormContext | null {
    if (!isId(inspectionId)) return null;
    const readModels = this.reads.readModels;
    const inspection = findInspection(readModels, inspectionId);
    const response = inspection && queryStatutory(readModels, { inspectionId }, { limit: 1, offset: 0 }, this.reads.context.today()).items[0];
    return inspection && response ? { inspection, response } : null;
  }

  private render(response: Response, status: number, form: StatutoryForm, context: StatutoryFormContext, request: Request, values: FormValues, errors: FormError[], submission: string): void {
    const inspectionId = context.inspection.inspectionId;
    const page = recordingPage({
      title: form.title,
      caption: context.inspection.title,
      context: form.context?.(context),
      action: `${backOf(inspectionId)}/record/${form.key}`,
      items: form.items(context),
      values,
      errors,
      submit: form.submit,
      back: backOf(inspectionId),
      csrfToken: this.csrf.tokenFor(request, response),
      submission,
      principal: principalOf(request),
      selectable: this.people.selectable,
    });
    sendPage(response, status, page);
  }
}

function formOf(key: string): StatutoryForm {
  const form = statutoryForm(key);
  if (!form) throw new NotFoundException('There is no such step of a statutory response.');
  return form;
}

function backOf(inspectionId: string): string {
  return `/inspections/${encodeURIComponent(inspectionId)}`;
}
