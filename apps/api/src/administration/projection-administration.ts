import { Inject, Injectable, Logger } from '@nestjs/common';
import type { ProjectionEngine, ProjectionStatus, ReadModels } from '@ledger/projections';
import type { Principal } from '../identity/principal';
import { ProblemError } from '../problem/problem';
import { PROJECTION_RUNNER, READ_MODELS } from '../read-models/read-models.tokens';

/** How the last rebuild asked for in this process went. */
export interface AskedRebuild {
  state: 'running' | 'swapped-in' | 'failed';
  askedAt: Date;
  askedBy: string;
  /** The generation swapped in, or why it failed. */
  outcome: string | null;
}

export type ProjectionOverview = ProjectionStatus & { asked: AskedRebuild | null };

/**
 * The administrator's view of the read models, and rebuilds asked for over HTTP. A rebuild goes to
 * the projection engine this API runs (in the worker thread, the runner's own `rebuild`, as
 * `ledger projections rebuild` calls it): the current generation serves until the new one has
 * caught up and is swapped in. Progress is read from the read-model database, as `status` does.
 */
@Injectable()
export class ProjectionAdministration {
  private readonly logger = new Logger('Administration');
  private readonly asked = new Map<string, AskedRebuild>();

  constructor(
    @Inject(PROJECTION_RUNNER) private readonly engine: ProjectionEngine,
    @Inject(READ_MODELS) private readonly readModels: ReadModels,
  ) {}

  names(): string[] {
    return this.readModels.projections.map((projection) => projection.name);
  }

  async overview(): Promise<ProjectionOverview[]> {
    const statuses = await this.engine.status();
    return statuses.map((status) => ({ ...status, asked: this.asked.get(status.name) ?? null }));
  }

  /** Refuses an unknown name (404, naming it) before any rebuild starts. */
  known(name: string): string {
    if (this.names().includes(name)) return name;
    throw new ProblemError('not-found', `There is no read model "${name}"; the read models are ${this.names().join(', ')}.`, { field: 'projection' });
  }

  /** Starts the rebuilds and answers at once; each carries on in the projection engine. */
  rebuild(names: readonly string[], by: Principal): string[] {
    const started = names.map((name) => this.known(name));
    for (const name of started) {
      const asked: AskedRebuild = { state: 'running', askedAt: new Date(), askedBy: by.name, outcome: null };
      this.asked.set(name, asked);
      this.logger.log(`${by.name} (${by.id}) asked for a rebuild of ${name}`);
      this.engine.rebuild(name).then(
        (result) => {
          asked.state = 'swapped-in';
          asked.outcome = `generation ${result.generation} swapped in (${result.events} events)`;
          this.logger.log(`${name}: ${asked.outcome}`);
        },
        (error: unknown) => {
          asked.state = 'failed';
          asked.outcome = error instanceof Error ? error.message : String(error);
          this.logger.warn(`${name}: rebuild failed: ${asked.outcome}`);
        },
      );
    }
    return started;
  }
}
