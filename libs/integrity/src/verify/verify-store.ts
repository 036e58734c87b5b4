import { type EventStore, SqliteEventStore } from '@ledger/event-store';
import { fromRecordedEvents } from '../log/ledger-event';
import { readLog } from '../log/read-log';
import type { VerificationReport } from './chain-break';
import { verifyEvents } from './verify-events';
import { verifyStoredLog } from './verify-stored-log';

/**
 * Verifies the live log from its start, up to `upToPosition` if given. The embedded store is
 * checked on its stored bytes first; any other store, and any embedded log that does not pass
 * that check, goes through the full verification, which names the first break.
 */
export async function verifyStore(store: EventStore, upToPosition?: bigint): Promise<VerificationReport> {
  if (store instanceof SqliteEventStore) {
    const upTo = upToPosition ?? (await store.headPosition());
    if (upTo === null) return verifyEvents(fromRecordedEvents(readLog(store, upToPosition)));
    const report = await verifyStoredLog(store, upTo);
    if (report !== null) return report;
  }
  return verifyEvents(fromRecordedEvents(readLog(store, upToPosition)));
}
