import { Controller, Get, Query, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { londonDate } from '@ledger/domain';
import {
  CHALLENGES,
  COMMITMENTS,
  DEFAULT_BASIS,
  findInspection,
  HISTORY,
  queryChallengesAsAt,
  queryCommitments,
  queryStatutoryAsAt,
  querySlippage,
  REGISTER,
  SLIPPAGE,
  STATUTORY,
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

/**
 * A printable pack for a meeting: each inspection with its findings, its statutory response,
 * target-date changes and open challenges, every section as at the end of the meeting day, read
 * from the read models' own rows by their times in the pack's basis, never by replaying. The
 * reading stylesheet prints it without navigation, a page per inspection.
 */
@ApiExcludeController()
@UseFilters(WebErrorFilter)
@Controller('pack')
export class PackPageController {
  constructor(private readonly reads: LedgerReads) {}

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
    const asAt = { date, basis };
    // The findings of every inspection as at the day: the largest read, answered off the event loop.
    const register = await this.reads.history.asAt(asAt, inspectionId === undefined ? {} : { inspectionId }, EVERYTHING);
    const inspections: PackInspection[] = [];
    for (const [id, findings] of byInspection(register.items)) {
      const inspection = findInspection(readModels, id);
      if (!inspection) continue;
      const shown = new Set(findings.map((finding) => finding.recommendationId));
      inspections.push({
        inspection,
        findings,
        statutoryResponse: queryStatutoryAsAt(readModels, id, asAt),
        // Only the findings the pack shows as at the day, like the rest of the pack.
        slippage: querySlippage(readModels, { inspectionId: id }, EVERYTHING, asAt).items.filter((entry) => shown.has(entry.recommendationId)),
        openChallenges: queryChallengesAsAt(readModels, { status: 'open', inspectionId: id }, EVERYTHING, asAt).items,
        commitments: commitmentsOn(queryCommitments(readModels, { inspectionId: id, kind: 'decision' }, EVERYTHING, today).items, date, basis),
      });
    }
    sendReadingPage(response, 200, packPage({ today, values: asked.values, errors: [], inspectionChoices: choices, pack: { date, basis, inspections } }));
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
