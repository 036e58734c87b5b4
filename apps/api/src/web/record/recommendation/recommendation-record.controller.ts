import { Controller, Get, NotFoundException, Param, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { RecommendationCommandMessage } from '@ledger/application';
import type { RecommendationCommand } from '@ledger/domain';
import { findRegisterEntry, recommendationTimeline, type RegisterEntry } from '@ledger/projections/read-models';
import { commandFields } from '../../../commands/statement.dto';
import { WebErrorFilter } from '../../layout/web-error.filter';
import { isId } from '../../reading/ids';
import { LedgerReads } from '../../reading/ledger-reads';
import { sendNotFound } from '../../reading/reading-page';
import { STATUS } from '../../reading/words';
import { RecordingFlow, type FormPlace } from '../forms/recording-flow';
import { isOffered, recommendationForm, type RecommendationForm, type RecommendationFormContext } from './recommendation-forms';

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
    private readonly flow: RecordingFlow,
  ) {}

  @Get(':form')
  show(@Param('recommendationId') recommendationId: string, @Param('form') key: string, @Req() request: Request, @Res() response: Response): void {
    const form = formOf(key);
    const place = this.placeOf(recommendationId, form);
    if (!place) return sendNotFound(response, 'recommendation', recommendationId);
    const { finding } = place.context;
    if (!isOffered(form, finding)) return this.flow.notNow(response, place, `${finding.reference} is ${STATUS[finding.status].text.toLowerCase()}: this cannot be recorded now.`);
    this.flow.show(request, response, place);
  }

  @Post(':form')
  async record(@Param('recommendationId') recommendationId: string, @Param('form') key: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    const form = formOf(key);
    const place = this.placeOf(recommendationId, form);
    if (!place) return sendNotFound(response, 'recommendation', recommendationId);
    await this.flow.record(request, response, place, ({ dto, address, meta, assign }) => {
      const assigned = form.assigns ? { [form.assigns]: assign(form.assigns) } : {};
      const command = { type: form.command, recommendationId, ...commandFields(dto), ...address, ...assigned } as RecommendationCommand;
      return new RecommendationCommandMessage(command, meta);
    });
  }

  private placeOf(recommendationId: string, form: RecommendationForm): FormPlace<RecommendationFormContext> | null {
    if (!isId(recommendationId)) return null;
    const readModels = this.reads.readModels;
    const finding = findRegisterEntry(readModels, recommendationId, this.reads.context.today());
    if (!finding) return null;
    const back = backOf(finding);
    return { form, context: { finding, timeline: recommendationTimeline(readModels, recommendationId) }, caption: captionOf(finding), action: `${back}/record/${form.key}`, back };
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
