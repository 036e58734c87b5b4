import type { RecordedEvent } from '@ledger/event-store';
import type { Projection } from '../../projection';
import { envelopeOf } from '../shared/envelope';
import { ScratchReadModels } from '../shared/scratch-read-models';
import { basisKey, endOfDayKey, type Basis } from './history-keys';

/**
 * Read models as they stood at the end of `date` (Europe/London), built by the live projections
 * from the events given: those that happened (basis `occurred`) or were recorded (`recorded`) by
 * the end of that day, in log order. The live queries then answer from it as from the live models.
 * The caller closes it.
 */
export function readModelsThen(events: readonly RecordedEvent[], projections: readonly Projection[], at: { date: string; basis: Basis }): ScratchReadModels {
  const end = endOfDayKey(at.date);
  const scratch = ScratchReadModels.create(projections);
  try {
    for (const event of [...events].sort((a, b) => (a.position < b.position ? -1 : a.position > b.position ? 1 : 0))) {
      if (basisKey(at.basis, envelopeOf(event)) < end) scratch.apply(event);
    }
    return scratch;
  } catch (error) {
    scratch.close();
    throw error;
  }
}
