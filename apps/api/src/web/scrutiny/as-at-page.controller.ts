import { Controller, Get, Query, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { DEFAULT_BASIS, HISTORY } from '@ledger/projections/read-models';
import { READ_PARAMS } from '../../read-models/read-params';
import { WebErrorFilter } from '../layout/web-error.filter';
import { FILTER_MESSAGES, inspectionChoices } from '../reading/filter-fields';
import { LedgerReads } from '../reading/ledger-reads';
import { nothingAsked, offsetOf, PAGE_NUMBER, readPageQuery } from '../reading/page-query';
import { sendReadingPage } from '../reading/reading-page';
import { asAtPage } from './as-at.page';

const { date, basis, inspectionId } = READ_PARAMS.asAt;
const PARAMS = { date, basis, inspectionId, ...PAGE_NUMBER };
const MESSAGES = { ...FILTER_MESSAGES, date: 'Enter the date as a real date', basis: 'Choose as it stood or as the ledger showed it' };

/** Every finding at the end of a day, as it stood or as the ledger showed it, as /api/read/as-at answers. */
@ApiExcludeController()
@UseFilters(WebErrorFilter)
@Controller('as-at')
export class AsAtPageController {
  constructor(private readonly reads: LedgerReads) {}

  @Get()
  async asAt(@Query() query: Record<string, unknown>, @Res() response: Response): Promise<void> {
    const choices = inspectionChoices(this.reads.readModels, this.reads.context.today());
    if (nothingAsked(query, ['date'])) {
      return sendReadingPage(response, 200, asAtPage({ values: { date: '', inspectionId: typeof query.inspectionId === 'string' ? query.inspectionId : '' }, errors: [], inspectionChoices: choices }));
    }
    const asked = readPageQuery(query, PARAMS, MESSAGES, { date: 'Date' });
    if (!asked.ok) return sendReadingPage(response, 400, asAtPage({ values: asked.values, errors: asked.errors, inspectionChoices: choices }));
    const { date: day, basis: basisAsked, page, ...filter } = asked.params;
    await this.reads.context.begin(undefined, [HISTORY], response);
    const register = await this.reads.history.asAt({ date: day, basis: basisAsked ?? DEFAULT_BASIS }, filter, offsetOf(page));
    sendReadingPage(response, 200, asAtPage({ values: asked.values, errors: [], inspectionChoices: choices, register }));
  }
}
