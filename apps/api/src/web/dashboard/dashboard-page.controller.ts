import { Controller, Get, Query, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { CHALLENGES, queryDashboard, REGISTER, STATUTORY } from '@ledger/projections/read-models';
import { READ_PARAMS } from '../../read-models/read-params';
import { dashboardCharts } from '../charts/dashboard-charts';
import { WebErrorFilter } from '../layout/web-error.filter';
import { FILTER_MESSAGES, inspectionChoices } from '../reading/filter-fields';
import { LedgerReads } from '../reading/ledger-reads';
import { readPageQuery } from '../reading/page-query';
import { sendReadingPage } from '../reading/reading-page';
import { dashboardPage } from './dashboard.page';

/** Counts by status, RAG, overdue and blocked; open challenges; statutory responses by state. */
@ApiExcludeController()
@UseFilters(WebErrorFilter)
@Controller('dashboard')
export class DashboardPageController {
  constructor(private readonly reads: LedgerReads) {}

  @Get()
  async dashboard(@Query() query: Record<string, unknown>, @Res() response: Response): Promise<void> {
    const readModels = this.reads.readModels;
    const asked = readPageQuery(query, READ_PARAMS.dashboard, FILTER_MESSAGES);
    if (!asked.ok) {
      const today = this.reads.context.today();
      return sendReadingPage(response, 400, dashboardPage({ today, values: asked.values, errors: asked.errors, inspectionChoices: inspectionChoices(readModels, today) }));
    }
    const { atLeast, ...filter } = asked.params;
    const { today, consistent } = await this.reads.context.begin(atLeast, [REGISTER, CHALLENGES, STATUTORY], response);
    const dashboard = queryDashboard(readModels, filter, today);
    const charts = await dashboardCharts(readModels, filter, today);
    sendReadingPage(response, 200, dashboardPage({ today, values: asked.values, errors: [], inspectionChoices: inspectionChoices(readModels, today), dashboard, consistent, charts }));
  }
}
