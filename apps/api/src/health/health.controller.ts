import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOperation, ApiResponse } from '@nestjs/swagger';
import type { Response } from 'express';
import { EVENT_STORE } from '@ledger/application';
import type { EventStore, EventStoreHealth } from '@ledger/event-store';
import type { ProjectionEngine, ProjectionStatus } from '@ledger/projections';
import type { ApiConfig } from '../config/api-config';
import { API_CONFIG } from '../config/tokens';
import { PROJECTION_RUNNER } from '../read-models/read-models.tokens';
import { Public } from '../identity/access/allow.decorator';

export interface ProjectionHealth {
  name: string;
  version: number;
  state: ProjectionStatus['state'];
  checkpoint: string | null;
  lag: ProjectionStatus['lag'];
  fault: { eventId: string; position: string; error: string } | null;
}

export interface HealthReport {
  /** `degraded`: commands are taken but a read model has stopped on an event it cannot apply. */
  status: 'ok' | 'degraded' | 'unavailable';
  /** The store's own report, with `reason` when it is not ok; without `kind` when the store could not even be asked. */
  eventStore: EventStoreHealth | { ok: false; detail: string };
  projections: ProjectionHealth[];
  /** Sizes a request must keep within: larger bodies, or bodies that would make a larger append, are answered 413. */
  limits: { bodyBytes: number; maxAppendBytes: number };
}

@Public()
@Controller('health')
export class HealthController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionEngine,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  @Get()
  @ApiOperation({ summary: "The event store's health and each projection's state: 200 when all is well, 503 otherwise" })
  @ApiResponse({ status: 200, description: 'Healthy' })
  @ApiResponse({ status: 503, description: 'The event store is unavailable, or a projection is faulted' })
  async health(@Res({ passthrough: true }) response: Response): Promise<HealthReport> {
    const eventStore = await this.store.health().catch((error: unknown) => ({ ok: false as const, detail: error instanceof Error ? error.message : String(error) }));
    // Lag is counted by reading the log, so with the store down only the store's report is known.
    const projections = eventStore.ok ? (await this.runner.status()).map(toHealth) : [];
    const status = !eventStore.ok ? 'unavailable' : projections.some((p) => p.fault) ? 'degraded' : 'ok';
    response.status(status === 'ok' ? 200 : 503);
    return { status, eventStore, projections, limits: { bodyBytes: this.config.bodyLimit, maxAppendBytes: this.config.maxAppendSize } };
  }
}

function toHealth(status: ProjectionStatus): ProjectionHealth {
  return {
    name: status.name,
    version: status.version,
    state: status.state,
    checkpoint: status.checkpoint === null ? null : String(status.checkpoint),
    lag: status.lag,
    fault: status.fault ? { eventId: status.fault.eventId, position: String(status.fault.position), error: status.fault.error } : null,
  };
}
