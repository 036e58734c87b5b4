import type Database from 'better-sqlite3';
import type { RecordedEvent } from '@ledger/event-store';
import type { Projection, ProjectionContext } from '../projection';
import type { ReadModels } from '../read-model-database';
import { type Generation, type GenerationRegistry, type ProjectionFault, physicalTableName } from '../registry/generation-registry';

export interface CommittedBatch {
  /** Position of the last event applied (or passed by a checkpoint), after this batch. */
  checkpoint: bigint | null;
  /** Events applied in this batch. */
  applied: number;
  /** Set when an event could not be applied: the batch stopped there and the generation is faulted. */
  fault: ProjectionFault | null;
}

/**
 * Applies batches of events to one generation of a projection. Each batch is one transaction
 * holding its rows and its checkpoint; each event runs in a savepoint, so an event that throws
 * leaves no partial rows: the events before it commit, its fault is recorded, the rest waits.
 * Before writing, the transaction checks that the generation is still where this writer left it,
 * so two writers (two processes) can never apply the same event twice.
 */
export class GenerationWriter {
  private readonly registry: GenerationRegistry;
  private readonly db: Database.Database;
  private readonly statements = new Map<string, Database.Statement>();
  private readonly physicalNames = new Map<string, string>();
  private readonly context: ProjectionContext;
  private readonly savepoint: Database.Statement;
  private readonly release: Database.Statement;
  private readonly rollbackToSavepoint: Database.Statement;
  private status: 'active' | 'building';
  private current: bigint | null;
  private applied: number;
  readonly generation: number;

  /** Writes to `from` (an active or building generation), continuing from its checkpoint. */
  constructor(
    readModels: ReadModels,
    private readonly projection: Projection,
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
    this.savepoint = this.db.prepare('SAVEPOINT projection_event');
    this.release = this.db.prepare('RELEASE projection_event');
    this.rollbackToSavepoint = this.db.prepare('ROLLBACK TO projection_event');
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

  /** The built generation has been swapped in: it now writes as the active one. */
  promote(): void {
    this.status = 'active';
  }

  /**
   * Applies `events` (in log order, after the checkpoint) and moves the checkpoint to the last one
   * applied, or to `advanceTo` when that is further and every event applied.
   */
  commit(events: readonly RecordedEvent[], advanceTo: bigint | null): CommittedBatch {
    const result = this.db.transaction(() => this.applyInTransaction(events, advanceTo)).immediate();
    this.current = result.checkpoint;
    this.applied += result.applied;
    return result;
  }

  private applyInTransaction(events: readonly RecordedEvent[], advanceTo: bigint | null): CommittedBatch {
    const name = this.projection.name;
    this.registry.assertWritable(name, this.generation, this.status, this.current);
    let checkpoint = this.current;
    let applied = 0;
    let fault: ProjectionFault | null = null;
    for (const event of events) {
      if (checkpoint !== null && event.position <= checkpoint) {
        throw new Error(`projection ${name} was given event ${event.id} at ${event.position}, not after its checkpoint ${checkpoint}`);
      }
      this.savepoint.run();
      try {
        this.projection.apply(event, this.context);
      } catch (error) {
        // An error that made SQLite abort the whole transaction is a storage failure, not this event's fault.
        if (!this.db.inTransaction) throw error;
        this.rollbackToSavepoint.run();
        this.release.run();
        fault = {
          eventId: event.id,
          eventType: event.type,
          position: event.position,
          error: error instanceof Error ? error.message : String(error),
          at: new Date().toISOString(),
        };
        this.registry.recordFault(name, this.generation, fault);
        break;
      }
      this.release.run();
      checkpoint = event.position;
      applied += 1;
    }
    if (fault === null && advanceTo !== null && (checkpoint === null || advanceTo > checkpoint)) checkpoint = advanceTo;
    if (checkpoint !== this.current || applied > 0) this.registry.advance(name, this.generation, checkpoint, applied);
    return { checkpoint, applied, fault };
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
