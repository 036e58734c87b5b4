import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { AggregateNotFoundError, CommandRefusedError, ConcurrencyConflictError } from '@ledger/application';
import { EventStoreFullError, EventStoreUnavailableError } from '@ledger/event-store';
import type { ProjectionStatus } from '@ledger/projections';

export type CommandOutcome = 'ok' | 'refused' | 'not-found' | 'conflict' | 'disk-full' | 'unavailable' | 'error';

const PROJECTION_STATES: ProjectionStatus['state'][] = ['catching-up', 'live', 'rebuilding', 'faulted', 'not-started'];

/** How a command ended, as the metrics count it. */
export function outcomeOf(error: unknown): CommandOutcome {
  if (error instanceof CommandRefusedError) return 'refused';
  if (error instanceof AggregateNotFoundError) return 'not-found';
  if (error instanceof ConcurrencyConflictError) return 'conflict';
  if (error instanceof EventStoreFullError) return 'disk-full';
  if (error instanceof EventStoreUnavailableError) return 'unavailable';
  return 'error';
}

/**
 * The API's Prometheus metrics, in a registry of its own (one per application, so that tests can
 * run several): commands by type and outcome with their latency, the size of each group commit,
 * and each projection's lag and state, read when the metrics are scraped.
 */
export class LedgerMetrics {
  readonly registry = new Registry();
  private readonly commands = new Counter({ name: 'ledger_commands_total', help: 'Commands handled, by type and outcome', labelNames: ['type', 'outcome'], registers: [this.registry] });
  private readonly latency = new Histogram({
    name: 'ledger_command_duration_seconds',
    help: 'Time from a command reaching the application to its answer (durable when ok)',
    labelNames: ['type', 'outcome'],
    buckets: [0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [this.registry],
  });
  private readonly groups = new Histogram({
    name: 'ledger_append_group_size',
    help: 'Appends committed together in one transaction and one fsync (embedded store)',
    buckets: [1, 2, 4, 8, 16, 32, 64, 128, 256, 512],
    registers: [this.registry],
  });
  private projectionStatus: (() => Promise<ProjectionStatus[]>) | undefined;

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'ledger_' });
    const projectionStatus = () => this.projectionStatus;
    // One reading of the projections per scrape, shared by the three gauges.
    let reading: Promise<ProjectionStatus[]> | undefined;
    const read = () => (reading ??= (projectionStatus()?.() ?? Promise.resolve([])).finally(() => setImmediate(() => (reading = undefined))));
    new Gauge({
      name: 'ledger_projection_lag_events',
      help: 'Events in the log after the projection checkpoint (a lower bound when counted past its limit)',
      labelNames: ['projection'],
      registers: [this.registry],
      async collect() {
        this.reset();
        for (const status of await read()) if (status.lag) this.set({ projection: status.name }, status.lag.events);
      },
    });
    new Gauge({
      name: 'ledger_projection_state',
      help: 'Each projection state: 1 for the one it is in',
      labelNames: ['projection', 'state'],
      registers: [this.registry],
      async collect() {
        this.reset();
        for (const status of await read()) for (const name of PROJECTION_STATES) this.set({ projection: status.name, state: name }, status.state === name ? 1 : 0);
      },
    });
    new Gauge({
      name: 'ledger_projection_checkpoint',
      help: 'Position of the last event the serving generation applied',
      labelNames: ['projection'],
      registers: [this.registry],
      async collect() {
        this.reset();
        for (const status of await read()) if (status.checkpoint !== null) this.set({ projection: status.name }, Number(status.checkpoint));
      },
    });
  }

  /** Where projection lag and state are read from at each scrape. */
  watchProjections(status: () => Promise<ProjectionStatus[]>): void {
    this.projectionStatus = status;
  }

  commandDone(type: string, outcome: CommandOutcome, seconds: number): void {
    this.commands.inc({ type, outcome });
    this.latency.observe({ type, outcome }, seconds);
  }

  groupCommitted(appends: number): void {
    this.groups.observe(appends);
  }
}
