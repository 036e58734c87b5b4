import type { ProjectionContext } from '../../projection';

export type SqlValue = string | number | bigint | null;
export type SqlRow = Record<string, SqlValue>;

/** Writes a whole row, replacing the row with the same primary key. */
export function putRow(context: ProjectionContext, table: string, row: SqlRow): void {
  const columns = Object.keys(row);
  const sql = `INSERT OR REPLACE INTO ${context.table(table)} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`;
  context.statement(sql).run(row);
}

/** One row by one key column, or undefined. */
export function getRow<Row>(context: ProjectionContext, table: string, keyColumn: string, key: SqlValue): Row | undefined {
  return context.statement(`SELECT * FROM ${context.table(table)} WHERE ${keyColumn} = ?`).get(key) as Row | undefined;
}

/** Sets some columns of the rows matching one key column. */
export function updateRows(context: ProjectionContext, table: string, keyColumn: string, key: SqlValue, values: SqlRow): void {
  const columns = Object.keys(values);
  const sql = `UPDATE ${context.table(table)} SET ${columns.map((c) => `${c} = @${c}`).join(', ')} WHERE ${keyColumn} = @__key`;
  context.statement(sql).run({ ...values, __key: key });
}
