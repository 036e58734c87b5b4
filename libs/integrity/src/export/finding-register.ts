import type { FindingEntry, LedgerContext } from './ledger-context';
import { type StatusCrosswalk, inspectorateWording } from './status-crosswalk';

/** The workbook's "Register" sheet: one row per finding, as it stands at the end of the export. */
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
  'Last recorded at',
] as const;

export function registerRow(finding: FindingEntry, context: LedgerContext, crosswalk: StatusCrosswalk): (string | number)[] {
  const { state } = finding;
  return [
    context.inspectionName(finding.inspectionId),
    context.serviceOf(finding.inspectionId),
    finding.reference,
    finding.findingType,
    finding.text,
    finding.dueDate ?? '',
    state.status,
    inspectorateWording(crosswalk, state.status),
    finding.inspectorateStatusText ?? '',
    state.owner ?? '',
    finding.originalTargetDate ?? '',
    state.targetDate ?? '',
    finding.approvedRevisions,
    finding.lastRecordedAt ?? '',
  ];
}
