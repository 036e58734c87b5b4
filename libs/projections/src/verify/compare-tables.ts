import type Database from 'better-sqlite3';

export type Row = Record<string, unknown>;

/**
 * One row that is not the same in the live table and the rebuilt one. `key` is the primary key
 * when the table has one; a row stored more than once shows it in its `copies`.
 */
export interface RowDifference {
  kind: 'changed' | 'only-live' | 'only-rebuilt';
  key: Row | null;
  live: Row | null;
  rebuilt: Row | null;
  liveCopies: number;
  rebuiltCopies: number;
}

export interface TableComparison {
  table: string;
  liveRows: number;
  rebuiltRows: number;
  /** Set when the two tables do not even have the same columns. */
  columns: { live: string[]; rebuilt: string[] } | null;
  differences: RowDifference[];
  /** More rows differ than are listed. */
  truncated: boolean;
}

const COPIES = '__ledger_copies';

function quote(identifier: string): string {
  return `"${identifier.replaceAll('"', '""')}"`;
}

interface ColumnInfo {
  name: string;
  pk: number;
}

function columnsOf(db: Database.Database, schema: string, table: string): ColumnInfo[] {
  return db.prepare<[string, string], ColumnInfo>('SELECT name, pk FROM pragma_table_info(?, ?) ORDER BY cid').all(table, schema);
}

/**
 * Compares `liveTable` with `rebuiltTable` (each `schema.table`) as multisets of rows (a row applied twice
 * is a difference), on the connection's current snapshot.
 */
export function compareTables(
  db: Database.Database,
  table: string,
  liveTable: string,
  rebuiltTable: string,
  maxDifferences: number,
): TableComparison {
  const count = (schema: string, name: string) =>
    Number(db.prepare<[], number>(`SELECT count(*) FROM ${schema}.${quote(name)}`).pluck().get());
  const [liveSchema, liveName] = liveTable.split('.');
  const [rebuiltSchema, rebuiltName] = rebuiltTable.split('.');
  const liveColumns = columnsOf(db, liveSchema, liveName);
  const rebuiltColumns = columnsOf(db, rebuiltSchema, rebuiltName);
  const comparison: TableComparison = {
    table,
    liveRows: count(liveSchema, liveName),
    rebuiltRows: count(rebuiltSchema, rebuiltName),
    columns: null,
    differences: [],
    truncated: false,
  };
  const names = rebuiltColumns.map((column) => column.name);
  if (JSON.stringify(liveColumns.map((column) => column.name)) !== JSON.stringify(names)) {
    comparison.columns = { live: liveColumns.map((column) => column.name), rebuilt: names };
    return comparison;
  }

  const list = names.map(quote).join(', ');
  const grouped = (schema: string, name: string) => `SELECT ${list}, count(*) AS ${COPIES} FROM ${schema}.${quote(name)} GROUP BY ${list}`;
  const onlyIn = (first: string, second: string) =>
    db.prepare<[number], Row>(`SELECT * FROM (${first} EXCEPT ${second}) LIMIT ?`).all(maxDifferences + 1);
  const onlyLive = onlyIn(grouped(liveSchema, liveName), grouped(rebuiltSchema, rebuiltName));
  const onlyRebuilt = onlyIn(grouped(rebuiltSchema, rebuiltName), grouped(liveSchema, liveName));
  comparison.truncated = onlyLive.length > maxDifferences || onlyRebuilt.length > maxDifferences;

  const keyColumns = rebuiltColumns.filter((column) => column.pk > 0).sort((a, b) => a.pk - b.pk).map((column) => column.name);
  const split = (row: Row) => {
    const { [COPIES]: copies, ...values } = row;
    const key = keyColumns.length > 0 ? Object.fromEntries(keyColumns.map((column) => [column, values[column]])) : null;
    // Without a primary key, the same row on both sides differs only in how many times it is stored.
    return { values, copies: Number(copies), key, pairing: show(key ?? values) };
  };
  const rebuiltRows = onlyRebuilt.slice(0, maxDifferences).map(split);
  const unpaired = new Map(rebuiltRows.map((row) => [row.pairing, row]));

  for (const live of onlyLive.slice(0, maxDifferences).map(split)) {
    const rebuilt = unpaired.get(live.pairing);
    unpaired.delete(live.pairing);
    comparison.differences.push({
      kind: rebuilt ? 'changed' : 'only-live',
      key: live.key,
      live: live.values,
      rebuilt: rebuilt?.values ?? null,
      liveCopies: live.copies,
      rebuiltCopies: rebuilt?.copies ?? 0,
    });
  }
  for (const rebuilt of unpaired.values()) {
    comparison.differences.push({ kind: 'only-rebuilt', key: rebuilt.key, live: null, rebuilt: rebuilt.values, liveCopies: 0, rebuiltCopies: rebuilt.copies });
  }
  return comparison;
}

function show(row: Row | null): string {
  return JSON.stringify(row, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value));
}

/** One line naming the row and how it differs. */
export function describeRowDifference(difference: RowDifference): string {
  const times = (copies: number) => (copies > 1 ? ` (${copies} copies)` : '');
  switch (difference.kind) {
    case 'changed':
      if (difference.key === null) {
        return `row ${show(difference.live)} is stored ${difference.liveCopies} times in the live table, ${difference.rebuiltCopies} in the rebuild`;
      }
      return `row ${show(difference.key)} differs: live ${show(difference.live)}, rebuilt ${show(difference.rebuilt)}`;
    case 'only-live':
      return `row ${show(difference.live)}${times(difference.liveCopies)} is in the live table but not in the rebuild`;
    case 'only-rebuilt':
      return `row ${show(difference.rebuilt)}${times(difference.rebuiltCopies)} is in the rebuild but missing from the live table`;
  }
}
