import { Controller, Get, Query, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { CHALLENGES, queryChallenges } from '@ledger/projections/read-models';
import { CONSISTENCY_PARAMS } from '../../read-models/query-params';
import { READ_PARAMS } from '../../read-models/read-params';
import { WebErrorFilter } from '../layout/web-error.filter';
import { actingCapabilities } from '../layout/who-is-acting';
import { FILTER_MESSAGES, inspectionChoices, inspectionTitles } from '../reading/filter-fields';
import { LedgerReads } from '../reading/ledger-reads';
import { offsetOf, PAGE_NUMBER, readPageQuery } from '../reading/page-query';
import { sendReadingPage } from '../reading/reading-page';
import { challengeListBanner, challengeRecording } from '../record/recording-pages';
import { challengesPage } from './challenges.page';

const { status, inspectionId, answerOverdue } = READ_PARAMS.challenges;
const PARAMS = { status, inspectionId, answerOverdue, ...PAGE_NUMBER, ...CONSISTENCY_PARAMS };
const MESSAGES = {
  ...FILTER_MESSAGES,
  status: 'Select open, closed, or open and closed',
  answerOverdue: 'Select whether to show challenges whose answer is overdue, or the others',
};

/** Scrutiny challenges: open ones unless asked otherwise. */
@ApiExcludeController()
@UseFilters(WebErrorFilter)
@Controller('challenges')
export class ChallengesPageController {
  constructor(private readonly reads: LedgerReads) {}

  @Get()
  async challenges(@Query() query: Record<string, unknown>, @Res() response: Response): Promise<void> {
    const readModels = this.reads.readModels;
    const asked = readPageQuery(query, PARAMS, MESSAGES);
    if (!asked.ok) {
      const today = this.reads.context.today();
      return sendReadingPage(response, 400, challengesPage({ values: asked.values, errors: asked.errors, inspectionChoices: inspectionChoices(readModels, today), titles: new Map() }));
    }
    const { page, atLeast, ...filter } = asked.params;
    const { today, consistent } = await this.reads.context.begin(atLeast, [CHALLENGES], response);
    const challenges = queryChallenges(readModels, { ...filter, status: filter.status ?? 'open' }, offsetOf(page), today);
    sendReadingPage(
      response,
      200,
      challengesPage({
        values: asked.values,
        errors: [],
        inspectionChoices: inspectionChoices(readModels, today),
        titles: inspectionTitles(readModels, today),
        challenges,
        consistent,
        recording: { banner: challengeListBanner(query.recorded), challenges: challengeRecording({}, 'Raise a general scrutiny challenge', actingCapabilities()) },
      }),
    );
  }
}
