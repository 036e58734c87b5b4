import { Controller, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CHALLENGES, queryChallenges, queryStatutory, STATUTORY } from '@ledger/projections/read-models';
import { parseQuery } from './query-params';
import { ReadContext } from './read-context';
import { pageOf, READ_PARAMS } from './read-params';
import { READ_TIMES } from './read-times';
import { ReadRoute } from './read-route';

/** Statutory responses and scrutiny challenges. */
@ApiTags('read: scrutiny')
@Controller('api/read')
export class ScrutinyController {
  constructor(private readonly read: ReadContext) {}

  @ReadRoute(
    'statutory-responses',
    'Statutory responses: due date, publication date, day number (publication day is day 1), on time or late, and the copies sent',
    READ_PARAMS.statutory,
  )
  async statutory(@Query() query: Record<string, unknown>, @Res({ passthrough: true }) response: Response) {
    const { state, ...params } = parseQuery(query, READ_PARAMS.statutory);
    const answer = await this.read.begin(params.atLeast, [STATUTORY], response);
    return { ...answer, ...READ_TIMES.statutory, ...queryStatutory(this.read.readModels, { ...params, states: state }, pageOf(params), answer.today) };
  }

  @ReadRoute('challenges', 'Scrutiny challenges (open ones unless asked otherwise): the question, answers, and whether the answer is overdue', READ_PARAMS.challenges)
  async challenges(@Query() query: Record<string, unknown>, @Res({ passthrough: true }) response: Response) {
    const params = parseQuery(query, READ_PARAMS.challenges);
    const answer = await this.read.begin(params.atLeast, [CHALLENGES], response);
    return { ...answer, ...READ_TIMES.challenges, ...queryChallenges(this.read.readModels, { ...params, status: params.status ?? 'open' }, pageOf(params), answer.today) };
  }
}
