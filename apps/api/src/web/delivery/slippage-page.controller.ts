import { Controller, Get, Query, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { querySlippage, SLIPPAGE } from '@ledger/projections/read-models';
import { CONSISTENCY_PARAMS } from '../../read-models/query-params';
import { READ_PARAMS } from '../../read-models/read-params';
import { WebErrorFilter } from '../layout/web-error.filter';
import { FILTER_MESSAGES, inspectionChoices } from '../reading/filter-fields';
import { LedgerReads } from '../reading/ledger-reads';
import { offsetOf, PAGE_NUMBER, readPageQuery } from '../reading/page-query';
import { sendReadingPage } from '../reading/reading-page';
import { slippagePage } from './slippage.page';

const { slipped, inspectionId } = READ_PARAMS.slippage;
const PARAMS = { slipped, inspectionId, ...PAGE_NUMBER, ...CONSISTENCY_PARAMS };
const MESSAGES = { ...FILTER_MESSAGES, slipped: 'Select whether to show findings whose target date moved, or the others' };

/** Original and current target dates, and every request to move one. */
@ApiExcludeController()
@UseFilters(WebErrorFilter)
@Controller('slippage')
export class SlippagePageController {
  constructor(private readonly reads: LedgerReads) {}

  @Get()
  async slippage(@Query() query: Record<string, unknown>, @Res() response: Response): Promise<void> {
    const readModels = this.reads.readModels;
    const asked = readPageQuery(query, PARAMS, MESSAGES);
    if (!asked.ok) {
      const today = this.reads.context.today();
      return sendReadingPage(response, 400, slippagePage({ values: asked.values, errors: asked.errors, inspectionChoices: inspectionChoices(readModels, today) }));
    }
    const { page, atLeast, ...filter } = asked.params;
    const { today, consistent } = await this.reads.context.begin(atLeast, [SLIPPAGE], response);
    const slippage = querySlippage(readModels, filter, offsetOf(page));
    sendReadingPage(response, 200, slippagePage({ values: asked.values, errors: [], inspectionChoices: inspectionChoices(readModels, today), slippage, consistent }));
  }
}
