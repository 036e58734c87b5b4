import { isCalendarDate, londonDate } from './calendar-date';

/**
 * When something happened in the world (an envelope's `occurredAt`). It is either a calendar day
 * in Europe/London, written YYYY-MM-DD, when only the day is known (a response dated on a page, a
 * meeting), or a UTC instant when the time is known (a command recorded as it happens). A day is
 * never given an invented clock time.
 */
export type OccurredAt = { kind: 'day'; day: string } | { kind: 'instant'; instant: string };

const ISO_INSTANT = /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;

/** Reads a stored or submitted occurredAt; undefined when it is neither a real day nor a real instant. */
export function parseOccurredAt(text: string): OccurredAt | undefined {
  if (isCalendarDate(text)) return { kind: 'day', day: text };
  const match = ISO_INSTANT.exec(text);
  if (!match) return undefined;
  // Strict: Date.parse would roll 2025-02-30 over into March.
  if (!isCalendarDate(`${match[1]}-${match[2]}-${match[3]}`)) return undefined;
  const instant = new Date(text);
  return Number.isNaN(instant.getTime()) ? undefined : { kind: 'instant', instant: instant.toISOString() };
}

/** The Europe/London calendar day on which it happened. */
export function occurredDay(occurredAt: string): string {
  const parsed = parseOccurredAt(occurredAt);
  if (parsed === undefined) throw new Error(`Not an occurredAt: "${occurredAt}"`);
  return parsed.kind === 'day' ? parsed.day : londonDate(new Date(parsed.instant));
}

/**
 * A text key that sorts occurrences in time: a day sorts before any instant on that London day
 * (it says only "that day"), and instants on a day sort by time. Ties are broken by recordedAt.
 */
export function occurredSortKey(occurredAt: string): string {
  const parsed = parseOccurredAt(occurredAt);
  if (parsed === undefined) throw new Error(`Not an occurredAt: "${occurredAt}"`);
  return parsed.kind === 'day' ? `${parsed.day} ` : `${londonDate(new Date(parsed.instant))}T${parsed.instant}`;
}
