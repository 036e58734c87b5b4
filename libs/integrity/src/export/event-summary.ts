import type { JsonObject, JsonValue } from '@ledger/event-store';

/**
 * A one-line, human summary of any event, read from its data generically, so that a new event
 * type gets a sensible summary without a change here: the type name in words, then the fields a
 * reader looks for first, in this order, where the event has them.
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

const MAX_VALUE_LENGTH = 200;

/** "RecommendationTargetDateChangeApproved" -> "Recommendation target date change approved". */
export function typeInWords(type: string): string {
  const words = type
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/\s+/)
    .filter((word) => word.length > 0);
  return words.map((word, index) => (index === 0 || /^[A-Z0-9]+$/.test(word) ? word : word.toLowerCase())).join(' ');
}

/** "plannedCompletionDate" -> "planned completion date". */
function fieldInWords(name: string): string {
  return typeInWords(name).toLowerCase();
}

function valueText(value: JsonValue): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') {
    const flat = value.replace(/\s+/g, ' ').trim();
    if (flat.length === 0) return null;
    return flat.length > MAX_VALUE_LENGTH ? `${flat.slice(0, MAX_VALUE_LENGTH - 1)}…` : flat;
  }
  return null;
}

export function summariseEvent(type: string, data: JsonObject): string {
  const parts: string[] = [];
  for (const name of KEY_FIELDS) {
    const value = data[name];
    if (value === undefined) continue;
    const shown = valueText(value);
    if (shown !== null) parts.push(`${fieldInWords(name)}: ${shown}`);
  }
  if (Array.isArray(data.findings)) parts.push(`findings: ${data.findings.length}`);
  const finding = data.finding;
  if (typeof finding === 'object' && finding !== null && !Array.isArray(finding) && typeof finding.reference === 'string') {
    parts.push(`finding: ${finding.reference}`);
  }
  const changes = data.changes;
  if (typeof changes === 'object' && changes !== null && !Array.isArray(changes)) {
    parts.push(`changed: ${Object.keys(changes).map(fieldInWords).join(', ')}`);
  }
  const words = typeInWords(type);
  return parts.length === 0 ? words : `${words}: ${parts.join('; ')}`;
}
