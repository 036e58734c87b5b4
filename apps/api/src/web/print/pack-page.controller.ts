import { Controller, Get, Query, Res, UseFilters } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { AggregateNotFoundError, StreamHistoryQuery } from '@ledger/application';
import { challengeStream, inspectionStream, londonDate, recommendationStream, statutoryResponseStream } from '@ledger/domain';
import type { RecordedEvent } from '@ledger/event-store';
import {
  CHALLENGES,
  COMMITMENTS,
  DEFAULT_BASIS,
  findInspection,
  HISTORY,
  queryAsAt,
  queryChallenges,
  readModelsThen,
  queryCommitments,
  queryStatutory,
  querySlippage,
  REGISTER,
  SLIPPAGE,
  slippageProjection,
  STATUTORY,
  challengesProjection,
  statutoryProjection,
  type AsAtEntry,
  type Basis,
  type Commitment,
} from '@ledger/projections/read-models';
import { dateParam, idParam, MAX_LIMIT, required } from '../../read-models/query-params';
import { BASIS_PARAM } from '../../read-models/read-params';
import { WebErrorFilter } from '../layout/web-error.filter';
import { FILTER_MESSAGES, inspectionChoices } from '../reading/filter-fields';
import { LedgerReads } from '../reading/ledger-reads';
import { nothingAsked, readPageQuery } from '../reading/page-query';
import { sendNotFound, sendReadingPage } from '../reading/reading-page';
import { packPage, type PackInspection } from './pack.page';

const PARAMS = {
  date: required(dateParam('The meeting date')),
  inspection: idParam('Only this inspection'),
  basis: BASIS_PARAM,
};
const MESSAGES = { ...FILTER_MESSAGES, date: 'Enter the meeting date as a real date' };
const EVERYTHING = { limit: MAX_LIMIT, offset: 0 };

/** The read models the pack's other sections are replayed into, as at the meeting day. */
const REPLAYED = [statutoryProjection, slippageProjection, challengesProjection];

/**
 * A printable pack for a meeting: each inspection with its findings, its statutory response,
 * target-date changes and open challenges, every section as at the end of the meeting day (the
 * findings from the history read model, the rest replayed from the inspection's streams). The
 * reading stylesheet prints it without navigation, a page per inspection.
 */
@ApiExcludeController()
@UseFilters(WebErrorFilter)
@Controller('pack')
export class PackPageController {
  constructor(
    private readonly reads: LedgerReads,
    private readonly queryBus: QueryBus,
  ) {}

  @Get()
  async pack(@Query() query: Record<string, unknown>, @Res() response: Response): Promise<void> {
    const readModels = this.reads.readModels;
    const today = this.reads.context.today();
    const choices = inspectionChoices(readModels, today);
    if (nothingAsked(query, ['date'])) {
      const values = { date: '', inspection: typeof query.inspection === 'string' ? query.inspection : '' };
      return sendReadingPage(response, 200, packPage({ today, values, errors: [], inspectionChoices: choices }));
    }
    const asked = readPageQuery(query, PARAMS, MESSAGES, { date: 'Meeting date' });
    if (!asked.ok) return sendReadingPage(response, 400, packPage({ today, values: asked.values, errors: asked.errors, inspectionChoices: choices }));
    const { date, inspection: inspectionId, basis: basisAsked } = asked.params;
    const basis = basisAsked ?? DEFAULT_BASIS;
    if (inspectionId !== undefined && findInspection(readModels, inspectionId) === null) return sendNotFound(response, 'inspection', inspectionId);

    await this.reads.context.begin(undefined, [REGISTER, STATUTORY, SLIPPAGE, CHALLENGES, COMMITMENTS, HISTORY], response);
    const register = queryAsAt(readModels, { date, basis }, inspectionId === undefined ? {} : { inspectionId }, EVERYTHING);
    const inspections: PackInspection[] = [];
    for (const [id, findings] of byInspection(register.items)) {
      const inspection = findInspection(readModels, id);
      if (!inspection) continue;
      const challengeIds = queryChallenges(readModels, { status: 'all', inspectionId: id }, EVERYTHING, today).items.map((challenge) => challenge.challengeId);
      const streams = [inspectionStream(id), statutoryResponseStream(id), ...findings.map((finding) => recommendationStream(finding.recommendationId)), ...challengeIds.map(challengeStream)];
      const then = readModelsThen((await Promise.all(streams.map((stream) => this.eventsOf(stream)))).flat(), REPLAYED, { date, basis });
      try {
        inspections.push({
          inspection,
          findings,
          statutoryResponse: queryStatutory(then, { inspectionId: id }, EVERYTHING, date).items[0] ?? null,
          slippage: querySlippage(then, { inspectionId: id }, EVERYTHING).items,
          openChallenges: queryChallenges(then, { status: 'open', inspectionId: id }, EVERYTHING, date).items,
          commitments: commitmentsOn(queryCommitments(readModels, { inspectionId: id, kind: 'decision' }, EVERYTHING, today).items, date, basis),
        });
      } finally {
        then.close();
      }
    }
    sendReadingPage(response, 200, packPage({ today, values: asked.values, errors: [], inspectionChoices: choices, pack: { date, basis, inspections } }));
  }

  /** A stream's events, or none when nothing has been recorded in it (an inspection with no statutory response). */
  private async eventsOf(streamId: string): Promise<RecordedEvent[]> {
    try {
      return await this.queryBus.execute(new StreamHistoryQuery(streamId));
    } catch (error) {
      if (error instanceof AggregateNotFoundError) return [];
      throw error;
    }
  }
}

/** Each finding's latest decision commitment made (or, as the ledger showed it, recorded) by the end of the meeting day. */
function commitmentsOn(commitments: readonly Commitment[], date: string, basis: Basis): Map<string, Commitment> {
  const latest = new Map<string, Commitment>();
  for (const commitment of commitments) {
    if ((basis === 'occurred' ? commitment.committedOn : londonDate(new Date(commitment.recordedAt))) > date) continue;
    const held = latest.get(commitment.recommendationId);
    if (held === undefined || held.committedAt <= commitment.committedAt) latest.set(commitment.recommendationId, commitment);
  }
  return latest;
}

/** The register lists findings inspection by inspection; the pack takes them in that order. */
function byInspection(findings: readonly AsAtEntry[]): Map<string, AsAtEntry[]> {
  const groups = new Map<string, AsAtEntry[]>();
  for (const finding of findings) groups.set(finding.inspectionId, [...(groups.get(finding.inspectionId) ?? []), finding]);
  return groups;
}
