import { RECOMMENDATION_STATUS_WORDS } from '@ledger/domain';
import type { JsonValue, RecordedEvent } from '@ledger/event-store';
import type { LedgerContext } from './ledger-context';
import { type StatusCrosswalk, inspectorateWording } from './status-crosswalk';
import type { SheetCells } from './workbook-cells';

/** One row per event, as the CSV audit trail and the workbook's "Audit trail" sheet show it. */
export const AUDIT_TRAIL_COLUMNS = [
  'Inspection',
  'Finding reference',
  'Event',
  'Summary',
  'Actor',
  'Role',
  'Organisation',
  'On behalf of',
  'Occurred at',
  'Recorded at',
  'Status after event',
  'Inspectorate status',
  'Stream',
  'Revision',
  'Event id',
  'Hash',
] as const;

export const AUDIT_TRAIL_CELLS: SheetCells = { 'Occurred at': 'occurred', 'Recorded at': 'instant' };

export type AuditTrailRow = (string | number)[];

/**
 * Call after `context.apply(event)`, so that the status is the one this event led to. `summary`:
 * the event's line from AuditTrailSummaries, the one the timeline shows.
 */
export function auditTrailRow(event: RecordedEvent, summary: string, context: LedgerContext, crosswalk: StatusCrosswalk): AuditTrailRow {
  const { metadata } = event;
  const actor = metadata.actor;
  const onBehalfOf = metadata.onBehalfOf;
  const status = context.statusOf(event.streamId);
  return [
    context.inspectionName(context.inspectionOf(event.streamId)),
    context.referenceOf(event.streamId),
    event.type,
    summary,
    field(actor, 'name'),
    field(actor, 'role'),
    field(actor, 'organisation'),
    onBehalfOfText(onBehalfOf),
    text(metadata.occurredAt),
    text(metadata.recordedAt),
    status === null ? '' : RECOMMENDATION_STATUS_WORDS[status],
    inspectorateWording(crosswalk, status),
    event.streamId,
    Number(event.revision),
    event.id,
    text(metadata.hash),
  ];
}

/** Whom the recorder acted for: "Chief Constable (Chief Constable, Cumbria Constabulary)", or empty. */
export function onBehalfOfText(value: JsonValue | undefined): string {
  const name = field(value, 'name');
  if (name === '') return '';
  const role = field(value, 'role');
  const organisation = field(value, 'organisation');
  const about = [role, organisation].filter((part) => part !== '').join(', ');
  return about === '' ? name : `${name} (${about})`;
}

function field(value: JsonValue | undefined, name: string): string {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? text(value[name]) : '';
}

function text(value: JsonValue | undefined): string {
  return typeof value === 'string' ? value : '';
}
