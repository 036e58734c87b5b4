import * as fs from 'node:fs';
import * as path from 'node:path';
import type Database from 'better-sqlite3';
import type { Projection } from '../projection';
import { LEGACY_REGISTRY_TABLES, REGISTRY_SCHEMA_SQL, generationStateSql } from './registry-schema';

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

/**
 * A generation's file is not attached to this connection, and cannot be inside a transaction:
 * `ReadModels.read` attaches it and runs the query again.
 */
export class GenerationNotAttachedError extends Error {
  constructor(
    readonly schema: string,
    attachError?: string,
  ) {
    super(`the read-model file of ${schema} is not attached to this connection yet${attachError ? ` (it could not be opened: ${attachError})` : ''}`);
    this.name = 'GenerationNotAttachedError';
  }
}

interface GenerationRow {
  projection: string;
  generation: bigint;
  version: bigint;
  table_spec: string;
  status: GenerationStatus;
  sealed: bigint;
  builder_pid: bigint | null;
  progress_checkpoint: bigint | null;
  progress_events: bigint;
  progress_fault: string | null;
}

/**
 * Which generation files a connection attaches (SQLite attaches at most 10 to one connection):
 * `live` the active ones (queries and the live lane), `build` the building ones (a rebuild's own
 * connection).
 */
export type RegistryRole = 'live' | 'build';

interface StateRow {
  checkpoint: bigint | null;
  events_applied: bigint;
  fault_event_id: string | null;
  fault_event_type: string | null;
  fault_position: bigint | null;
  fault_error: string | null;
  faulted_at: string | null;
}

const EMPTY_STATE: StateRow = {
  checkpoint: null,
  events_applied: 0n,
  fault_event_id: null,
  fault_event_type: null,
  fault_position: null,
  fault_error: null,
  faulted_at: null,
};

const GENERATION_COLUMNS = 'projection, generation, version, table_spec, status, sealed, builder_pid, progress_checkpoint, progress_events, progress_fault';

/** SQLite's page cache for each generation file a runner writes (its default is 2 MiB). */
const WRITER_CACHE_KIB = 32 * 1024;
/** Page cache shared by the files a rebuild loads, each given its share by size (see balanceLoadCaches). */
const LOAD_CACHE_BUDGET_KIB = 256 * 1024;
const LOAD_CACHE_MIN_KIB = 8 * 1024;

/** `<projection>__g<generation>`: the schema a generation's file is attached as (names never hold `__`). */
export function schemaName(projection: string, generation: number): string {
  return `${projection}__g${generation}`;
}

/** `<projection>__g<generation>.<table>`: a table of one generation, in its own attached file. */
export function physicalTableName(projection: string, generation: number, table: string): string {
  return `${schemaName(projection, generation)}.${table}`;
}

/** `read-models.sqlite` → `read-models.<projection>.g<generation>.sqlite`, beside it. */
export function generationFile(mainFile: string, projection: string, generation: number): string {
  const extension = path.extname(mainFile);
  return path.join(path.dirname(mainFile), `${path.basename(mainFile, extension)}.${projection}.g${generation}${extension || '.sqlite'}`);
}

/** Every file the read models of `mainFile` occupy: the registry, each generation, their WALs and journals. */
export function readModelFiles(mainFile: string): string[] {
  const directory = path.dirname(mainFile);
  const stem = path.basename(mainFile, path.extname(mainFile));
  if (!fs.existsSync(directory)) return [];
  return fs
    .readdirSync(directory)
    .filter((name) => name === path.basename(mainFile) || name.startsWith(`${path.basename(mainFile)}-`) || (name.startsWith(`${stem}.`) && /\.g\d+\./.test(name)))
    .map((name) => path.join(directory, name));
}

/** What a generation records about its tables, to notice a definition that changed without a version bump. */
export function tableSpecOf(projection: Projection): string {
  return JSON.stringify(projection.tables);
}

