import Database from 'better-sqlite3';
import type { RecordedEvent } from '@ledger/event-store';
import type { Projection, ProjectionContext } from '../../projection';
import type { ReadModelReader } from './reader';

/**
 * Projections applied to a private in-memory database, for a view computed from the log on
 * demand (the "as at" register) with the very projection and query code that serve the live one.
 */
export class ScratchReadModels implements ReadModelReader {
  private readonly contexts: ReadonlyMap<string, ProjectionContext>;

  private constructor(
    readonly db: Database.Database,
    private readonly projections: readonly Projection[],
  ) {
    this.contexts = new Map(projections.map((projection) => [projection.name, this.contextFor(projection)]));
  }

  static create(projections: readonly Projection[]): ScratchReadModels {
    const db = new Database(':memory:');
    for (const projection of projections) {
      for (const [table, spec] of Object.entries(projection.tables)) {
        const name = scratchName(projection.name, table);
        db.exec(`CREATE TABLE ${name} (${spec.columns})`);
        spec.indexes?.forEach((columns, index) => db.exec(`CREATE INDEX ${name}__i${index} ON ${name} (${columns})`));
        spec.queryIndexes?.forEach((columns, index) => db.exec(`CREATE INDEX ${name}__q${index} ON ${name} (${columns})`));
      }
    }
    return new ScratchReadModels(db, projections);
  }

  apply(event: RecordedEvent): void {
    for (const projection of this.projections) {
      const context = this.contexts.get(projection.name) as ProjectionContext;
      try {
        projection.apply(event, context);
        projection.flush?.(context);
      } catch (error) {
        projection.discard?.(context);
        throw error;
      }
    }
  }

  table(projection: string, table: string): string {
    return scratchName(projection, table);
  }

  read<T>(query: () => T): T {
    return query();
  }

  close(): void {
    this.db.close();
  }

  private contextFor(projection: Projection): ProjectionContext {
    const statements = new Map<string, Database.Statement>();
    return {
      db: this.db,
      table: (table) => {
        if (!Object.hasOwn(projection.tables, table)) throw new Error(`projection ${projection.name} has no table "${table}"`);
        return scratchName(projection.name, table);
      },
      statement: (sql) => {
        let statement = statements.get(sql);
        if (!statement) statements.set(sql, (statement = this.db.prepare(sql)));
        return statement;
      },
    };
  }
}

function scratchName(projection: string, table: string): string {
  return `${projection}__${table}`;
}
