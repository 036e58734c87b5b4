import type Database from 'better-sqlite3';
import type { ProjectionContext } from '../../projection';

export type SqlValue = string | number | bigint | null;
export type SqlRow = Record<string, SqlValue>;

/**
 * Statements by a short key per generation being written: apply runs these for every event, and
 * building and hashing the SQL text each time (the context's own cache is keyed by it) costs more
 * than running some of them.
 */
const statements = new WeakMap<ProjectionContext, Map<string, Database.Statement>>();

export function cached(context: ProjectionContext, key: string, sql: () => string): Database.Statement {
  let forContext = statements.get(context);
  if (forContext === undefined) statements.set(context, (forContext = new Map()));
  let statement = forContext.get(key);
  if (statement === undefined) forContext.set(key, (statement = context.statement(sql())));
  return statement;
}

/** Writes a whole row, replacing the row with the same primary key. */
export function putRow(context: ProjectionContext, table: string, row: SqlRow): void {
  const columns = Object.keys(row);
  const statement = cached(context, `${table}(${columns.join()})`, () => `INSERT OR REPLACE INTO ${context.table(table)} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
  statement.run(...Object.values(row));
}

/** One row by one key column, or undefined. */
export function getRow<Row>(context: ProjectionContext, table: string, keyColumn: string, key: SqlValue): Row | undefined {
  return cached(context, `${table}.${keyColumn}`, () => `SELECT * FROM ${context.table(table)} WHERE ${keyColumn} = ?`).get(key) as Row | undefined;
}

/** Sets some columns of the rows matching one key column. */
export function updateRows(context: ProjectionContext, table: string, keyColumn: string, key: SqlValue, values: SqlRow): void {
  const columns = Object.keys(values);
  const sql = `UPDATE ${context.table(table)} SET ${columns.map((c) => `${c} = @${c}`).join(', ')} WHERE ${keyColumn} = @__key`;
  context.statement(sql).run({ ...values, __key: key });
}
