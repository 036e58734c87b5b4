import { Controller, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import {
  CHALLENGES,
  COMMITMENTS,
  findInspection,
  findRegisterEntry,
  queryChallenges,
  queryCommitments,
  queryDashboard,
  queryInspections,
  queryRegister,
  querySlippage,
  queryStatutory,
  recommendationTimeline,
  REGISTER,
  SLIPPAGE,
  STATUTORY,
  TIMELINE,
} from '@ledger/projections/read-models';
import { IdParam } from '../commands/id-param';
import { ProblemError } from '../problem/problem';
import { MAX_LIMIT, parseQuery } from './query-params';
import { ReadContext } from './read-context';
import { pageOf, READ_PARAMS, registerFilter } from './read-params';
import { READ_TIMES } from './read-times';
import { ReadRoute } from './read-route';

const EVERYTHING = { limit: MAX_LIMIT, offset: 0 };

/** The register: inspections, their findings as they stand today, one finding in full, and the dashboard. */
@ApiTags('read: register')
@Controller('api/read')
export class RegisterController {
  constructor(private readonly read: ReadContext) {}

  @ReadRoute('inspections', 'Inspections, newest first, with counts of their open, overdue and blocked findings', READ_PARAMS.inspections)
  async inspections(@Query() query: Record<string, unknown>, @Res({ passthrough: true }) response: Response) {
    const params = parseQuery(query, READ_PARAMS.inspections);
    const answer = await this.read.begin(params.atLeast, [REGISTER], response);
    return { ...answer, ...READ_TIMES.inspections, ...queryInspections(this.read.readModels, params, pageOf(params), answer.today) };
  }

  @ReadRoute('inspections/:inspectionId', 'One inspection: its details, its findings as they stand today, and its statutory response', READ_PARAMS.single, {
    notFound: 'No inspection has been registered under this id',
  })
  async inspection(@IdParam('inspectionId') inspectionId: string, @Query() query: Record<string, unknown>, @Res({ passthrough: true }) response: Response) {
    const params = parseQuery(query, READ_PARAMS.single);
    const answer = await this.read.begin(params.atLeast, [REGISTER, STATUTORY], response);
    const readModels = this.read.readModels;
    const inspection = findInspection(readModels, inspectionId);
    if (!inspection) throw new ProblemError('not-found', `The register has no inspection ${inspectionId}`, { inspectionId });
    return {
      ...answer,
      ...READ_TIMES.register,
      inspection,
      findings: queryRegister(readModels, { inspectionId }, EVERYTHING, answer.today).items,
      statutoryResponse: queryStatutory(readModels, { inspectionId }, EVERYTHING, answer.today).items[0] ?? null,
    };
  }

  @ReadRoute('register', 'The register of findings as they stand today (overdue, RAG and blocked worked out for today)', READ_PARAMS.register)
  async register(@Query() query: Record<string, unknown>, @Res({ passthrough: true }) response: Response) {
    const params = parseQuery(query, READ_PARAMS.register);
    const answer = await this.read.begin(params.atLeast, [REGISTER], response);
    return { ...answer, ...READ_TIMES.register, ...queryRegister(this.read.readModels, registerFilter(params), pageOf(params), answer.today) };
  }

  @ReadRoute(
    'recommendations/:recommendationId',
    'One finding in full: where it stands, its timeline (who, in what role and organisation, on whose behalf, when, what changed), commitments, target-date revisions and challenges',
    READ_PARAMS.single,
    { notFound: 'The register has no finding with this id' },
  )
  async recommendation(@IdParam('recommendationId') recommendationId: string, @Query() query: Record<string, unknown>, @Res({ passthrough: true }) response: Response) {
    const params = parseQuery(query, READ_PARAMS.single);
    const answer = await this.read.begin(params.atLeast, [REGISTER, TIMELINE, COMMITMENTS, SLIPPAGE, CHALLENGES], response);
    const readModels = this.read.readModels;
    const finding = findRegisterEntry(readModels, recommendationId, answer.today);
    if (!finding) throw new ProblemError('not-found', `The register has no finding ${recommendationId}`, { recommendationId });
    return {
      ...answer,
      ...READ_TIMES.recommendation,
      finding,
      timeline: recommendationTimeline(readModels, recommendationId),
      commitments: queryCommitments(readModels, { recommendationId }, EVERYTHING, answer.today).items,
      slippage: querySlippage(readModels, { recommendationId }, EVERYTHING).items[0] ?? null,
      challenges: queryChallenges(readModels, { status: 'all', recommendationId }, EVERYTHING, answer.today).items,
    };
  }

  @ReadRoute('dashboard', 'Counts for a dashboard: findings by status, open, overdue, blocked, by RAG; open challenges; statutory responses by state', READ_PARAMS.dashboard)
  async dashboard(@Query() query: Record<string, unknown>, @Res({ passthrough: true }) response: Response) {
    const params = parseQuery(query, READ_PARAMS.dashboard);
    const answer = await this.read.begin(params.atLeast, [REGISTER, CHALLENGES, STATUTORY], response);
    const { atLeast: _atLeast, ...filter } = params;
    return { ...answer, ...READ_TIMES.dashboard, ...queryDashboard(this.read.readModels, filter, answer.today) };
  }
}
