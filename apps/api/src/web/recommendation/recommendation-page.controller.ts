import { Controller, Get, Param, Query, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import {
  CHALLENGES,
  COMMITMENTS,
  findRegisterEntry,
  queryChallenges,
  queryCommitments,
  querySlippage,
  recommendationTimeline,
  REGISTER,
  SLIPPAGE,
  TIMELINE,
} from '@ledger/projections/read-models';
import { CONSISTENCY_PARAMS, MAX_LIMIT } from '../../read-models/query-params';
import { targetDateChart } from '../charts/target-date-chart';
import { evidenceList } from '../evidence/evidence.page';
import { isOffered, recommendationForm } from '../record/recommendation/recommendation-forms';
import { WebErrorFilter } from '../layout/web-error.filter';
import { actingCapabilitiesOn } from '../layout/who-is-acting';
import { FILTER_MESSAGES } from '../reading/filter-fields';
import { isId } from '../reading/ids';
import { LedgerReads } from '../reading/ledger-reads';
import { readPageQuery } from '../reading/page-query';
import { sendNotFound, sendReadingPage } from '../reading/reading-page';
import { recommendationRecording } from '../record/recording-pages';
import { recommendationPage } from './recommendation.page';

const EVERYTHING = { limit: MAX_LIMIT, offset: 0 };
const SUBMIT_EVIDENCE = recommendationForm('submit-evidence')!;

/** One finding in full: where it stands, its commitments, every change of target date, and its whole timeline. */
@ApiExcludeController()
@UseFilters(WebErrorFilter)
@Controller('recommendations')
export class RecommendationPageController {
  constructor(private readonly reads: LedgerReads) {}

  @Get(':recommendationId')
  async recommendation(@Param('recommendationId') recommendationId: string, @Query() query: Record<string, unknown>, @Res() response: Response): Promise<void> {
    const asked = readPageQuery(query, CONSISTENCY_PARAMS, FILTER_MESSAGES);
    const { today, consistent } = await this.reads.context.begin(asked.ok ? asked.params.atLeast : undefined, [REGISTER, TIMELINE, COMMITMENTS, SLIPPAGE, CHALLENGES], response);
    const readModels = this.reads.readModels;
    const finding = isId(recommendationId) ? findRegisterEntry(readModels, recommendationId, today) : null;
    if (!finding) return sendNotFound(response, 'recommendation', recommendationId);
    const timeline = recommendationTimeline(readModels, recommendationId);
    const slippage = querySlippage(readModels, { recommendationId }, EVERYTHING).items[0] ?? null;
    const targetDate = await targetDateChart(finding.reference, timeline, slippage, today);
    const may = actingCapabilitiesOn(finding.ownerOrganisation);
    sendReadingPage(
      response,
      200,
      recommendationPage({
        today,
        finding,
        timeline,
        commitments: queryCommitments(readModels, { recommendationId }, EVERYTHING, today).items,
        slippage,
        targetDateChart: targetDate,
        evidence: evidenceList(timeline, may.SubmitEvidence && isOffered(SUBMIT_EVIDENCE, finding) ? `/recommendations/${encodeURIComponent(recommendationId)}/evidence-file` : null),
        challenges: queryChallenges(readModels, { status: 'all', recommendationId }, EVERYTHING, today).items,
        consistent,
        recording: recommendationRecording(finding, query.recorded, may),
      }),
    );
  }
}
