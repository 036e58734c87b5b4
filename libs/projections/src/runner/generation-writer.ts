import type Database from 'better-sqlite3';
import type { RecordedEvent } from '@ledger/event-store';
import type { Projection, ProjectionContext } from '../projection';
import type { ReadModels } from '../read-model-database';
import { type Generation, type GenerationRegistry, type ProjectionFault, physicalTableName } from '../registry/generation-registry';
import { ApplyFailed, commitBatch } from './commit-batch';

/** What one batch did to one generation, once its transaction has committed. */
export interface TargetOutcome {
  /** Position of the last event applied (or passed by a checkpoint), after this batch. */
  checkpoint: bigint | null;
  /** Events applied in this batch. */
  applied: number;
  /** Set when an event could not be applied: the generation stopped there and is faulted. */
  fault: ProjectionFault | null;
}

/**
 * One generation of one projection as a target of a lane (see lane.ts). The lane opens the
 * batch's transaction; inside it the writer checks that the generation is still where it left
 * it (so two writers, in two processes, can never apply the same event twice), applies the
 * events after its own checkpoint and stores the new checkpoint with the rows.
 */
export class GenerationWriter {
  private readonly registry: GenerationRegistry;
  private readonly db: Database.Database;
  private readonly statements = new Map<string, Database.Statement>();
  private readonly physicalNames = new Map<string, string>();
  readonly context: ProjectionContext;
  private readonly status: 'active' | 'building';
  private current: bigint | null;
  private applied: number;
  readonly generation: number;

  /** Writes to `from` (an active or building generation), continuing from its checkpoint. */
  constructor(
    readModels: ReadModels,
    readonly projection: Projection,
    from: Generation,
  ) {
    if (from.status === 'retired') throw new Error(`projection ${projection.name} generation ${from.generation} is retired`);
    this.registry = readModels.registry;
    this.db = readModels.db;
    this.generation = from.generation;
    this.status = from.status;
    this.current = from.checkpoint;
    this.applied = from.eventsApplied;
    for (const table of Object.keys(projection.tables)) {
      this.physicalNames.set(table, physicalTableName(projection.name, from.generation, table));
    }
    this.context = {
      db: this.db,
      table: (name) => this.physicalName(name),
      statement: (sql) => this.statement(sql),
    };
  }

  get checkpoint(): bigint | null {
    return this.current;
  }

  /** Every event this generation has been given since it started, across restarts. */
  get eventsApplied(): number {
    return this.applied;
  }

  get projectionName(): string {
    return this.projection.name;
  }

  get building(): boolean {
    return this.status === 'building';
  }

  /** True when the event is after this generation's checkpoint (it has not been given it yet). */
  wants(event: RecordedEvent): boolean {
    return this.current === null || event.position > this.current;
  }

  /** In the batch's transaction, before writing: throws StaleGenerationError if another writer moved it on. */
  assertWritable(): void {
    this.registry.assertWritable(this.projection.name, this.generation, this.status, this.current);
  }

  /** In the batch's transaction, after the rows: stores the checkpoint the batch reached. */
  advance(outcome: TargetOutcome): void {
    const building = this.status === 'building';
    if (outcome.fault) this.registry.recordFault(this.projection.name, this.generation, outcome.fault, building);
    if (outcome.checkpoint !== this.current || outcome.applied > 0) this.registry.advance(this.projection.name, this.generation, outcome.checkpoint, outcome.applied, building);
  }

  /** Before (true) and after (false) a batch applied carefully: see GenerationRegistry.carefulJournal. */
  carefulJournal(careful: boolean): void {
    if (this.status === 'building') this.registry.carefulJournal(this.projection.name, this.generation, careful);
  }

  /** After the batch's transaction committed. */
  committed(outcome: TargetOutcome): void {
    this.current = outcome.checkpoint;
    this.applied += outcome.applied;
  }

  /**
   * Applies `events` (in log order) in one transaction of its own and moves the checkpoint to the
   * last one applied, or to `advanceTo` when that is further and every event applied. For a
   * writer fed alone (verify's scratch copy); the runner's lanes feed many writers per batch.
   */
  commit(events: readonly RecordedEvent[], advanceTo: bigint | null): TargetOutcome {
    let outcomes: Map<GenerationWriter, TargetOutcome>;
    try {
      outcomes = commitBatch(this.db, [this], events, advanceTo, false);
    } catch (error) {
      if (!(error instanceof ApplyFailed)) throw error;
      outcomes = commitBatch(this.db, [this], events, advanceTo, true);
    }
    const outcome = outcomes.get(this) as TargetOutcome;
    this.committed(outcome);
    return outcome;
  }

  /** Builds the query-only indexes its tables were loaded without. */
  ensureIndexes(): void {
    this.registry.createQueryIndexes(this.projection, this.generation);
    const { afterIndexes } = this.projection;
    if (afterIndexes) this.db.transaction(() => afterIndexes.call(this.projection, this.context)).immediate();
  }

  private physicalName(table: string): string {
    const physical = this.physicalNames.get(table);
    if (physical === undefined) {
      throw new Error(`projection ${this.projection.name} has no table "${table}"; it declares: ${[...this.physicalNames.keys()].join(', ')}`);
    }
    return physical;
  }

  private statement(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (statement === undefined) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }
}
