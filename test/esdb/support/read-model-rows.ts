import type { EventStore } from '@ledger/event-store';
import type { ReadModels } from '@ledger/projections';

/** Every live row of every projection's tables: `projection.table` -> rows, in a stable order. */
export type ReadModelRows = Record<string, string[]>;

/**
 * The read models' rows with each log position replaced by the event's ordinal among the
 * ledger's events (`#1`, `#2` ...): the embedded store numbers positions 1, 2, 3 and EventStoreDB
 * uses byte offsets, so only the order they stand for can be compared across stores. Position
 * columns are named `position` (or end in `_position`; `_positions`: a comma-separated list of
 * them); integers are read as bigints so no large offset is rounded.
 */
export async function readModelRows(store: EventStore, readModels: ReadModels, ledgerPrefixes: readonly string[]): Promise<ReadModelRows> {
  const ordinal = new Map<bigint, string>();
  for await (const event of store.readAll()) {
    if (ledgerPrefixes.some((prefix) => event.streamId.startsWith(prefix))) ordinal.set(event.position, `#${ordinal.size + 1}`);
  }
  const rows: ReadModelRows = {};
  for (const projection of readModels.projections) {
    for (const table of Object.keys(projection.tables)) {
      const statement = readModels.db.prepare(`SELECT * FROM ${readModels.table(projection.name, table)}`).safeIntegers(true);
      rows[`${projection.name}.${table}`] = (statement.all() as Record<string, unknown>[])
        .map((row) =>
          JSON.stringify(row, (column, value: unknown) => {
            const standsFor = (position: bigint) => {
              const stands = ordinal.get(position);
              if (stands === undefined) throw new Error(`${projection.name}.${table}: position ${position} is not a ledger event's`);
              return stands;
            };
            if (column.endsWith('_positions') && typeof value === 'string') return value === '' ? value : value.split(',').map((position) => standsFor(BigInt(position))).join(',');
            if (typeof value !== 'bigint') return value;
            if (column !== 'position' && !column.endsWith('_position')) return String(value);
            return standsFor(value);
          }),
        )
        .sort();
    }
  }
  return rows;
}
