import { addDays, daysBetween } from '../shared/calendar-date';

/**
 * Police Act 1996 s.55: the response is published "before the end of the period of 56 days
 * beginning with the day on which the report is published". The publication day is day 1, so
 * the last day is the publication date + 55 days.
 */
export const STATUTORY_RESPONSE_PERIOD_DAYS = 56;

/** The last day of a period of `periodDays` days of which the publication day is day 1. Fire policies are counted the same way. */
export function responseDeadline(publishedOn: string, periodDays: number): string {
  return addDays(publishedOn, periodDays - 1);
}

export function statutoryDeadline(publishedOn: string): string {
  return responseDeadline(publishedOn, STATUTORY_RESPONSE_PERIOD_DAYS);
}

/** Day 1 is the publication day; a date before it has a number of 0 or less. */
export function statutoryDayNumber(publishedOn: string, date: string): number {
  return daysBetween(publishedOn, date) + 1;
}

/** Whether something done on `date` falls within the period. Lateness is a fact to show, never a reason to refuse. */
export function isOnTime(publishedOn: string, date: string, periodDays: number = STATUTORY_RESPONSE_PERIOD_DAYS): boolean {
  return statutoryDayNumber(publishedOn, date) <= periodDays;
}
