import type Database from 'better-sqlite3';
import type { Projection } from '../projection';
import { REGISTRY_SCHEMA_SQL } from './registry-schema';

export type GenerationStatus = 'active' | 'building' | 'retired';

/** The event a generation could not apply: it stopped there, with its checkpoint just before. */
export interface ProjectionFault {
  eventId: string;
  eventType: string;
  position: bigint;
  error: string;
  at: string;
}

export interface Generation {
  projection: string;
  generation: number;
  version: number;
  /** The table definitions it was created with (JSON). */
  tableSpec: string;
  status: GenerationStatus;
  checkpoint: bigint | null;
  eventsApplied: number;
  fault: ProjectionFault | null;
}

/** A generation is not in the state a writer expected: another writer moved it on. */
export class StaleGenerationError extends Error {
  constructor(projection: string, generation: number, expected: string) {
    super(`projection ${projection} generation ${generation} is no longer ${expected}`);
    this.name = 'StaleGenerationError';
  }
}

interface GenerationRow {
  projection: string;
  generation: bigint;
  version: bigint;
  table_spec: string;
  status: GenerationStatus;
  checkpoint: bigint | null;
  events_applied: bigint;
  fault_event_id: string | null;
  fault_event_type: string | null;
  fault_position: bigint | null;
  fault_error: string | null;
  faulted_at: string | null;
}

const GENERATION_COLUMNS =
  'projection, generation, version, table_spec, status, checkpoint, events_applied, fault_event_id, fault_event_type, fault_position, fault_error, faulted_at';

/** `<projection>__g<generation>__<table>`: names are snake case without `__`, so these never collide. */
export function physicalTableName(projection: string, generation: number, table: string): string {
  return `${projection}__g${generation}__${table}`;
}

/** What a generation records about its tables, to notice a definition that changed without a version bump. */
export function tableSpecOf(projection: Projection): string {
  return JSON.stringify(projection.tables);
}

/** True when a generation was built by this projection's current code. */
export function isCurrent(generation: Generation, projection: Projection): boolean {
  return generation.version === projection.version && generation.tableSpec === tableSpecOf(projection);
}

function toGeneration(row: GenerationRow): Generation {
  return {
    projection: row.projection,
    generation: Number(row.generation),
    version: Number(row.version),
    tableSpec: row.table_spec,
    status: row.status,
    checkpoint: row.checkpoint,
    eventsApplied: Number(row.events_applied),
    fault:
      row.fault_event_id === null
        ? null
        : {
            eventId: row.fault_event_id,
            eventType: row.fault_event_type ?? '',
            position: row.fault_position ?? 0n,
            error: row.fault_error ?? '',
            at: row.faulted_at ?? '',
          },
  };
}

