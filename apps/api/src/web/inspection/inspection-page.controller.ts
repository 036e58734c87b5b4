import { Controller, Get, Param, Query, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { CHALLENGES, findInspection, queryChallenges, queryRegister, queryStatutory, queryTimeline, REGISTER, STATUTORY, TIMELINE } from '@ledger/projections/read-models';
import { CONSISTENCY_PARAMS, MAX_LIMIT } from '../../read-models/query-params';
import { WebErrorFilter } from '../layout/web-error.filter';
import { actingCapabilities } from '../layout/who-is-acting';
import { isId } from '../reading/ids';
import { LedgerReads } from '../reading/ledger-reads';
import { offsetOf, PAGE_NUMBER, readPageQuery } from '../reading/page-query';
import { sendNotFound, sendReadingPage } from '../reading/reading-page';
import { FILTER_MESSAGES } from '../reading/filter-fields';
import { inspectionRecording } from '../record/recording-pages';
import { inspectionPage } from './inspection.page';

const EVERYTHING = { limit: MAX_LIMIT, offset: 0 };
const PARAMS = { ...CONSISTENCY_PARAMS, ...PAGE_NUMBER };

/** One inspection: its details and key findings, its findings as they stand, its statutory response, its timeline a page at a time. */
@ApiExcludeController()
@UseFilters(WebErrorFilter)
@Controller('inspections')
export class InspectionPageController {
  constructor(private readonly reads: LedgerReads) {}

  @Get(':inspectionId')
  async inspection(@Param('inspectionId') inspectionId: string, @Query() query: Record<string, unknown>, @Res() response: Response): Promise<void> {
    const asked = readPageQuery(query, PARAMS, FILTER_MESSAGES);
    const { today, consistent } = await this.reads.context.begin(asked.ok ? asked.params.atLeast : undefined, [REGISTER, STATUTORY, CHALLENGES, TIMELINE], response);
    const readModels = this.reads.readModels;
    const inspection = isId(inspectionId) ? findInspection(readModels, inspectionId) : null;
    if (!inspection) return sendNotFound(response, 'inspection', inspectionId);
    const statutoryResponse = queryStatutory(readModels, { inspectionId }, EVERYTHING, today).items[0] ?? null;
    sendReadingPage(
      response,
      200,
      inspectionPage({
        today,
        inspection,
        findings: queryRegister(readModels, { inspectionId }, EVERYTHING, today).items,
        statutoryResponse,
        challenges: queryChallenges(readModels, { status: 'all', inspectionId }, EVERYTHING, today).items,
        timeline: queryTimeline(readModels, { inspectionId }, offsetOf(asked.ok ? asked.params.page : undefined)),
        consistent,
        recording: inspectionRecording(inspectionId, statutoryResponse, query.recorded, actingCapabilities()),
      }),
    );
  }
}
