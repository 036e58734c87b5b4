export * from './event-store.port';
export * from './event-store-decorator';
export { mapAsyncIterable } from './map-async-iterable';
export { stopWorker, workerScript } from './worker-script';
export { type ChainRow, SqliteEventStore, type SqliteEventStoreOptions, type StreamHeadRow } from './embedded/sqlite-event-store';
export type { EventRow } from './embedded/event-row';
export { SCHEMA_VERSION } from './embedded/schema';
export { LEDGER_STREAM_PREFIXES } from './esdb/ledger-stream-prefixes';
export { BOOKKEEPING_STREAM_PREFIXES, IDEMPOTENCY_STREAM_PREFIX, isBookkeepingStream } from './bookkeeping-streams';
// Types only: the adapter module loads the gRPC client, which createEventStore loads only when chosen.
export type { EsdbEventStore, EsdbEventStoreOptions } from './esdb/esdb-event-store';
export { EMBEDDED_EVENTS_FILE, createEventStore, eventStoreConfigFromEnv } from './create-event-store';
export type { EventStoreConfig } from './create-event-store';
export * from './upcasting';
