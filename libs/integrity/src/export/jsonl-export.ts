import type { EventStore } from '@ledger/event-store';
import { toExportLine } from './canonical-jsonl';
import { type ExportPlan, type ExportTally, selectEvents } from './select-events';

/** The canonical export's lines, in log order. */
export async function* jsonlTexts(store: EventStore, plan: ExportPlan, tally: ExportTally): AsyncGenerator<string> {
  for await (const { event, sequence } of selectEvents(store, plan, tally)) yield toExportLine(event, sequence);
}
