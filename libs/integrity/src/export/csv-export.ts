import type { EventStore } from '@ledger/event-store';
import { AUDIT_TRAIL_COLUMNS, auditTrailRow } from './audit-trail';
import { AuditTrailSummaries } from './audit-trail-summaries';
import { csvRow } from './csv-row';
import { LedgerContext } from './ledger-context';
import { type ExportPlan, type ExportTally, selectEvents } from './select-events';
import type { StatusCrosswalk } from './status-crosswalk';

/** A byte order mark, so that spreadsheets open the file as UTF-8. */
const BOM = '\uFEFF';

/** The CSV audit trail: a header, then one row per event in log order. */
export async function* csvTexts(store: EventStore, plan: ExportPlan, tally: ExportTally, crosswalk: StatusCrosswalk): AsyncGenerator<string> {
  yield BOM + csvRow(AUDIT_TRAIL_COLUMNS);
  const summaries = await AuditTrailSummaries.forLog(store, plan.asAt);
  const context = new LedgerContext('statuses');
  for await (const { event } of selectEvents(store, plan, tally, (passed) => summaries.pass(passed))) {
    context.apply(event);
    yield csvRow(auditTrailRow(event, summaries.summarise(event), context, crosswalk));
  }
}
