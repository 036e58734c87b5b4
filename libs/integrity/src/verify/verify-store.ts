import type { EventStore } from '@ledger/event-store';
import { fromRecordedEvents } from '../log/ledger-event';
import { readLog } from '../log/read-log';
import type { VerificationReport } from './chain-break';
import { verifyEvents } from './verify-events';

/** Verifies the live log from its start, up to `upToPosition` if given. */
export function verifyStore(store: EventStore, upToPosition?: bigint): Promise<VerificationReport> {
  return verifyEvents(fromRecordedEvents(readLog(store, upToPosition)));
}
