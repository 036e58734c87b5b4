import { DEFAULT_UPCASTERS, type EventStore, UpcastingEventStore, createEventStore, eventStoreConfigFromEnv } from '@ledger/event-store';
import { HashChainedEventStore } from './hash-chain/hash-chained-event-store';

/**
 * The log as the ledger itself writes and reads it, whichever store holds it: every append is
 * hash-chained, every read is upcast to the current shape of its event type. Tools that must see
 * exactly what is stored (verify, export, import) use the raw store instead.
 */
export function ledgerEventStore(raw: EventStore): EventStore {
  return new UpcastingEventStore(new HashChainedEventStore(raw), DEFAULT_UPCASTERS);
}

/** The configured store (LEDGER_EVENT_STORE, LEDGER_DATA_DIR, ESDB_CONNECTION_STRING) as the ledger uses it. */
export async function openLedgerEventStore(env: Record<string, string | undefined>): Promise<EventStore> {
  return ledgerEventStore(await createEventStore(eventStoreConfigFromEnv(env)));
}
