import { Controller, Get, Query, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { COMMITMENTS, queryCommitments } from '@ledger/projections/read-models';
import { CONSISTENCY_PARAMS } from '../../read-models/query-params';
import { READ_PARAMS } from '../../read-models/read-params';
import { WebErrorFilter } from '../layout/web-error.filter';
import { FILTER_MESSAGES, inspectionChoices } from '../reading/filter-fields';
import { LedgerReads } from '../reading/ledger-reads';
import { offsetOf, PAGE_NUMBER, readPageQuery } from '../reading/page-query';
import { sendReadingPage } from '../reading/reading-page';
import { commitmentsPage } from './commitments.page';

const { outcome, kind, owner, inspectionId } = READ_PARAMS.commitments;
const PARAMS = { outcome, kind, owner, inspectionId, ...PAGE_NUMBER, ...CONSISTENCY_PARAMS };
const MESSAGES = { ...FILTER_MESSAGES, outcome: 'Select an outcome from the list', kind: 'Select a kind of commitment from the list' };

/** Commitments and whether they were kept. */
@ApiExcludeController()
@UseFilters(WebErrorFilter)
@Controller('commitments')
export class CommitmentsPageController {
  constructor(private readonly reads: LedgerReads) {}

  @Get()
  async commitments(@Query() query: Record<string, unknown>, @Res() response: Response): Promise<void> {
    const readModels = this.reads.readModels;
    const asked = readPageQuery(query, PARAMS, MESSAGES);
    if (!asked.ok) {
      const today = this.reads.context.today();
      return sendReadingPage(response, 400, commitmentsPage({ values: asked.values, errors: asked.errors, inspectionChoices: inspectionChoices(readModels, today) }));
    }
    const { page, atLeast, outcome: outcomes, ...filter } = asked.params;
    const { today, consistent } = await this.reads.context.begin(atLeast, [COMMITMENTS], response);
    const commitments = queryCommitments(readModels, { ...filter, outcomes }, offsetOf(page), today);
    sendReadingPage(response, 200, commitmentsPage({ values: asked.values, errors: [], inspectionChoices: inspectionChoices(readModels, today), commitments, consistent }));
  }
}