function prepare(db: Database.Database) {
  return {
    byStatus: db
      .prepare<[string, GenerationStatus], GenerationRow>(`SELECT ${GENERATION_COLUMNS} FROM projection_generations WHERE projection = ? AND status = ?`)
      .safeIntegers(true),
    one: db
      .prepare<[string, number], GenerationRow>(`SELECT ${GENERATION_COLUMNS} FROM projection_generations WHERE projection = ? AND generation = ?`)
      .safeIntegers(true),
    retired: db
      .prepare<[string], GenerationRow>(`SELECT ${GENERATION_COLUMNS} FROM projection_generations WHERE projection = ? AND status = 'retired'`)
      .safeIntegers(true),
    nextGeneration: db
      .prepare<[string], bigint | undefined>('SELECT last_generation + 1 FROM projection_registry WHERE projection = ?')
      .pluck()
      .safeIntegers(true),
    register: db.prepare<[string]>('INSERT INTO projection_registry (projection, active_generation, last_generation) VALUES (?, 1, 1)'),
    setLast: db.prepare<[number, string]>('UPDATE projection_registry SET last_generation = ? WHERE projection = ?'),
    setActive: db.prepare<[number, string]>('UPDATE projection_registry SET active_generation = ? WHERE projection = ?'),
    insert: db.prepare<[string, number, number, string, GenerationStatus, string]>(
      'INSERT INTO projection_generations (projection, generation, version, table_spec, status, created_at) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    setStatus: db.prepare<[GenerationStatus, string, number]>('UPDATE projection_generations SET status = ? WHERE projection = ? AND generation = ?'),
    retireActive: db.prepare<[string]>("UPDATE projection_generations SET status = 'retired' WHERE projection = ? AND status = 'active'"),
    remove: db.prepare<[string, number]>('DELETE FROM projection_generations WHERE projection = ? AND generation = ?'),
    advance: db.prepare<[bigint | null, number, string, number]>(
      'UPDATE projection_generations SET checkpoint = ?, events_applied = events_applied + ? WHERE projection = ? AND generation = ?',
    ),
    fault: db.prepare<[string, string, bigint, string, string, string, number]>(
      `UPDATE projection_generations SET fault_event_id = ?, fault_event_type = ?, fault_position = ?, fault_error = ?, faulted_at = ?
       WHERE projection = ? AND generation = ?`,
    ),
    clearFaults: db.prepare<[string]>(
      `UPDATE projection_generations SET fault_event_id = NULL, fault_event_type = NULL, fault_position = NULL, fault_error = NULL, faulted_at = NULL
       WHERE projection = ?`,
    ),
    tablesLike: db.prepare<[string], string>("SELECT name FROM sqlite_schema WHERE type = 'table' AND name GLOB ?").pluck(),
  };
}

/**
 * Reads and changes the generations of projections. Every change is one transaction; the
 * checks a writer makes before committing a batch (`assertWritable`) run inside the batch's.
 */
export class GenerationRegistry {
  private readonly statements: ReturnType<typeof prepare>;

  constructor(private readonly db: Database.Database) {
    db.exec(REGISTRY_SCHEMA_SQL);
    this.statements = prepare(db);
  }

  active(projection: string): Generation | null {
    const row = this.statements.byStatus.get(projection, 'active');
    return row ? toGeneration(row) : null;
  }

  building(projection: string): Generation | null {
    const row = this.statements.byStatus.get(projection, 'building');
    return row ? toGeneration(row) : null;
  }

  generation(projection: string, generation: number): Generation | null {
    const row = this.statements.one.get(projection, generation);
    return row ? toGeneration(row) : null;
  }

  /** The active generation, creating the first (empty, to be filled from the start of the log) when there is none. */
  ensureActive(projection: Projection): Generation {
    return this.db
      .transaction(() => {
        const active = this.active(projection.name);
        if (active) return active;
        this.createGeneration(projection, 1, 'active');
        this.statements.register.run(projection.name);
        return this.active(projection.name) as Generation;
      })
      .immediate();
  }

  /**
   * The generation a rebuild writes: the one already building when it was built by this code
   * (a rebuild that was interrupted resumes from its own checkpoint), otherwise a fresh one.
   */
  startBuilding(projection: Projection): Generation {
    return this.db
      .transaction(() => {
        const building = this.building(projection.name);
        if (building && isCurrent(building, projection)) return building;
        if (building) this.dropGeneration(building);
        const next = this.statements.nextGeneration.get(projection.name);
        if (next === undefined) throw new Error(`projection ${projection.name} has no active generation to rebuild`);
        const generation = Number(next);
        this.createGeneration(projection, generation, 'building');
        this.statements.setLast.run(generation, projection.name);
        return this.generation(projection.name, generation) as Generation;
      })
      .immediate();
  }

  /** Makes a built generation the active one, in one transaction, if it is still where its builder left it. */
  swap(projection: string, generation: number, checkpoint: bigint | null): void {
    this.db
      .transaction(() => {
        this.assertWritable(projection, generation, 'building', checkpoint);
        this.statements.retireActive.run(projection);
        this.statements.setStatus.run('active', projection, generation);
        this.statements.setActive.run(generation, projection);
      })
      .immediate();
  }

  /** Drops the tables of retired generations. Readers inside a snapshot started before the swap keep their view. */
  dropRetired(projection: string): void {
    const transaction = this.db.transaction(() => {
      for (const row of this.statements.retired.all(projection)) this.dropGeneration(toGeneration(row));
    });
    transaction.immediate();
  }

  /** A fault is cleared so that the next start tries the event again (the code may have been fixed). */
  clearFaults(projection: string): void {
    this.statements.clearFaults.run(projection);
  }

  /** Inside a batch's transaction: the generation is still `status`, at `checkpoint` and not faulted. */
  assertWritable(projection: string, generation: number, status: GenerationStatus, checkpoint: bigint | null): void {
    const row = this.statements.one.get(projection, generation);
    if (!row || row.status !== status || row.checkpoint !== checkpoint || row.fault_event_id !== null) {
      throw new StaleGenerationError(projection, generation, `${status} at checkpoint ${checkpoint ?? 'start'}`);
    }
  }

  advance(projection: string, generation: number, checkpoint: bigint | null, eventsApplied: number): void {
    this.statements.advance.run(checkpoint, eventsApplied, projection, generation);
  }

  recordFault(projection: string, generation: number, fault: ProjectionFault): void {
    this.statements.fault.run(fault.eventId, fault.eventType, fault.position, fault.error, fault.at, projection, generation);
  }

  private createGeneration(projection: Projection, generation: number, status: GenerationStatus): void {
    this.statements.insert.run(projection.name, generation, projection.version, tableSpecOf(projection), status, new Date().toISOString());
    for (const [table, spec] of Object.entries(projection.tables)) {
      const physical = physicalTableName(projection.name, generation, table);
      this.db.exec(`CREATE TABLE "${physical}" (${spec.columns})`);
      (spec.indexes ?? []).forEach((columns, index) => {
        this.db.exec(`CREATE INDEX "${physical}__i${index}" ON "${physical}" (${columns})`);
      });
    }
  }

  /** Builds the query-only indexes of a generation once it has been loaded (see TableSpec.queryIndexes). */
  createQueryIndexes(projection: Projection, generation: number): void {
    for (const [table, spec] of Object.entries(projection.tables)) {
      const physical = physicalTableName(projection.name, generation, table);
      (spec.queryIndexes ?? []).forEach((columns, index) => {
        this.db.exec(`CREATE INDEX IF NOT EXISTS "${physical}__q${index}" ON "${physical}" (${columns})`);
      });
    }
  }

  /** Drops whatever tables the generation has, including tables of a definition the code no longer has. */
  private dropGeneration(generation: Generation): void {
    for (const table of this.statements.tablesLike.all(physicalTableName(generation.projection, generation.generation, '*'))) {
      this.db.exec(`DROP TABLE "${table}"`);
    }
    this.statements.remove.run(generation.projection, generation.generation);
  }
}
