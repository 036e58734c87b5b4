import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Allow } from '../identity/access/allow.decorator';
import type { Response } from 'express';
import type { ProjectionEngine } from '@ledger/projections';
import { PROJECTION_RUNNER } from '../read-models/read-models.tokens';
import { LedgerMetrics } from './ledger-metrics';

/** Prometheus scrapes the API here (outside /api: it is for operators, not for recording). */
@ApiExcludeController()
@Allow('metrics')
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly metrics: LedgerMetrics,
    @Inject(PROJECTION_RUNNER) runner: ProjectionEngine,
  ) {
    metrics.watchProjections(() => runner.status());
  }

  @Get()
  async scrape(@Res() response: Response): Promise<void> {
    response.type(this.metrics.registry.contentType).send(await this.metrics.registry.metrics());
  }
}
