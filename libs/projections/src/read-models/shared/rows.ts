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

/**
 * Writes a whole row by its primary key (`keys`): in place when a row with that key exists, and
 * not at all when it holds these values already. INSERT OR REPLACE deletes the row and inserts it
 * again at the end of the table, which rewrites its key's index entry and a second table page on
 * every write; rows a batch keeps in memory (BatchRows) are written once per batch this way.
 */
export function upsertRow(context: ProjectionContext, table: string, keys: readonly string[], row: SqlRow): void {
  const columns = Object.keys(row);
  const statement = cached(context, `${table}(${columns.join()}) by ${keys.join()}`, () => upsertSql(context.table(table), keys, columns));
  statement.run(...Object.values(row));
}

/** `INSERT ... ON CONFLICT (keys) DO UPDATE` of the other columns, only where one of them differs. */
export function upsertSql(physicalTable: string, keys: readonly string[], columns: readonly string[]): string {
  const others = columns.filter((column) => !keys.includes(column));
  const insert = `INSERT INTO ${physicalTable} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')}) ON CONFLICT (${keys.join(', ')})`;
  if (others.length === 0) return `${insert} DO NOTHING`;
  return `${insert} DO UPDATE SET ${others.map((column) => `${column} = excluded.${column}`).join(', ')} WHERE ${others.map((column) => `${column} IS NOT excluded.${column}`).join(' OR ')}`;
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
