import Database from 'better-sqlite3';
import { checkProjections, type Projection } from './projection';
import { type Generation, GenerationNotAttachedError, GenerationRegistry, physicalTableName, type RegistryRole } from './registry/generation-registry';

/** The read models' file inside the data folder, next to (never inside) the embedded log. */
export const READ_MODELS_FILE = 'read-models.sqlite';

/** How often a wait for a position looks for progress made by another process on the same file. */
const POLL_INTERVAL_MS = 25;
/** Waiting on a busy writer (another process applying a batch) before SQLite gives up. */
const BUSY_TIMEOUT_MS = 5000;

/** Attempts of a query whose generation files had to be attached first (another process swapped one in). */
const READ_ATTEMPTS = 4;

/**
 * The read-model database: one SQLite file (WAL) holding the registry of every projection's
 * generations, with each generation's tables in a file of its own beside it, attached to this
 * connection (see GenerationRegistry). They can be deleted at any time: the runner rebuilds them
 * from the log. Queries find the live tables through `table()`; several processes may share the
 * files, and a generation swapped in by another one is attached at the next `read()`.
 */
export class ReadModels {
  private readonly byName: ReadonlyMap<string, Projection>;
  private readonly commitListeners = new Set<() => void>();
  private readonly waitListeners = new Set<() => void>();

  private constructor(
    readonly db: Database.Database,
    readonly registry: GenerationRegistry,
    readonly projections: readonly Projection[],
    readonly file: string,
  ) {
    this.byName = new Map(projections.map((projection) => [projection.name, projection]));
  }

  /**
   * Opens (and if need be creates) the read-model database for these projections. `build`: a
   * rebuild's own connection, attaching the files of building generations instead of active ones.
   */
  static open(file: string, projections: readonly Projection[], role: RegistryRole = 'live'): ReadModels {
    checkProjections(projections);
    const db = new Database(file);
    try {
      db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
      const journalMode = db.pragma('journal_mode = WAL', { simple: true });
      if (journalMode !== 'wal') throw new Error(`${file}: the read models need WAL mode, but SQLite chose ${String(journalMode)}`);
      // Rows and checkpoint commit together, so a lost last commit after a power cut is simply replayed.
      db.pragma('synchronous = NORMAL');
      return new ReadModels(db, new GenerationRegistry(db, file, role), [...projections], file);
    } catch (error) {
      db.close();
      throw error;
    }
  }

  /**
   * A connection that only reads the read models another connection keeps (it must have opened
   * the file first): it attaches the active generations and follows swaps like any other.
   */
  static openReadOnly(file: string, projections: readonly Projection[]): ReadModels {
    checkProjections(projections);
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
      return new ReadModels(db, new GenerationRegistry(db, file, 'live'), [...projections], file);
    } catch (error) {
      db.close();
      throw error;
    }
  }

  projection(name: string): Projection {
    const projection = this.byName.get(name);
    if (!projection) {
      throw new Error(`unknown projection "${name}"; known: ${[...this.byName.keys()].join(', ') || 'none'}`);
    }
    return projection;
  }

  /** The generation queries read for this projection, or null before the runner first started it. */
  activeGeneration(name: string): Generation | null {
    return this.registry.active(this.projection(name).name);
  }

  /**
   * The physical name of a table in the live generation. The name changes when a rebuild swaps,
   * so resolve it per query, and run queries that use it in `read()` when another process may
   * be rebuilding (its swap drops the old tables).
   */
  table(projection: string, table: string): string {
    const declared = this.projection(projection);
    if (!Object.hasOwn(declared.tables, table)) {
      throw new Error(`projection ${projection} has no table "${table}"; it has: ${Object.keys(declared.tables).join(', ')}`);
    }
    const generation = this.registry.activeNumber(projection);
    if (generation === null) throw new Error(`projection ${projection} has no tables yet: start the projection runner first`);
    return physicalTableName(projection, generation, table);
  }

  /** Runs a query on one snapshot of the database: table names and rows from the same moment. */
  read<T>(query: () => T): T {
    if (this.db.inTransaction) return this.db.transaction(query).deferred();
    for (let attempt = 1; ; attempt += 1) {
      this.registry.refresh();
      try {
        return this.db.transaction(query).deferred();
      } catch (error) {
        if (!(error instanceof GenerationNotAttachedError) || attempt >= READ_ATTEMPTS) throw error;
        this.registry.refresh(true);
      }
    }
  }

  /**
   * True when the named projections have applied the log up to `position`. Without names: every
   * projection except faulted ones (a faulted projection never gets there; status reports it).
   */
  reachedPosition(position: bigint, names?: readonly string[]): boolean {
    const waitFor = names ?? this.projections.map((projection) => projection.name);
    return this.read(() =>
      waitFor.every((name) => {
        const active = this.activeGeneration(name);
        if (!active) return false;
        if (active.fault !== null && names === undefined) return true;
        return active.checkpoint !== null && active.checkpoint >= position;
      }),
    );
  }

  /**
   * Read your own writes: resolves true once the read models have reached the position a command
   * returned, false when `timeoutMs` runs out first. Name the projections a query reads to wait
   * for those only. A projection rebuilding for a new version serves its previous generation,
   * which stands still until the swap.
   */
  async waitForPosition(position: bigint, timeoutMs: number, names?: readonly string[]): Promise<boolean> {
    names?.forEach((name) => this.projection(name));
    const deadline = Date.now() + timeoutMs;
    let told = false;
    while (!this.reachedPosition(position, names)) {
      if (!told) for (const listener of [...this.waitListeners]) listener();
      told = true;
      const remaining = deadline - Date.now();
      if (remaining <= 0) return false;
      await this.nextCommit(Math.min(remaining, POLL_INTERVAL_MS));
    }
    return true;
  }

  /**
   * `listener` is called when a wait for a position starts that the read models have not reached
   * (e.g. to tell a projection thread of appends now rather than later). Returns a function that
   * stops listening.
   */
  onWait(listener: () => void): () => void {
    this.waitListeners.add(listener);
    return () => this.waitListeners.delete(listener);
  }

  /** Called by the runner after each batch it commits, to wake waiters at once. */
  notifyCommitted(): void {
    for (const listener of [...this.commitListeners]) listener();
  }

  close(): void {
    this.db.close();
  }

  private nextCommit(timeoutMs: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.commitListeners.delete(done);
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      this.commitListeners.add(done);
    });
  }
}
