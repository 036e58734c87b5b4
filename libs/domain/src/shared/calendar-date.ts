import { ChronoUnit, DateTimeFormatter, LocalDate, ResolverStyle } from '@js-joda/core';

/**
 * Business dates are calendar dates in Europe/London written YYYY-MM-DD. Parsing is strict so
 * that a date that does not exist (2025-02-30) is refused rather than silently moved.
 */
const STRICT_ISO = DateTimeFormatter.ofPattern('uuuu-MM-dd').withResolverStyle(ResolverStyle.STRICT);

export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  try {
    LocalDate.parse(value, STRICT_ISO);
    return true;
  } catch {
    return false;
  }
}

function parse(date: string): LocalDate {
  return LocalDate.parse(date, STRICT_ISO);
}

export function addDays(date: string, days: number): string {
  return parse(date).plusDays(days).toString();
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return parse(from).until(parse(to), ChronoUnit.DAYS);
}

export function compareDates(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const LONDON = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar date in Europe/London at an instant. */
export function londonDate(instant: Date): string {
  return LONDON.format(instant);
}

export function lastDayOfMonth(year: number, month: number): string {
  return LocalDate.of(year, month, 1).plusMonths(1).minusDays(1).toString();
}

export function plusMonths(date: string, months: number): string {
  return parse(date).plusMonths(months).toString();
}
