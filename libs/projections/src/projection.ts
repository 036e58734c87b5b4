import type Database from 'better-sqlite3';
import type { RecordedEvent } from '@ledger/event-store';

/** One read-model table: its column DDL and the column lists to index. */
export interface TableSpec {
  /** What goes between the parentheses of CREATE TABLE: columns and table constraints, e.g. `id TEXT PRIMARY KEY, status TEXT NOT NULL`. */
  readonly columns: string;
  /** Column lists, one index each, e.g. `['status', 'inspection_id, status']`: built with the table, for `apply`'s own lookups. */
  readonly indexes?: readonly string[];
  /**
   * Indexes only the queries use: a generation filled from the start of the log is loaded
   * without them and they are built once it has caught up (one sorted pass instead of a random
   * write per row). Queries of a generation still catching up run without them.
   */
  readonly queryIndexes?: readonly string[];
}

/** What `apply` gets besides the event: the database, inside the transaction of the current batch. */
export interface ProjectionContext {
  readonly db: Database.Database;
  /** The physical name of one of this projection's tables in the generation being written. */
  table(name: string): string;
  /** `db.prepare(sql)`, cached for the generation being written: call it freely from `apply`. */
  statement(sql: string): Database.Statement;
}

/**
 * A read model built from the log. The runner owns its tables: it creates them per generation
 * (a rebuild writes fresh ones while the old ones serve) and feeds `apply` every event in log
 * order, exactly once per generation, inside the same transaction that stores the checkpoint.
 *
 * - `name` and table names: lower-case snake case (`[a-z][a-z0-9]*` words joined by one `_`).
 * - `version`: bump it whenever `apply` would now write different rows for the same events;
 *   the runner then rebuilds the projection from the start of the log. A change to `tables`
 *   triggers a rebuild by itself.
 * - `apply` keeps all its state in its tables (no memory between calls: a batch can be rolled
 *   back; within a batch only through `flush` and `discard`), is deterministic (replaying the log gives the same rows) and throws on an event it
 *   cannot apply: that stops this projection, reported with the event, and nothing is skipped.
 *   Events it has no use for it simply ignores.
 * - DDL cannot refer to other tables (no foreign keys): physical names change per generation.
 */
export interface Projection {
  readonly name: string;
  readonly version: number;
  readonly tables: Readonly<Record<string, TableSpec>>;
  apply(event: RecordedEvent, context: ProjectionContext): void;
  /**
   * Optional, with `discard`: lets `apply` keep rows in memory within one batch (read once, written
   * once). The engine calls `flush` inside the batch's transaction before it commits and every
   * FLUSH_EVERY_EVENTS events of a large batch (after every event when it applies carefully, one
   * event per savepoint), and `discard` when that work is rolled back. After either, nothing of the batch may be left in memory.
   */
  flush?(context: ProjectionContext): void;
  discard?(context: ProjectionContext): void;
  /**
   * Optional: called in a transaction of its own once the query-only indexes have been built (a
   * generation that has caught up), for work `apply` put off while it loaded without them.
   */
  afterIndexes?(context: ProjectionContext): void;
}

const SNAKE_CASE = /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/;

/** Refuses a projection list the runner could not keep apart or name safely in SQL. */
export function checkProjections(projections: readonly Projection[]): void {
  const seen = new Set<string>();
  for (const projection of projections) {
    if (!SNAKE_CASE.test(projection.name)) {
      throw new Error(`projection name "${projection.name}" must be lower-case snake case (letters, digits, single underscores)`);
    }
    if (seen.has(projection.name)) throw new Error(`two projections are named "${projection.name}"`);
    seen.add(projection.name);
    if (!Number.isInteger(projection.version) || projection.version < 1) {
      throw new Error(`projection ${projection.name}: version must be an integer >= 1, not ${projection.version}`);
    }
    const tables = Object.keys(projection.tables);
    if (tables.length === 0) throw new Error(`projection ${projection.name} declares no table`);
    for (const table of tables) {
      if (!SNAKE_CASE.test(table)) {
        throw new Error(`projection ${projection.name}: table name "${table}" must be lower-case snake case`);
      }
    }
  }
}
