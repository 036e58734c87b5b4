export * from './event-store.port';
export { SqliteEventStore } from './embedded/sqlite-event-store';
export { EMBEDDED_EVENTS_FILE, createEventStore, eventStoreConfigFromEnv } from './create-event-store';
export type { EventStoreConfig } from './create-event-store';
export * from './upcasting';
