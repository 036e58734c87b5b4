import type { EventStore } from '@ledger/event-store';
import { readLog } from '../log/read-log';
import { EMPTY_LEDGER_DIGEST, nextLedgerDigest } from './event-hash';

export interface LedgerDigest {
  /** root_n over the first `events` events of the log. */
  digest: string;
  /** How many events it covers (n). */
  events: number;
  /** The store position of the last event covered; null for an empty ledger. */
  position: bigint | null;
}

/**
 * The running root over the whole log in position order (root_0 = 64 zeros,
 * root_n = SHA-256(root_{n-1} + hash_n)): the figure the office can publish ("as at 31 March the
 * ledger's digest was ..."). Removing, adding or reordering any event, or a whole stream, changes
 * it. It depends only on the order of events and their hashes, so it is the same in every store
 * the ledger has been moved to; `position` is this store's own.
 */
export async function ledgerDigest(store: EventStore, upToPosition?: bigint): Promise<LedgerDigest> {
  let digest = EMPTY_LEDGER_DIGEST;
  let events = 0;
  let position: bigint | null = null;
  for await (const event of readLog(store, upToPosition)) {
    const hash = event.metadata.hash;
    if (typeof hash !== 'string') throw new Error(`${event.streamId} revision ${event.revision} (position ${event.position}) carries no hash`);
    digest = nextLedgerDigest(digest, hash);
    events += 1;
    position = event.position;
  }
  return { digest, events, position };
}
