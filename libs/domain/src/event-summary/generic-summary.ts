import { text, words } from './summary-text';

/** An event's data as stored: any fields. */
export type EventData = { readonly [field: string]: unknown };

/**
 * The fields a reader looks for first, in this order, for an event type that the summary does
 * not know by name (one recorded by a later version of the ledger).
 */
const KEY_FIELDS: readonly string[] = [
  'reference',
  'title',
  'applicable',
  'commitment',
  'acceptedScope',
  'notAcceptedScope',
  'owner',
  'targetDate',
  'plannedCompletionDate',
  'from',
  'to',
  'reason',
  'narrative',
  'percentComplete',
  'rag',
  'summary',
  'dependsOn',
  'description',
  'statusText',
  'mappedStatus',
  'outcome',
  'closedOn',
  'supersededBy',
  'whatWasWrong',
  'question',
  'answer',
  'forum',
  'meetingDate',
  'answerDue',
  'publishedOn',
  'url',
  'recipient',
  'note',
  'comment',
];

/** "RecommendationTargetDateChangeApproved" -> "Recommendation target date change approved". */
export function typeInWords(type: string): string {
  const parts = type
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/\s+/)
    .filter((part) => part.length > 0);
  return parts.map((part, index) => (index === 0 || /^[A-Z0-9]+$/.test(part) ? part : part.toLowerCase())).join(' ');
}

/** The type name in words, then the key fields the event has: a sensible line for any event, read from its data alone. */
export function genericSummary(type: string, data: EventData): string {
  const parts: string[] = [];
  for (const name of KEY_FIELDS) {
    const shown = valueText(data[name]);
    if (shown !== null) parts.push(`${words(name)}: ${shown}`);
  }
  if (Array.isArray(data['findings'])) parts.push(`findings: ${data['findings'].length}`);
  const finding = data['finding'];
  if (isObject(finding) && typeof finding['reference'] === 'string') parts.push(`finding: ${finding['reference']}`);
  const changes = data['changes'];
  if (isObject(changes)) parts.push(`changed: ${Object.keys(changes).map(words).join(', ')}`);
  const named = typeInWords(type);
  // A value that closes with a full stop loses it when more follows: no ".;".
  return parts.length === 0 ? named : `${named}: ${parts.map((part, index) => (index < parts.length - 1 ? part.replace(/(?<!\.)\.$/, '') : part)).join('; ')}`;
}

function valueText(value: unknown): string | null {
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') return null;
  const shown = text(value);
  return shown.length === 0 ? null : shown;
}

function isObject(value: unknown): value is EventData {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
