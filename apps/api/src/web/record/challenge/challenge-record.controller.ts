import { Controller, Get, Param, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ChallengeCommandMessage } from '@ledger/application';
import type { ChallengeCommand } from '@ledger/domain';
import { findChallenge, findInspection, findRegisterEntry } from '@ledger/projections/read-models';
import { commandFields } from '../../../commands/statement.dto';
import { WebErrorFilter } from '../../layout/web-error.filter';
import { isId } from '../../reading/ids';
import { LedgerReads } from '../../reading/ledger-reads';
import { sendNotFound } from '../../reading/reading-page';
import { RecordingFlow, type FormPlace } from '../forms/recording-flow';
import { ANSWER_CHALLENGE, CLOSE_CHALLENGE, RAISE_CHALLENGE, type ChallengeAbout, type ChallengeForm, type RaisedChallengeContext } from './challenge-forms';
import { challengeHome, challengePath, raisePath, type ChallengeAboutIds } from './challenge-recording';

type Answerable = typeof ANSWER_CHALLENGE | typeof CLOSE_CHALLENGE;

/**
 * Scrutiny challenges from the pages: raised (/challenges/raise, about the finding or inspection
 * its address names, or none), answered and closed (/challenges/{id}/answer, /close). Each
 * returns to the page that shows the challenge in context.
 */
@ApiExcludeController()
@UseFilters(WebErrorFilter)
@Controller('challenges')
export class ChallengeRecordController {
  constructor(
    private readonly reads: LedgerReads,
    private readonly flow: RecordingFlow,
  ) {}

  @Get('raise')
  showRaise(@Query() query: Record<string, unknown>, @Req() request: Request, @Res() response: Response): void {
    const place = this.raisePlace(query);
    if (!place) return notFound(response, query);
    this.flow.show(request, response, place);
  }

  @Post('raise')
  async raise(@Query() query: Record<string, unknown>, @Req() request: Request, @Res() response: Response): Promise<void> {
    const place = this.raisePlace(query);
    if (!place) return notFound(response, query);
    await this.flow.record(request, response, place, ({ dto, meta, assign }) => {
      const command = { type: 'RaiseChallenge', challengeId: assign('challenge'), ...commandFields(dto) } as ChallengeCommand;
      return new ChallengeCommandMessage(command, meta);
    });
  }

  @Get(':challengeId/answer')
  showAnswer(@Param('challengeId') challengeId: string, @Req() request: Request, @Res() response: Response): void {
    this.showFor(challengeId, ANSWER_CHALLENGE, request, response);
  }

  @Post(':challengeId/answer')
  answer(@Param('challengeId') challengeId: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    return this.recordFor(challengeId, ANSWER_CHALLENGE, request, response);
  }

  @Get(':challengeId/close')
  showClose(@Param('challengeId') challengeId: string, @Req() request: Request, @Res() response: Response): void {
    this.showFor(challengeId, CLOSE_CHALLENGE, request, response);
  }

  @Post(':challengeId/close')
  close(@Param('challengeId') challengeId: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    return this.recordFor(challengeId, CLOSE_CHALLENGE, request, response);
  }

  private showFor(challengeId: string, form: Answerable, request: Request, response: Response): void {
    const place = this.challengePlace(challengeId, form);
    if (!place) return sendNotFound(response, 'scrutiny challenge', challengeId);
    if (place.context.challenge.status === 'closed') return this.flow.notNow(response, place, 'This challenge is closed: nothing more can be recorded about it.');
    this.flow.show(request, response, place);
  }

  private async recordFor(challengeId: string, form: Answerable, request: Request, response: Response): Promise<void> {
    const place = this.challengePlace(challengeId, form);
    if (!place) return sendNotFound(response, 'scrutiny challenge', challengeId);
    await this.flow.record(request, response, place, ({ dto, meta }) => {
      const command = { type: form.command, challengeId, ...commandFields(dto) } as ChallengeCommand;
      return new ChallengeCommandMessage(command, meta);
    });
  }

  /** What the raise page's address says the challenge is about, if it names something recorded. */
  private raisePlace(query: Record<string, unknown>): FormPlace<ChallengeAbout> | null {
    const ids = aboutIdsOf(query);
    const readModels = this.reads.readModels;
    const today = this.reads.context.today();
    let about: ChallengeAbout;
    let back = '/challenges';
    if (ids.recommendationId !== undefined) {
      const finding = isId(ids.recommendationId) ? findRegisterEntry(readModels, ids.recommendationId, today) : null;
      if (!finding) return null;
      about = { finding };
      back = `/recommendations/${encodeURIComponent(finding.recommendationId)}`;
    } else if (ids.inspectionId !== undefined) {
      const inspection = isId(ids.inspectionId) ? findInspection(readModels, ids.inspectionId) : null;
      if (!inspection) return null;
      about = { inspection };
      back = `/inspections/${encodeURIComponent(inspection.inspectionId)}`;
    } else {
      about = { general: true };
    }
    const caption = 'finding' in about ? `${about.finding.reference}${about.finding.inspection ? ` · ${about.finding.inspection.title}` : ''}` : 'inspection' in about ? about.inspection.title : 'Scrutiny challenges';
    return { form: RAISE_CHALLENGE, context: about, caption, action: raisePath(ids), back, given: { recommendationId: ids.recommendationId, inspectionId: ids.inspectionId } };
  }

  private challengePlace(challengeId: string, form: ChallengeForm<RaisedChallengeContext>): FormPlace<RaisedChallengeContext> | null {
    const challenge = isId(challengeId) ? findChallenge(this.reads.readModels, challengeId, this.reads.context.today()) : null;
    if (!challenge) return null;
    const caption = `Scrutiny challenge${challenge.reference === null ? '' : ` about ${challenge.reference}`} · ${challenge.forum}`;
    return { form, context: { challenge }, caption, action: challengePath(challengeId, form === ANSWER_CHALLENGE ? 'answer' : 'close'), back: challengeHome(challenge) };
  }
}

/** Only the first of each: a page's own links name one. */
function aboutIdsOf(query: Record<string, unknown>): ChallengeAboutIds {
  const first = (value: unknown) => (typeof value === 'string' && value !== '' ? value : Array.isArray(value) && typeof value[0] === 'string' ? value[0] : undefined);
  const recommendationId = first(query.recommendationId);
  if (recommendationId !== undefined) return { recommendationId };
  const inspectionId = first(query.inspectionId);
  return inspectionId !== undefined ? { inspectionId } : {};
}

function notFound(response: Response, query: Record<string, unknown>): void {
  const ids = aboutIdsOf(query);
  if (ids.recommendationId !== undefined) return sendNotFound(response, 'recommendation', ids.recommendationId);
  sendNotFound(response, 'inspection', ids.inspectionId ?? '');
}
