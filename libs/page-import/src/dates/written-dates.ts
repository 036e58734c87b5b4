import { isCalendarDate } from '@ledger/domain/shared/calendar-date';

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october',
  'november', 'december'];

/** Full and abbreviated English month names ("September", "Sept", "Sep"). */
export const MONTH_PATTERN =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';

/** A calendar date, or why the written date could not be read. */
export type ReadDate = { date: string } | { problem: 'does-not-exist' | 'not-a-date' };

export function monthNumber(name: string): number {
  const lower = name.toLowerCase();
  return MONTHS.findIndex((month) => month.startsWith(lower.slice(0, 3))) + 1;
}

export function dayMonthYear(day: number, month: number, year: number): ReadDate {
  const date = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return isCalendarDate(date) ? { date } : { problem: 'does-not-exist' };
}

const NUMERIC = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_FIRST = new RegExp(
  `^(?:[a-z]+day,?\\s+)?(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(${MONTH_PATTERN})\\.?,?\\s+(\\d{4})$`, 'i');
const MONTH_FIRST = new RegExp(`^(?:[a-z]+day,?\\s+)?(${MONTH_PATTERN})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})$`, 'i');

/**
 * Reads a date as pages write it: `22/08/2024` (day first, as in the UK), `2024-08-22`,
 * `22 August 2024`, `22nd of Aug 2024`, `Thursday 22 August 2024` or `August 22, 2024`.
 */
export function readWrittenDate(written: string): ReadDate {
  const text = written.trim().replace(/\.$/, '');
  let match = ISO.exec(text);
  if (match) return dayMonthYear(Number(match[3]), Number(match[2]), Number(match[1]));
  match = NUMERIC.exec(text);
  if (match) return dayMonthYear(Number(match[1]), Number(match[2]), Number(match[3]));
  match = DAY_FIRST.exec(text);
  if (match) return dayMonthYear(Number(match[1]), monthNumber(match[2]), Number(match[3]));
  match = MONTH_FIRST.exec(text);
  if (match) return dayMonthYear(Number(match[2]), monthNumber(match[1]), Number(match[3]));
  return { problem: 'not-a-date' };
}
