import { Controller, Get, Query, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { DEFAULT_BASIS, HISTORY, TIMELINE } from '@ledger/projections/read-models';
import { CONSISTENCY_PARAMS } from '../../read-models/query-params';
import { READ_PARAMS } from '../../read-models/read-params';
import { WebErrorFilter } from '../layout/web-error.filter';
import { FILTER_MESSAGES, inspectionChoices, inspectionTitles } from '../reading/filter-fields';
import { LedgerReads } from '../reading/ledger-reads';
import { nothingAsked, offsetOf, PAGE_NUMBER, readPageQuery } from '../reading/page-query';
import { sendReadingPage } from '../reading/reading-page';
import { changesPage } from './changes.page';

const { from, to, basis, inspectionId } = READ_PARAMS.changes;
const PARAMS = { from, to, basis, inspectionId, ...PAGE_NUMBER, ...CONSISTENCY_PARAMS };

const MESSAGES = {
  ...FILTER_MESSAGES,
  from: 'Enter the first day as a real date',
  to: 'Enter the last day as a real date',
  basis: 'Select whether to read the dates as things happened or as they were recorded',
};

/** The panel's "since the last meeting": what the ledger recorded (or says happened) between two days. */
@ApiExcludeController()
@UseFilters(WebErrorFilter)
@Controller('changes')
export class ChangesPageController {
  constructor(private readonly reads: LedgerReads) {}

  @Get()
  async changes(@Query() query: Record<string, unknown>, @Res() response: Response): Promise<void> {
    const readModels = this.reads.readModels;
    const today = this.reads.context.today();
    const page = { inspectionChoices: inspectionChoices(readModels, today), titles: inspectionTitles(readModels, today) };
    if (nothingAsked(query, ['from', 'to'])) {
      const values = { from: '', to: '', basis: DEFAULT_BASIS, inspectionId: typeof query.inspectionId === 'string' ? query.inspectionId : '' };
      return sendReadingPage(response, 200, changesPage({ ...page, values, errors: [] }));
    }
    const asked = readPageQuery(query, PARAMS, MESSAGES, { from: 'First day', to: 'Last day' });
    if (!asked.ok) return sendReadingPage(response, 400, changesPage({ ...page, values: asked.values, errors: asked.errors }));
    const { page: pageNumber, atLeast, ...filter } = asked.params;
    if (filter.to < filter.from) {
      return sendReadingPage(response, 400, changesPage({ ...page, values: asked.values, errors: [{ field: 'to-day', message: 'The last day must be the same as or after the first day' }] }));
    }
    const { consistent } = await this.reads.context.begin(atLeast, [TIMELINE, HISTORY], response);
    const changes = await this.reads.history.changes({ ...filter, basis: filter.basis ?? DEFAULT_BASIS }, offsetOf(pageNumber));
    sendReadingPage(response, 200, changesPage({ ...page, values: asked.values, errors: [], changes, consistent }));
  }
}
