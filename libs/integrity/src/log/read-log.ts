import { type EventStore, type RecordedEvent, isBookkeepingStream } from '@ledger/event-store';

const PAGE_SIZE = 500;

/**
 * The log forwards, page by page, up to and including `upTo` (default: everything), without the
 * bookkeeping streams kept in the same store (the API's idempotency records), which are never
 * hashed, exported or verified. Paging here
 * rather than trusting one long read keeps memory flat on any adapter, and every page read
 * returns to the event loop so that output streams drain while a large ledger is read.
 */
export async function* readLog(store: EventStore, upTo?: bigint | null): AsyncGenerator<RecordedEvent> {
  if (upTo === null) return;
  let after: bigint | undefined;
  for (;;) {
    let count = 0;
    for await (const event of store.readAll({ direction: 'forwards', after, maxCount: PAGE_SIZE })) {
      if (upTo !== undefined && event.position > upTo) return;
      count += 1;
      after = event.position;
      if (!isBookkeepingStream(event.streamId)) yield event;
    }
    if (count < PAGE_SIZE) return;
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}
