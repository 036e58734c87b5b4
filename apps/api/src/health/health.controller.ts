import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOperation, ApiResponse } from '@nestjs/swagger';
import type { Response } from 'express';
import { EVENT_STORE } from '@ledger/application';
import type { EventStore, EventStoreHealth } from '@ledger/event-store';

export interface HealthReport {
  status: 'ok' | 'unavailable';
  /** The store's own report; without `kind` when the store could not even be asked. */
  eventStore: EventStoreHealth | { ok: false; detail: string };
}

@Controller('health')
export class HealthController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  @Get()
  @ApiOperation({ summary: "The event store's health: 200 when it answers, 503 when it does not" })
  @ApiResponse({ status: 200, description: 'Healthy' })
  @ApiResponse({ status: 503, description: 'The event store is unavailable' })
  async health(@Res({ passthrough: true }) response: Response): Promise<HealthReport> {
    const eventStore = await this.store.health().catch((error: unknown) => ({ ok: false as const, detail: error instanceof Error ? error.message : String(error) }));
    response.status(eventStore.ok ? 200 : 503);
    return { status: eventStore.ok ? 'ok' : 'unavailable', eventStore };
  }
}