/** True when a generation was built by this projection's current code. */
export function isCurrent(generation: Generation, projection: Projection): boolean {
  return generation.version === projection.version && generation.tableSpec === tableSpecOf(projection);
}

function toGeneration(row: GenerationRow, state: StateRow): Generation {
  return {
    projection: row.projection,
    generation: Number(row.generation),
    version: Number(row.version),
    tableSpec: row.table_spec,
    status: row.status,
    checkpoint: state.checkpoint,
    eventsApplied: Number(state.events_applied),
    fault:
      state.fault_event_id === null
        ? null
        : {
            eventId: state.fault_event_id,
            eventType: state.fault_event_type ?? '',
            position: state.fault_position ?? 0n,
            error: state.fault_error ?? '',
            at: state.faulted_at ?? '',
          },
  };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function fsyncPath(file: string): void {
  const fd = fs.openSync(file, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * By its code, not `instanceof`: the native addon keeps the SqliteError class of the first copy of
 * better-sqlite3 loaded in the process, and that copy may live in another realm (jest runs each
 * test file in its own, with its own Error).
 */
function isSqliteError(error: unknown): error is { code: string; message: string } {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' && code.startsWith('SQLITE_');
}

function removeFiles(file: string): void {
  for (const name of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) fs.rmSync(name, { force: true });
}

function prepare(db: Database.Database) {
  return {
    byStatus: db
      .prepare<[string, GenerationStatus], GenerationRow>(`SELECT ${GENERATION_COLUMNS} FROM read_model_generations WHERE projection = ? AND status = ?`)
      .safeIntegers(true),
    one: db
      .prepare<[string, number], GenerationRow>(`SELECT ${GENERATION_COLUMNS} FROM read_model_generations WHERE projection = ? AND generation = ?`)
      .safeIntegers(true),
    withStatus: db.prepare<[GenerationStatus], GenerationRow>(`SELECT ${GENERATION_COLUMNS} FROM read_model_generations WHERE status = ?`).safeIntegers(true),
    progressFault: db.prepare<[string | null, string, number]>('UPDATE read_model_generations SET progress_fault = ? WHERE projection = ? AND generation = ?'),
    progress: db.prepare<[bigint | null, number, string, number]>(
      'UPDATE read_model_generations SET progress_checkpoint = ?, progress_events = progress_events + ? WHERE projection = ? AND generation = ?',
    ),
    retired: db
      .prepare<[string], GenerationRow>(`SELECT ${GENERATION_COLUMNS} FROM read_model_generations WHERE projection = ? AND status = 'retired'`)
      .safeIntegers(true),
    nextGeneration: db
      .prepare<[string], bigint | undefined>('SELECT last_generation + 1 FROM read_model_projections WHERE projection = ?')
      .pluck()
      .safeIntegers(true),
    register: db.prepare<[string]>('INSERT INTO read_model_projections (projection, active_generation, last_generation) VALUES (?, 1, 1)'),
    setLast: db.prepare<[number, string]>('UPDATE read_model_projections SET last_generation = ? WHERE projection = ?'),
    setActive: db.prepare<[number, string]>('UPDATE read_model_projections SET active_generation = ? WHERE projection = ?'),
    insert: db.prepare<[string, number, number, string, GenerationStatus, number | null, string]>(
      'INSERT INTO read_model_generations (projection, generation, version, table_spec, status, builder_pid, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ),
    activate: db.prepare<[string, number]>(
      "UPDATE read_model_generations SET status = 'active', sealed = 0, builder_pid = NULL WHERE projection = ? AND generation = ?",
    ),
    retireActive: db.prepare<[string]>("UPDATE read_model_generations SET status = 'retired' WHERE projection = ? AND status = 'active'"),
    remove: db.prepare<[string, number]>('DELETE FROM read_model_generations WHERE projection = ? AND generation = ?'),
    setBuilder: db.prepare<[number, number, string, number]>('UPDATE read_model_generations SET sealed = ?, builder_pid = ? WHERE projection = ? AND generation = ?'),
    dataVersion: db.prepare<[], bigint>('PRAGMA data_version').pluck().safeIntegers(true),
  };
}

interface StateStatements {
  read: Database.Statement<[], StateRow>;
  advance: Database.Statement<[bigint | null, number]>;
  fault: Database.Statement<[string, string, bigint, string, string]>;
  clearFault: Database.Statement;
}

/**
 * Reads and changes the generations of projections. The registry (which generation is active,
 * which is building) lives in the main file; each generation's tables and checkpoint live in its
 * own file, attached to this connection as `<projection>__g<n>` (see `refresh`). A rebuild
 * writes a fresh file without a journal and with its query-only indexes built last; it is made
 * durable (one fsync) and switched to WAL before one transaction here swaps it in.
 */
export class GenerationRegistry {
  private readonly statements: ReturnType<typeof prepare>;
  /** Schema → file, for the generation files attached to this connection. */
  private readonly attached = new Map<string, string>();
  /** Why the last ATTACH of a schema failed, until one succeeds: said when a query cannot go on without it. */
  private readonly attachErrors = new Map<string, string>();
  /** Schemas attached in load mode (no journal): see loadMode. */
  private readonly loading = new Set<string>();
  private readonly stateStatements = new Map<string, StateStatements>();
  private dataVersion: bigint | null = null;

  constructor(
    private readonly db: Database.Database,
    private readonly mainFile: string,
    private readonly role: RegistryRole = 'live',
  ) {
    this.dropLegacyLayout();
    db.exec(REGISTRY_SCHEMA_SQL);
    this.statements = prepare(db);
    this.refresh(true);
  }

  active(projection: string): Generation | null {
    return this.withState(this.statements.byStatus.get(projection, 'active'));
  }

  /** The active generation's number, its file attached (what a query needs to name its tables). */
  activeNumber(projection: string): number | null {
    const row = this.statements.byStatus.get(projection, 'active');
    if (!row) return null;
    const generation = Number(row.generation);
    const schema = schemaName(projection, generation);
    if (!this.attach(schema, generationFile(this.mainFile, projection, generation), false)) throw this.notAttached(schema);
    return generation;
  }

  building(projection: string): Generation | null {
    return this.withState(this.statements.byStatus.get(projection, 'building'));
  }

  generation(projection: string, generation: number): Generation | null {
    return this.withState(this.statements.one.get(projection, generation));
  }

  /**
   * Attaches the files of the generations of this connection's role and detaches the others, when
   * another connection changed the registry since the last look (or `force`). Outside a
   * transaction only; inside one it does nothing.
   */
  refresh(force = false): void {
    if (this.db.inTransaction) return;
    const version = this.statements.dataVersion.get() as bigint;
    if (!force && version === this.dataVersion) return;
    this.dataVersion = version;
    const wanted = new Map<string, GenerationRow>();
    for (const row of this.statements.withStatus.all(this.role === 'live' ? 'active' : 'building')) wanted.set(schemaName(row.projection, Number(row.generation)), row);
    for (const schema of [...this.attached.keys()]) if (!wanted.has(schema)) this.detach(schema);
    for (const [schema, row] of wanted) if (!this.attached.has(schema)) this.attach(schema, generationFile(this.mainFile, row.projection, Number(row.generation)), false);
  }

  /** The active generation, creating the first (empty, to be filled from the start of the log) when there is none. */
  ensureActive(projection: Projection): Generation {
    const created = this.db
      .transaction(() => {
        if (this.statements.byStatus.get(projection.name, 'active')) return false;
        this.statements.insert.run(projection.name, 1, projection.version, tableSpecOf(projection), 'active', null, new Date().toISOString());
        this.statements.register.run(projection.name);
        return true;
      })
      .immediate();
    const row = this.statements.byStatus.get(projection.name, 'active') as GenerationRow;
    const generation = Number(row.generation);
    if (created || !this.hasTables(projection.name, generation)) this.createTables(projection, generation, 'live');
    this.refresh(true);
    return this.active(projection.name) as Generation;
  }

  /**
   * The generation a rebuild writes: the one already building when it was built by this code and
   * its file can be trusted (sealed when its builder stopped, or still being written by a live
   * process), otherwise a fresh one in a new file.
   */
  startBuilding(projection: Projection): Generation {
    const building = this.statements.byStatus.get(projection.name, 'building');
    if (building) {
      const generation = Number(building.generation);
      const current = Number(building.version) === projection.version && building.table_spec === tableSpecOf(projection);
      const elsewhere = building.builder_pid !== null && Number(building.builder_pid) !== process.pid && isAlive(Number(building.builder_pid));
      if (current && (building.sealed === 1n || elsewhere) && this.hasTables(projection.name, generation)) {
        // From here on it is written without a journal again: no longer to be trusted after a crash.
        if (!elsewhere) this.statements.setBuilder.run(0, process.pid, projection.name, generation);
        this.loadMode(schemaName(projection.name, generation));
        return this.generation(projection.name, generation) as Generation;
      }
      this.dropGeneration(building);
    }
    const generation = this.db
      .transaction(() => {
        const next = this.statements.nextGeneration.get(projection.name);
        if (next === undefined) throw new Error(`projection ${projection.name} has no active generation to rebuild`);
        const number = Number(next);
        this.statements.insert.run(projection.name, number, projection.version, tableSpecOf(projection), 'building', process.pid, new Date().toISOString());
        this.statements.setLast.run(number, projection.name);
        return number;
      })
      .immediate();
    this.createTables(projection, generation, 'load');
    this.refresh(true);
    return this.generation(projection.name, generation) as Generation;
  }

  /**
   * Makes a built generation durable and the active one: its file goes to WAL and is fsynced, then
   * one transaction swaps it in, if it is still where its builder left it.
   */
  swap(projection: string, generation: number, checkpoint: bigint | null): void {
    const schema = schemaName(projection, generation);
    if (!this.attach(schema, generationFile(this.mainFile, projection, generation), false)) throw this.notAttached(schema);
    this.loading.delete(schema);
    this.db.pragma(`"${schema}".journal_mode = WAL`);
    this.db.pragma(`"${schema}".synchronous = NORMAL`);
    this.db.pragma(`"${schema}".cache_spill = ON`);
    this.makeDurable(projection, generation);
    this.db
      .transaction(() => {
        this.assertWritable(projection, generation, 'building', checkpoint);
        this.statements.retireActive.run(projection);
        this.statements.activate.run(projection, generation);
        this.statements.setActive.run(generation, projection);
      })
      .immediate();
    this.refresh(true);
  }

  /** A building generation whose builder stops: its file is fsynced, so a later start resumes it. */
  seal(projection: string, generation: number): void {
    const row = this.statements.one.get(projection, generation);
    if (!row || row.status !== 'building' || (row.builder_pid !== null && Number(row.builder_pid) !== process.pid)) return;
    this.makeDurable(projection, generation);
    this.statements.setBuilder.run(1, process.pid, projection, generation);
  }

  /** Deletes the files of retired generations. Readers inside a snapshot started before the swap keep their view. */
  dropRetired(projection: string): void {
    for (const row of this.statements.retired.all(projection)) this.dropGeneration(row);
  }

  /** A fault is cleared so that the next start tries the event again (the code may have been fixed). */
  clearFaults(projection: string): void {
    const active = this.statements.byStatus.get(projection, 'active');
    if (active) this.stateOf(schemaName(projection, Number(active.generation)))?.clearFault.run();
    const building = this.statements.byStatus.get(projection, 'building');
    if (building) this.statements.progressFault.run(null, projection, Number(building.generation));
  }

  /** Inside a batch's transaction: the generation is still `status`, at `checkpoint` and not faulted. */
  assertWritable(projection: string, generation: number, status: GenerationStatus, checkpoint: bigint | null): void {
    const row = this.statements.one.get(projection, generation);
    const state = row && row.status === status ? this.stateOf(schemaName(projection, generation))?.read.get() : undefined;
    if (!state || state.checkpoint !== checkpoint || state.fault_event_id !== null) {
      throw new StaleGenerationError(projection, generation, `${status} at checkpoint ${checkpoint ?? 'start'}`);
    }
  }

  /** `building`: also noted in the registry, where other connections read a rebuild's progress. */
  advance(projection: string, generation: number, checkpoint: bigint | null, eventsApplied: number, building: boolean): void {
    this.requireState(projection, generation).advance.run(checkpoint, eventsApplied);
    if (building) this.statements.progress.run(checkpoint, eventsApplied, projection, generation);
  }

  recordFault(projection: string, generation: number, fault: ProjectionFault, building: boolean): void {
    this.requireState(projection, generation).fault.run(fault.eventId, fault.eventType, fault.position, fault.error, fault.at);
    if (building) this.statements.progressFault.run(JSON.stringify({ ...fault, position: String(fault.position) }), projection, generation);
  }

  /** Builds the query-only indexes of a generation once it has been loaded (see TableSpec.queryIndexes). */
  createQueryIndexes(projection: Projection, generation: number): void {
    const schema = schemaName(projection.name, generation);
    for (const [table, spec] of Object.entries(projection.tables)) {
      (spec.queryIndexes ?? []).forEach((columns, index) => {
        this.db.exec(`CREATE INDEX IF NOT EXISTS "${schema}"."${table}__q${index}" ON "${table}" (${columns})`);
      });
    }
  }

  /**
   * Shares the rebuild's page-cache budget among the files it loads, by their size so far: the
   * largest files hold the pages a batch rewrites at random (indexes on keys), and a page kept in
   * the cache is written once per commit instead of at each eviction.
   */
  balanceLoadCaches(generations: ReadonlyArray<{ projection: string; generation: number }>): void {
    const schemas = generations.map(({ projection, generation }) => schemaName(projection, generation)).filter((schema) => this.attached.has(schema));
    const pages = schemas.map((schema) => Number(this.db.pragma(`"${schema}".page_count`, { simple: true })));
    const all = pages.reduce((sum, count) => sum + count, 0);
    schemas.forEach((schema, index) => {
      const share = all === 0 ? 1 / schemas.length : pages[index] / all;
      this.db.pragma(`"${schema}".cache_size = -${Math.max(LOAD_CACHE_MIN_KIB, Math.floor(LOAD_CACHE_BUDGET_KIB * share))}`);
    });
  }

  /**
   * Writes to a generation being loaded: no journal at all, no sync, a large cache. A batch can
   * still roll back: with cache_spill off no page reaches the file before its commit, so a rollback
   * drops the batch's pages from the cache and the file is as the last commit left it. (A journal in
   * memory held a copy of every page a batch changed, and a batch changes more pages the more
   * findings the log holds: the rebuild's memory grew with the ledger.)
   */
  private loadMode(schema: string): void {
    this.journalOff(schema);
    this.db.pragma(`"${schema}".cache_spill = OFF`);
    this.db.pragma(`"${schema}".synchronous = OFF`);
    this.db.pragma(`"${schema}".cache_size = -${WRITER_CACHE_KIB}`);
    this.loading.add(schema);
  }

  /**
   * A generation being loaded gets a journal in memory while a batch is applied carefully (one
   * savepoint per event: rolling back to one needs the journal), and none again afterwards.
   */
  carefulJournal(projection: string, generation: number, careful: boolean): void {
    const schema = schemaName(projection, generation);
    if (!this.loading.has(schema)) return;
    if (careful) this.db.pragma(`"${schema}".journal_mode = MEMORY`);
    else this.journalOff(schema);
  }

  /** better-sqlite3 opens connections in SQLite's defensive mode, which refuses journal_mode = OFF: lifted for that pragma alone. */
  private journalOff(schema: string): void {
    this.db.unsafeMode(true);
    try {
      const mode = this.db.pragma(`"${schema}".journal_mode = OFF`, { simple: true });
      if (mode !== 'off') throw new Error(`${schema}: a generation being loaded needs journal_mode OFF, but SQLite chose ${String(mode)}`);
    } finally {
      this.db.unsafeMode(false);
    }
  }

  private makeDurable(projection: string, generation: number): void {
    const file = generationFile(this.mainFile, projection, generation);
    fsyncPath(file);
    fsyncPath(path.dirname(file));
  }

  private withState(row: GenerationRow | undefined): Generation | null {
    if (!row) return null;
    if (row.status === 'building' && this.role === 'live') {
      const generation = toGeneration(row, { ...EMPTY_STATE, checkpoint: row.progress_checkpoint, events_applied: row.progress_events });
      if (row.progress_fault !== null) {
        const fault = JSON.parse(row.progress_fault) as Omit<ProjectionFault, 'position'> & { position: string };
        generation.fault = { ...fault, position: BigInt(fault.position) };
      }
      return generation;
    }
    const schema = schemaName(row.projection, Number(row.generation));
    const statements = this.stateOf(schema);
    if (statements === null && row.status !== 'retired') throw this.notAttached(schema);
    return toGeneration(row, statements?.read.get() ?? EMPTY_STATE);
  }

  private requireState(projection: string, generation: number): StateStatements {
    const schema = schemaName(projection, generation);
    const statements = this.stateOf(schema);
    if (!statements) throw this.notAttached(schema);
    return statements;
  }

  /** The statements on a generation's state, attaching its file first when that is possible here; null when not. */
  private stateOf(schema: string): StateStatements | null {
    const known = this.stateStatements.get(schema);
    if (known) return known;
    if (!this.attached.has(schema)) {
      const [projection, generation] = schema.split('__g');
      if (!this.attach(schema, generationFile(this.mainFile, projection, Number(generation)), false)) return null;
    }
    let statements: StateStatements;
    try {
      statements = {
        read: this.db
          .prepare<[], StateRow>(
            `SELECT checkpoint, events_applied, fault_event_id, fault_event_type, fault_position, fault_error, faulted_at FROM "${schema}".generation_state WHERE id = 1`,
          )
          .safeIntegers(true),
        advance: this.db.prepare(`UPDATE "${schema}".generation_state SET checkpoint = ?, events_applied = events_applied + ? WHERE id = 1`),
        fault: this.db.prepare(
          `UPDATE "${schema}".generation_state SET fault_event_id = ?, fault_event_type = ?, fault_position = ?, fault_error = ?, faulted_at = ? WHERE id = 1`,
        ),
        clearFault: this.db.prepare(
          `UPDATE "${schema}".generation_state SET fault_event_id = NULL, fault_event_type = NULL, fault_position = NULL, fault_error = NULL, faulted_at = NULL WHERE id = 1`,
        ),
      };
    } catch {
      // Its file is still being created by another connection.
      return null;
    }
    this.stateStatements.set(schema, statements);
    return statements;
  }

  /**
   * False inside a transaction (ATTACH cannot run there), or when the file is not there or cannot
   * be opened now (create: make it). Another connection may be deleting a retired generation's
   * file and its WAL while this one opens it (SQLite then says "disk I/O error"): the caller looks
   * at the registry again, which by then names the generation that replaced it. Deleted between
   * the look and the ATTACH, the file comes back empty (ATTACH makes one): that is not attached either.
   */
  private attach(schema: string, file: string, create: boolean): boolean {
    if (this.attached.has(schema)) return true;
    if (this.db.inTransaction) return false;
    if (!create && !fs.existsSync(file)) return false;
    try {
      this.db.prepare(`ATTACH DATABASE ? AS "${schema}"`).run(file);
    } catch (error) {
      if (create || !isSqliteError(error)) throw error;
      this.attachErrors.set(schema, error.message);
      return false;
    }
    if (!create && this.db.prepare(`SELECT count(*) FROM "${schema}".sqlite_master`).pluck().get() === 0) {
      this.db.exec(`DETACH DATABASE "${schema}"`);
      this.attachErrors.set(schema, 'it has no tables');
      return false;
    }
    this.attachErrors.delete(schema);
    this.attached.set(schema, file);
    return true;
  }

  /** The error for a schema this connection could not attach, with SQLite's reason when it gave one. */
  private notAttached(schema: string): GenerationNotAttachedError {
    return new GenerationNotAttachedError(schema, this.attachErrors.get(schema));
  }

  private detach(schema: string): void {
    if (this.db.inTransaction) return;
    try {
      this.db.exec(`DETACH DATABASE "${schema}"`);
    } catch {
      // Still read by an open statement: left for the next refresh.
      return;
    }
    this.attached.delete(schema);
    this.loading.delete(schema);
    this.stateStatements.delete(schema);
  }

  private hasTables(projection: string, generation: number): boolean {
    const schema = schemaName(projection, generation);
    if (!this.attach(schema, generationFile(this.mainFile, projection, generation), false)) return false;
    return this.db.prepare(`SELECT count(*) FROM "${schema}".sqlite_schema WHERE name = 'generation_state'`).pluck().get() !== 0;
  }

  /** The generation's file with its tables, its `apply` indexes and its state (`load`: for a rebuild, no query-only indexes). */
  private createTables(projection: Projection, generation: number, mode: 'live' | 'load'): void {
    const schema = schemaName(projection.name, generation);
    const file = generationFile(this.mainFile, projection.name, generation);
    if (mode === 'load') removeFiles(file);
    this.attach(schema, file, true);
    if (mode === 'load') {
      this.loadMode(schema);
    } else {
      const journal = this.db.pragma(`"${schema}".journal_mode = WAL`, { simple: true });
      if (journal !== 'wal') throw new Error(`${file}: a live read model needs WAL mode, but SQLite chose ${String(journal)}`);
      this.db.pragma(`"${schema}".synchronous = NORMAL`);
      this.db.pragma(`"${schema}".cache_size = -${WRITER_CACHE_KIB}`);
    }
    this.db
      .transaction(() => {
        this.db.exec(generationStateSql(schema));
        for (const [table, spec] of Object.entries(projection.tables)) {
          this.db.exec(`CREATE TABLE IF NOT EXISTS "${schema}"."${table}" (${spec.columns})`);
          (spec.indexes ?? []).forEach((columns, index) => {
            this.db.exec(`CREATE INDEX IF NOT EXISTS "${schema}"."${table}__i${index}" ON "${table}" (${columns})`);
          });
        }
      })
      .immediate();
  }

  /** Forgets the generation, then deletes its file (and detaches it here; other connections let go at their next refresh). */
  private dropGeneration(row: GenerationRow): void {
    const generation = Number(row.generation);
    this.statements.remove.run(row.projection, generation);
    const schema = schemaName(row.projection, generation);
    this.detach(schema);
    removeFiles(generationFile(this.mainFile, row.projection, generation));
  }

  /** Tables of the layout before generation files: read models are disposable, so they are rebuilt. */
  private dropLegacyLayout(): void {
    const legacy = this.db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name = ?").pluck();
    if (LEGACY_REGISTRY_TABLES.every((name) => legacy.get(name) === undefined)) return;
    this.db
      .transaction(() => {
        for (const table of this.db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name GLOB '*__g*__*'").pluck().all() as string[]) {
          this.db.exec(`DROP TABLE "${table}"`);
        }
        for (const table of LEGACY_REGISTRY_TABLES) this.db.exec(`DROP TABLE IF EXISTS "${table}"`);
      })
      .immediate();
  }
}
