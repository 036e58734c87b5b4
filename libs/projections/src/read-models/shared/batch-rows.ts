import type { ProjectionContext } from '../../projection';
import { getRow, type SqlRow, upsertRow } from './rows';

/**
 * Rows of one table that `apply` reads and rewrites for many events of a batch (a finding's
 * running state): each is read from the table once, kept in memory while the batch runs, and
 * written once when the engine flushes the batch. `load` reads a row by its key, `store` writes
 * one; `flush` stores the changed rows and forgets them all, `discard` forgets them unwritten.
 */
export class BatchRows<Row> {
  private readonly rows = new Map<string, Row | undefined>();
  private readonly changed = new Set<string>();

  constructor(
    private readonly load: (key: string) => Row | undefined,
    private readonly store: (row: Row) => void,
  ) {}

  get(key: string): Row | undefined {
    if (this.rows.has(key)) return this.rows.get(key);
    const row = this.load(key);
    this.rows.set(key, row);
    return row;
  }

  /** Replaces the row: it is written at the next flush. */
  set(key: string, row: Row): void {
    this.rows.set(key, row);
    this.changed.add(key);
  }

  flush(): void {
    for (const key of this.changed) this.store(this.rows.get(key) as Row);
    this.discard();
  }

  discard(): void {
    this.rows.clear();
    this.changed.clear();
  }
}

/**
 * What a projection keeps for the batch being written to each generation (a context is one
 * generation's): made on first use, flushed or discarded by the engine through the projection.
 */
export class PerBatch<State extends { flush(): void; discard(): void }> {
  private readonly states = new WeakMap<ProjectionContext, State>();

  constructor(private readonly create: (context: ProjectionContext) => State) {}

  of(context: ProjectionContext): State {
    let state = this.states.get(context);
    if (state === undefined) this.states.set(context, (state = this.create(context)));
    return state;
  }

  flush(context: ProjectionContext): void {
    this.states.get(context)?.flush();
  }

  discard(context: ProjectionContext): void {
    this.states.get(context)?.discard();
  }
}

/** A projection's `findings` rows (keyed by recommendation id) that a batch touches, read once and written once per batch. */
export function findingRowsPerBatch<Row extends object>(): PerBatch<BatchRows<Row>> {
  return new PerBatch(
    (context) =>
      new BatchRows<Row>(
        (recommendationId) => getRow<Row>(context, 'findings', 'recommendation_id', recommendationId),
        (row) => upsertRow(context, 'findings', ['recommendation_id'], { ...row } as SqlRow),
      ),
  );
}
