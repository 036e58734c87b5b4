import { Controller, Get, Query, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { queryInspections, queryRegister, REGISTER } from '@ledger/projections/read-models';
import { CONSISTENCY_PARAMS, MAX_LIMIT } from '../../read-models/query-params';
import { REGISTER_FILTERS, registerFilter } from '../../read-models/read-params';
import { WebErrorFilter } from '../layout/web-error.filter';
import { FILTER_MESSAGES, inspectionChoices } from '../reading/filter-fields';
import { LedgerReads } from '../reading/ledger-reads';
import { offsetOf, PAGE_NUMBER, readPageQuery } from '../reading/page-query';
import { sendReadingPage } from '../reading/reading-page';
import { registerPage } from './register.page';

const PARAMS = { ...REGISTER_FILTERS, ...PAGE_NUMBER, ...CONSISTENCY_PARAMS };

/** The register: inspections and their findings as they stand today, filtered and paged. */
@ApiExcludeController()
@UseFilters(WebErrorFilter)
@Controller('register')
export class RegisterPageController {
  constructor(private readonly reads: LedgerReads) {}

  @Get()
  async register(@Query() query: Record<string, unknown>, @Res() response: Response): Promise<void> {
    const asked = readPageQuery(query, PARAMS, FILTER_MESSAGES);
    const readModels = this.reads.readModels;
    if (!asked.ok) {
      const today = this.reads.context.today();
      sendReadingPage(response, 400, registerPage({ today, values: asked.values, errors: asked.errors, inspectionChoices: inspectionChoices(readModels, today) }));
      return;
    }
    const { page, atLeast, ...filters } = asked.params;
    const { today, consistent } = await this.reads.context.begin(atLeast, [REGISTER], response);
    const inspections = queryInspections(readModels, { inspectionType: filters.inspectionType, service: filters.service }, { limit: MAX_LIMIT, offset: 0 }, today);
    const findings = queryRegister(readModels, registerFilter(filters), offsetOf(page), today);
    sendReadingPage(response, 200, registerPage({ today, values: asked.values, errors: [], inspectionChoices: inspectionChoices(readModels, today), inspections, findings, consistent }));
  }
}
