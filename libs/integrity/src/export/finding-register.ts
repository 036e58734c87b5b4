import { RECOMMENDATION_STATUS_WORDS } from '@ledger/domain';
import { type DerivedRag, findingToday } from '@ledger/projections/read-models/register/finding-today';
import type { EventStore } from '@ledger/event-store';
import { type FindingEntry, type LedgerContext, foldFinding } from './ledger-context';
import { type ExportPlan, selectStreamEvents } from './select-events';
import { type StatusCrosswalk, inspectorateWording } from './status-crosswalk';
import type { SheetCells } from './workbook-cells';

/**
 * The workbook's "Register" sheet: one row per finding, as it stands at the end of the export.
 * RAG and lateness are judged as the register page judges them, on the day given ("Judged on"),
 * against the inspectorate's due date and against the current target date, each on its own.
 */
export const REGISTER_COLUMNS = [
  'Inspection',
  'Service',
  'Reference',
  'Finding type',
  'Finding',
  'Inspectorate due date',
  'Status',
  'Inspectorate status',
  "Inspectorate's own latest status",
  'Owner',
  'Original target date',
  'Current target date',
  'Approved target date changes',
  'RAG',
  'Overdue against inspectorate due date',
  'Days past inspectorate due date',
  'Overdue against current target date',
  'Days past current target date',
  'Latest progress',
  'Per cent complete',
  'Latest progress on',
  'Completed on',
  'Verified on',
  'Closed on',
  'Judged on',
  'Last recorded at',
] as const;

export const REGISTER_CELLS: SheetCells = {
  'Inspectorate due date': 'day',
  'Original target date': 'day',
  'Current target date': 'day',
  'Latest progress on': 'day',
  'Completed on': 'day',
  'Verified on': 'day',
  'Closed on': 'day',
  'Judged on': 'day',
  'Last recorded at': 'instant',
};

const RAG_WORDS: Record<DerivedRag, string> = { red: 'Red', amber: 'Amber', green: 'Green' };

/**
 * The findings a `listed` context noted, in its order, each folded whole from the events of its
 * own stream that the export holds: the same entries as a fold of the whole log, one in memory at
 * a time. Each is settled in the context for the sheets written after the register.
 */
export async function* foldListedFindings(store: EventStore, plan: ExportPlan, context: LedgerContext): AsyncGenerator<FindingEntry> {
  for (const streamId of context.listedStreams()) {
    let finding: FindingEntry | undefined;
    for await (const event of selectStreamEvents(store, plan, streamId)) finding = foldFinding(finding, event) ?? finding;
    // Listed at a FindingIssued the fold accepts, so never undefined here.
    if (finding === undefined) continue;
    context.settle(finding);
    yield finding;
  }
}

/** `today`: the Europe/London day lateness and RAG are judged on. */
export function registerRow(finding: FindingEntry, context: LedgerContext, crosswalk: StatusCrosswalk, today: string): (string | number)[] {
  const now = findingToday(finding, today);
  const progress = finding.latestProgress;
  return [
    context.inspectionName(finding.inspectionId),
    context.serviceOf(finding.inspectionId),
    finding.reference,
    finding.findingType,
    finding.text,
    finding.dueDate ?? '',
    RECOMMENDATION_STATUS_WORDS[finding.status],
    inspectorateWording(crosswalk, finding.status),
    finding.inspectorate === null ? '' : `${finding.inspectorate.statusText}, ${finding.inspectorate.statusDate}`,
    finding.owner ?? '',
    finding.originalTargetDate ?? '',
    finding.targetDate ?? '',
    finding.targetDateRevisions,
    now.rag === null ? '' : RAG_WORDS[now.rag],
    yesNo(now.overdueAgainstDueDate),
    now.daysPastDueDate ?? '',
    yesNo(now.overdueAgainstTargetDate),
    now.daysPastTargetDate ?? '',
    progress?.narrative ?? '',
    progress?.percentComplete ?? '',
    progress?.reportedOn ?? '',
    finding.completedOn ?? '',
    finding.verifiedOn ?? '',
    finding.closedOn ?? '',
    today,
    finding.lastChangedAt,
  ];
}

function yesNo(value: boolean): string {
  return value ? 'Yes' : 'No';
}
