import * as fs from 'node:fs';
import * as path from 'node:path';
import { SqliteEventStore, type SqliteEventStoreOptions } from './embedded/sqlite-event-store';
import type { EventStore } from './event-store.port';
import type * as EsdbAdapter from './esdb/esdb-event-store';

export type EventStoreConfig = { kind: 'embedded'; dataDir: string } | { kind: 'esdb'; connectionString: string };

/** The embedded log's file inside the data folder. */
export const EMBEDDED_EVENTS_FILE = 'events.sqlite';

/** `embedded`: options for the embedded store (ignored by EventStoreDB). */
export async function createEventStore(config: EventStoreConfig, embedded: SqliteEventStoreOptions = {}): Promise<EventStore> {
  switch (config.kind) {
    case 'embedded':
      fs.mkdirSync(config.dataDir, { recursive: true });
      return SqliteEventStore.open(path.join(config.dataDir, EMBEDDED_EVENTS_FILE), embedded);
    case 'esdb': {
      // Loaded only when chosen, so the embedded default never loads the gRPC client. A require,
      // not import(): the build is CommonJS, where import() of an extensionless path fails.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { EsdbEventStore } = require('./esdb/esdb-event-store') as typeof EsdbAdapter;
      return EsdbEventStore.connect(config.connectionString);
    }
  }
}

/**
 * LEDGER_EVENT_STORE: `embedded` (default) or `esdb`; LEDGER_DATA_DIR: the embedded store's
 * folder (default ./data); ESDB_CONNECTION_STRING: required for `esdb`.
 */
export function eventStoreConfigFromEnv(env: Record<string, string | undefined>): EventStoreConfig {
  const kind = env.LEDGER_EVENT_STORE?.trim() || 'embedded';
  switch (kind) {
    case 'embedded':
      return { kind, dataDir: env.LEDGER_DATA_DIR?.trim() || './data' };
    case 'esdb': {
      const connectionString = env.ESDB_CONNECTION_STRING?.trim();
      if (!connectionString) {
        throw new Error('ESDB_CONNECTION_STRING is required when LEDGER_EVENT_STORE=esdb (e.g. esdb://localhost:2113?tls=false)');
      }
      return { kind, connectionString };
    }
    default:
      throw new Error(`LEDGER_EVENT_STORE must be "embedded" or "esdb", not "${kind}"`);
  }
}
