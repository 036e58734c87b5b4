import type { EventStore } from '@ledger/event-store';

export interface EventCount {
  events: number;
  /** The count stopped at its limit: there are at least this many. */
  atLeast: boolean;
}

/** Lag is counted by reading the log, so it is bounded: beyond this it is reported as "at least". */
export const COUNT_LIMIT = 10_000;

function matches(streamId: string, prefixes: readonly string[] | undefined): boolean {
  return prefixes === undefined || prefixes.some((prefix) => streamId.startsWith(prefix));
}

/**
 * Events in the log after `after` (null: the whole log). The embedded store's positions are
 * gap-free, so there it is a subtraction; EventStoreDB's are byte offsets, so the events are
 * counted, up to `limit`.
 */
export async function countEventsAfter(
  store: EventStore,
  after: bigint | null,
  options: { limit?: number; streamPrefixes?: readonly string[] } = {},
): Promise<EventCount> {
  const head = await store.headPosition();
  if (head === null || (after !== null && after >= head)) return { events: 0, atLeast: false };
  if (options.streamPrefixes === undefined && (await store.health()).kind === 'embedded') {
    return { events: Number(head - (after ?? 0n)), atLeast: false };
  }
  const limit = options.limit ?? COUNT_LIMIT;
  let read = 0;
  let events = 0;
  for await (const event of store.readAll({ after: after ?? undefined, maxCount: limit })) {
    read += 1;
    if (matches(event.streamId, options.streamPrefixes)) events += 1;
  }
  return { events, atLeast: read === limit };
}
