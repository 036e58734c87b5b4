import type { EventStore } from '@ledger/event-store';
import { registerProjection } from '../register/register.projection';
import { queryRegister, type RegisterEntry, type RegisterFilter } from '../register/register.queries';
import { aggregateOf, envelopeOf, londonDayOf } from '../shared/envelope';
import type { Page, PageRequest } from '../shared/reader';
import { ScratchReadModels } from '../shared/scratch-read-models';

export interface AsAtRegister extends Page<RegisterEntry> {
  /** The day asked for: the register as it stood at the end of it, Europe/London. */
  date: string;
  /** The cut is by the time the ledger recorded each event (see below). */
  basis: 'recorded';
  /** How many events of the log were replayed. */
  eventsReplayed: number;
  /** Position of the last event replayed, or null when none was. */
  lastPosition: string | null;
}

/**
 * The register as it stood at the end of `date` (Europe/London), computed from the log: the
 * events recorded up to the end of that day, and only those, replayed through the register's
 * projection (the domain's evolve) into a private database, then read with the same query and
 * with `date` as today, so overdue and RAG are as they were that evening.
 *
 * The cut is by recordedAt, not occurredAt: "as at" answers what the ledger said on that day. A
 * decision taken on 1 March but recorded on 5 March was not in the register as at 3 March; the
 * timeline shows both dates, and "changes between two dates" can compare either.
 */
export async function registerAsAt(store: EventStore, date: string, filter: RegisterFilter, page: PageRequest): Promise<AsAtRegister> {
  const scratch = ScratchReadModels.create([registerProjection]);
  try {
    let eventsReplayed = 0;
    let lastPosition: bigint | null = null;
    for await (const event of store.readAll()) {
      const aggregate = aggregateOf(event.streamId);
      if (aggregate !== 'inspection' && aggregate !== 'recommendation') continue;
      if (londonDayOf(envelopeOf(event).recordedAt) > date) continue;
      scratch.apply(event);
      eventsReplayed++;
      lastPosition = event.position;
    }
    return {
      date,
      basis: 'recorded',
      eventsReplayed,
      lastPosition: lastPosition === null ? null : String(lastPosition),
      ...queryRegister(scratch, filter, page, date),
    };
  } finally {
    scratch.close();
  }
}
