import { Controller, Get, Query, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { queryStatutory, STATUTORY } from '@ledger/projections/read-models';
import { CONSISTENCY_PARAMS } from '../../read-models/query-params';
import { READ_PARAMS } from '../../read-models/read-params';
import { statutoryClockChart } from '../charts/statutory-clock-chart';
import { WebErrorFilter } from '../layout/web-error.filter';
import { FILTER_MESSAGES, inspectionChoices } from '../reading/filter-fields';
import { LedgerReads } from '../reading/ledger-reads';
import { offsetOf, PAGE_NUMBER, readPageQuery } from '../reading/page-query';
import { sendReadingPage } from '../reading/reading-page';
import { statutoryResponsesPage } from './statutory-responses.page';

const { state, service, inspectionId } = READ_PARAMS.statutory;
const PARAMS = { state, service, inspectionId, ...PAGE_NUMBER, ...CONSISTENCY_PARAMS };
const MESSAGES = { ...FILTER_MESSAGES, state: 'Select a state from the list' };

/** Statutory responses: due date, publication, day number, on time or late, copies sent. */
@ApiExcludeController()
@UseFilters(WebErrorFilter)
@Controller('statutory-responses')
export class StatutoryResponsesPageController {
  constructor(private readonly reads: LedgerReads) {}

  @Get()
  async statutoryResponses(@Query() query: Record<string, unknown>, @Res() response: Response): Promise<void> {
    const readModels = this.reads.readModels;
    const asked = readPageQuery(query, PARAMS, MESSAGES);
    if (!asked.ok) {
      const today = this.reads.context.today();
      return sendReadingPage(response, 400, statutoryResponsesPage({ values: asked.values, errors: asked.errors, inspectionChoices: inspectionChoices(readModels, today) }));
    }
    const { page, atLeast, state: states, ...filter } = asked.params;
    const { today, consistent } = await this.reads.context.begin(atLeast, [STATUTORY], response);
    const responses = queryStatutory(readModels, { ...filter, states }, offsetOf(page), today);
    const clock = await statutoryClockChart(responses.items);
    sendReadingPage(response, 200, statutoryResponsesPage({ values: asked.values, errors: [], inspectionChoices: inspectionChoices(readModels, today), responses, consistent, clock }));
  }
}
