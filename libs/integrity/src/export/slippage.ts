import { daysBetween, isCalendarDate } from '@ledger/domain';
import type { JsonValue, RecordedEvent } from '@ledger/event-store';
import { onBehalfOfText } from './audit-trail';
import type { LedgerContext } from './ledger-context';
import type { SheetCells } from './workbook-cells';

/** The workbook's "Slippage" sheet: every target date set, and every change asked for, approved or refused. */
export const SLIPPAGE_COLUMNS = [
  'Inspection',
  'Finding reference',
  'Event',
  'Original target date',
  'From',
  'To',
  'Days moved',
  'Reason',
  'Requested by',
  'Requested on behalf of',
  'Decided by',
  'Decided on behalf of',
  'Comment',
  'Occurred at',
  'Recorded at',
] as const;

export const SLIPPAGE_CELLS: SheetCells = {
  'Original target date': 'day',
  From: 'day',
  To: 'day',
  'Occurred at': 'occurred',
  'Recorded at': 'instant',
};

/** The target-date events, in the words the sheet shows them. */
const SLIPPAGE_EVENTS: ReadonlyMap<string, string> = new Map([
  ['RecommendationTargetDateSet', 'Target date set'],
  ['RecommendationTargetDateChangeRequested', 'Change requested'],
  ['RecommendationTargetDateChangeApproved', 'Change approved'],
  ['RecommendationTargetDateChangeRefused', 'Change refused'],
]);

/**
 * The sheet's rows, one per target-date event in log order. Whom the office recorded a request for
 * is on the request; the decision's row repeats it, so each finding's last request's is kept
 * (memory grows with findings, not events).
 */
export class SlippageRows {
  private readonly requestedOnBehalfOf = new Map<string, string>();

  /** A row for a target-date event, or null for any other event. */
  row(event: RecordedEvent, context: LedgerContext): (string | number)[] | null {
    const words = SLIPPAGE_EVENTS.get(event.type);
    if (words === undefined) return null;
    const { data, metadata } = event;
    const from = text(data.from);
    const to = text(data.to) || text(data.targetDate);
    const actor = describeActor(metadata.actor);
    const onBehalfOf = onBehalfOfText(metadata.onBehalfOf);
    const requested = event.type === 'RecommendationTargetDateChangeRequested';
    const decided = event.type === 'RecommendationTargetDateChangeApproved' || event.type === 'RecommendationTargetDateChangeRefused';
    if (requested) this.requestedOnBehalfOf.set(event.streamId, onBehalfOf);
    return [
      context.inspectionName(context.inspectionOf(event.streamId)),
      context.referenceOf(event.streamId),
      words,
      context.originalTargetDateOf(event.streamId) ?? '',
      from,
      to,
      isCalendarDate(from) && isCalendarDate(to) ? daysBetween(from, to) : '',
      text(data.reason),
      requested ? actor : context.actorName(data.requestedBy),
      requested || decided ? (this.requestedOnBehalfOf.get(event.streamId) ?? '') : '',
      decided ? actor : '',
      decided ? onBehalfOf : '',
      text(data.comment),
      text(metadata.occurredAt),
      text(metadata.recordedAt),
    ];
  }
}

function describeActor(actor: JsonValue | undefined): string {
  if (typeof actor !== 'object' || actor === null || Array.isArray(actor)) return '';
  const name = text(actor.name);
  const role = text(actor.role);
  return role === '' ? name : `${name} (${role})`;
}

function text(value: JsonValue | undefined): string {
  return typeof value === 'string' ? value : '';
}
