import type Database from 'better-sqlite3';
import type { SqlValue } from './rows';

/**
 * What the queries need from the read-model database (`ReadModels` provides it): the live
 * physical name of a projection's table, and a snapshot to read several tables consistently.
 */
export interface ReadModelReader {
  readonly db: Database.Database;
  table(projection: string, table: string): string;
  read<T>(query: () => T): T;
}

export interface PageRequest {
  limit: number;
  offset: number;
}

/** A page of a longer list, with the length of the whole list. */
export interface Page<T> {
  total: number;
  limit: number;
  offset: number;
  items: T[];
}

/** The conditions of a WHERE clause built from optional filters, with named parameters. */
export class Conditions {
  private readonly parts: string[] = [];
  readonly params: Record<string, SqlValue> = {};

  add(sql: string, params: Record<string, SqlValue> = {}): this {
    this.parts.push(sql);
    Object.assign(this.params, params);
    return this;
  }

  /** Parameters used by the SELECT's columns rather than by a condition. */
  bind(params: Record<string, SqlValue>): this {
    Object.assign(this.params, params);
    return this;
  }

  /** `column IN (...)` for a non-empty list; the parameter names are derived from `name`. */
  addIn(column: string, name: string, values: readonly string[]): this {
    const names = values.map((_, index) => `${name}${index}`);
    return this.add(`${column} IN (${names.map((n) => `@${n}`).join(', ')})`, Object.fromEntries(names.map((n, index) => [n, values[index]])));
  }

  toSql(): string {
    return this.parts.length === 0 ? '' : `WHERE ${this.parts.join(' AND ')}`;
  }
}

/** `LIKE` pattern matching `text` anywhere, with the wildcards in it taken literally (ESCAPE '\'). */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export interface PagedSql {
  /** The column list of the SELECT. */
  columns: string;
  /** The FROM clause (tables and joins), with physical table names. */
  from: string;
  where: Conditions;
  orderBy: string;
}

/**
 * Runs a counted, paged query on one snapshot. `build` runs inside the snapshot, so that the
 * table names it resolves and the rows it reads belong to the same generation.
 */
export function pageOf<Row, Item>(reader: ReadModelReader, build: () => PagedSql, page: PageRequest, toItem: (row: Row) => Item): Page<Item> {
  return reader.read(() => {
    const sql = build();
    const where = sql.where.toSql();
    const total = reader.db.prepare(`SELECT count(*) FROM ${sql.from} ${where}`).pluck().get(sql.where.params) as number | bigint;
    const rows = reader.db
      .prepare(`SELECT ${sql.columns} FROM ${sql.from} ${where} ORDER BY ${sql.orderBy} LIMIT @__limit OFFSET @__offset`)
      .all({ ...sql.where.params, __limit: page.limit, __offset: page.offset }) as Row[];
    return { total: Number(total), limit: page.limit, offset: page.offset, items: rows.map(toItem) };
  });
}
