import { Controller, Get, NotFoundException, Param, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { deterministicUuid, RecommendationCommandMessage } from '@ledger/application';
import type { RecommendationCommand } from '@ledger/domain';
import { findRegisterEntry, recommendationTimeline, type RegisterEntry } from '@ledger/projections/read-models';
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
import { STATUS } from '../../reading/words';
import { DevelopmentPeople } from '../acting-as/development-people';
import type { FormValues } from '../forms/field-spec';
import { notNowPage, recordingPage } from '../forms/form-page';
import { readRecordingForm } from '../forms/form-round';
import { PageCommands } from '../forms/page-commands';
import { commandIdOf, submissionOf } from '../forms/submission';
import { isOffered, recommendationForm, type RecommendationForm, type RecommendationFormContext } from './recommendation-forms';

const MAX_FORM_BYTES = 200_000;

/**
 * The recording forms of one recommendation: /recommendations/{id}/record/{form}. A form is got
 * and posted at the same address; a recorded command redirects to the recommendation's page
 * (Post/Redirect/Get), which waits for the read models to show it and says what was recorded.
 */
@ApiExcludeController()
@UseFilters(WebErrorFilter)
@Controller('recommendations/:recommendationId/record')
export class RecommendationRecordController {
  constructor(
    private readonly reads: LedgerReads,
    private readonly csrf: CsrfProtection,
    private readonly commands: PageCommands,
    private readonly people: DevelopmentPeople,
  ) {}

  @Get(':form')
  show(@Param('recommendationId') recommendationId: string, @Param('form') key: string, @Req() request: Request, @Res() response: Response): void {
    const form = formOf(key);
    const context = this.contextOf(recommendationId);
    if (!context) return sendNotFound(response, 'recommendation', recommendationId);
    const { finding } = context;
    if (!isOffered(form, finding)) {
      const reason = `${finding.reference} is ${STATUS[finding.status].text.toLowerCase()}: this cannot be recorded now.`;
      const page = notNowPage({ title: form.title, caption: captionOf(finding), reason, back: backOf(finding), principal: principalOf(request), selectable: this.people.selectable });
      return sendPage(response, 409, page);
    }
    this.render(response, 200, form, context, request, form.prefill?.(context) ?? {}, [], submissionOf(undefined));
  }

  @Post(':form')
  async record(@Param('recommendationId') recommendationId: string, @Param('form') key: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    const form = formOf(key);
    const posted = await readFormPost(request, MAX_FORM_BYTES);
    const context = this.contextOf(recommendationId);
    if (!context) return sendNotFound(response, 'recommendation', recommendationId);
    const items = form.items(context);
    const read = await readRecordingForm<StatementDto>(request, this.csrf, posted, items, form.dto, this.reads.context.today());
    const submission = submissionOf(posted);
    if (!read.dto) return this.render(response, 400, form, context, request, read.values, read.errors, submission);

    const principal = principalOf(request);
    const commandId = commandIdOf(principal.id, submission, `${recommendationId}/${form.key}`, read.body);
    const assigned = form.assigns ? { [form.assigns]: deterministicUuid('web-assigned-id', commandId, form.assigns) } : {};
    const command = { type: form.command, recommendationId, ...commandFields(read.dto), ...assigned } as RecommendationCommand;
    const recorded = await this.commands.record(new RecommendationCommandMessage(command, this.commands.meta(principal, commandId, read.dto)), items);
    if (!recorded.ok) return this.render(response, recorded.status, form, context, request, read.values, recorded.errors, submission);
    response.redirect(303, `${backOf(context.finding)}?atLeast=${recorded.result.position}&recorded=${form.key}`);
  }

  private contextOf(recommendationId: string): RecommendationFormContext | null {
    if (!isId(recommendationId)) return null;
    const readModels = this.reads.readModels;
    const finding = findRegisterEntry(readModels, recommendationId, this.reads.context.today());
    return finding && { finding, timeline: recommendationTimeline(readModels, recommendationId) };
  }

  private render(response: Response, status: number, form: RecommendationForm, context: RecommendationFormContext, request: Request, values: FormValues, errors: FormError[], submission: string): void {
    const { finding } = context;
    const page = recordingPage({
      title: form.title,
      caption: captionOf(finding),
      context: form.context?.(context),
      action: `${backOf(finding)}/record/${form.key}`,
      items: form.items(context),
      values,
      errors,
      submit: form.submit,
      back: backOf(finding),
      csrfToken: this.csrf.tokenFor(request, response),
      submission,
      principal: principalOf(request),
      selectable: this.people.selectable,
    });
    sendPage(response, status, page);
  }
}

function formOf(key: string): RecommendationForm {
  const form = recommendationForm(key);
  if (!form) throw new NotFoundException('There is no such form for a recommendation.');
  return form;
}

function captionOf(finding: RegisterEntry): string {
  return finding.inspection ? `${finding.reference} · ${finding.inspection.title}` : finding.reference;
}

function backOf(finding: RegisterEntry): string {
  return `/recommendations/${encodeURIComponent(finding.recommendationId)}`;
}
