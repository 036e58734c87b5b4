import { randomUUID } from 'node:crypto';
import type { EventStore, RecordedEvent } from '@ledger/event-store';
import type { Projection, ProjectionContext } from '../projection';
import * as path from 'node:path';
import type { ReadModels } from '../read-model-database';
import { readModelFiles } from '../registry/generation-registry';

/**
 * Events per type: `counts(type, n)`. `weight` lets a new version write different rows for the
 * same events; `failOn` makes it throw on events of that type.
 */
export function countsByType(options: { version?: number; weight?: number; failOn?: string } = {}): Projection {
  const weight = options.weight ?? 1;
  return {
    name: 'counts_by_type',
    version: options.version ?? 1,
    tables: { counts: { columns: 'type TEXT PRIMARY KEY, n INTEGER NOT NULL' } },
    apply(event: RecordedEvent, context: ProjectionContext) {
      if (event.type === options.failOn) throw new Error(`cannot apply a ${event.type}`);
      context
        .statement(`INSERT INTO ${context.table('counts')} (type, n) VALUES (?, ?) ON CONFLICT (type) DO UPDATE SET n = n + excluded.n`)
        .run(event.type, weight);
    },
  };
}

/**
 * One row per event given, with no key: an event applied twice shows as two rows, a lost one as a gap.
 * `failOn` makes it throw, after writing its row, on events of that type.
 */
export function eventLog(options: { failOn?: string; name?: string } = {}): Projection {
  return {
    name: options.name ?? 'event_log',
    version: 1,
    tables: { seen: { columns: 'position INTEGER NOT NULL, event_id TEXT NOT NULL, stream_id TEXT NOT NULL', indexes: ['position'] } },
    apply(event: RecordedEvent, context: ProjectionContext) {
      context.statement(`INSERT INTO ${context.table('seen')} VALUES (?, ?, ?)`).run(event.position, event.id, event.streamId);
      if (event.type === options.failOn) throw new Error(`cannot apply a ${event.type}`);
    },
  };
}

/** Appends `count` events, cycling through the types and over `streams` streams, `perAppend` at a time. */
export async function appendEvents(
  store: EventStore,
  count: number,
  options: { types?: readonly string[]; streams?: number; prefix?: string; perAppend?: number } = {},
): Promise<bigint> {
  const types = options.types ?? ['InspectionRegistered', 'FindingIssued', 'RecommendationAccepted'];
  const streams = options.streams ?? 5;
  const perAppend = options.perAppend ?? 1;
  let position = 0n;
  for (let first = 0; first < count; first += perAppend) {
    const streamId = `${options.prefix ?? 'recommendation'}-${(first / perAppend) % streams}`;
    const events = [];
    for (let n = first; n < Math.min(count, first + perAppend); n += 1) {
      events.push({ id: randomUUID(), type: types[n % types.length], data: { n }, metadata: { schemaVersion: 1 } });
    }
    position = (await store.append(streamId, events, 'any')).position;
  }
  return position;
}

/** The rows of a projection's live table, in a stable order. */
export function rowsOf(readModels: ReadModels, projection: string, table: string): unknown[] {
  return readModels.read(() => readModels.db.prepare(`SELECT * FROM ${readModels.table(projection, table)} ORDER BY 1, 2`).all());
}

export const SILENT_LOGGER = { log: () => undefined, warn: () => undefined };

/** The generation files left beside the registry. */
export function generationFilesOf(readModels: ReadModels): string[] {
  return readModelFiles(readModels.file)
    .map((file) => path.basename(file))
    .filter((name) => name.endsWith('.sqlite') && name !== path.basename(readModels.file))
    .sort();
}
