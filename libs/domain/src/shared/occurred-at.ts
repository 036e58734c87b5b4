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

/** An occurredAt read back from the log: its kind, its London day and its sort key (occurredDay, occurredSortKey). */
export interface OccurredTimes {
  readonly kind: OccurredAt['kind'];
  readonly day: string;
  readonly sortKey: string;
}

/**
 * occurredDay and occurredSortKey at once, for code that reads them for every event of a long log
 * (the read models): the same answers and the same refusals, with the strict calendar check and
 * the London day remembered per date and per UTC hour instead of worked out again each time.
 */
export function occurredTimes(occurredAt: string): OccurredTimes {
  // Every read model asks about the same event in turn.
  if (last !== undefined && occurredAt === last.text) return last.times;
  const times = occurredTimesOf(occurredAt);
  last = { text: occurredAt, times };
  return times;
}

let last: { text: string; times: OccurredTimes } | undefined;

function occurredTimesOf(occurredAt: string): OccurredTimes {
  if (knownCalendarDate(occurredAt)) return { kind: 'day', day: occurredAt, sortKey: `${occurredAt} ` };
  const match = ISO_INSTANT.exec(occurredAt);
  const time = match && knownCalendarDate(`${match[1]}-${match[2]}-${match[3]}`) ? new Date(occurredAt) : null;
  if (time === null || Number.isNaN(time.getTime())) throw new Error(`Not an occurredAt: "${occurredAt}"`);
  const instant = time.toISOString();
  const day = londonDayOfInstant(instant);
  return { kind: 'instant', day, sortKey: `${day}T${instant}` };
}

/**
 * The Europe/London day of a UTC instant written as `toISOString` writes it (other forms are
 * parsed in full). London's offset changes only on the hour, so the day is kept per UTC hour.
 */
export function londonDayOfInstant(instant: string): string {
  if (!UTC_ISO.test(instant)) return londonDate(new Date(instant));
  const hour = instant.slice(0, 13);
  let day = londonDays.get(hour);
  if (day === undefined) {
    if (londonDays.size >= CACHE_LIMIT) londonDays.clear();
    londonDays.set(hour, (day = londonDate(new Date(`${hour}:00:00.000Z`))));
  }
  return day;
}

const UTC_ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const CACHE_LIMIT = 100_000;
const londonDays = new Map<string, string>();
const calendarDates = new Set<string>();

function knownCalendarDate(text: string): boolean {
  if (text.length !== 10) return false;
  if (calendarDates.has(text)) return true;
  if (!isCalendarDate(text)) return false;
  if (calendarDates.size >= CACHE_LIMIT) calendarDates.clear();
  calendarDates.add(text);
  return true;
}
