import { isCalendarDate } from '@ledger/domain';
import type { Field } from './fields';

/** A date is asked as GOV.UK asks it: day, month and year, each in a box of its own. */
export const DATE_PARTS = ['day', 'month', 'year'] as const;
export type DatePart = (typeof DATE_PARTS)[number];
export type DateParts = Record<DatePart, string>;

/** The name (and id) of one box of a date field: `targetDate-day`. */
export function partName(name: string, part: DatePart): string {
  return `${name}-${part}`;
}

/** The three boxes as they were sent, or, for a date given whole (YYYY-MM-DD: a prefilled form, a link), its parts. */
export function partsOf(values: Readonly<Record<string, string | readonly string[] | undefined>>, name: string): DateParts {
  const typed = Object.fromEntries(DATE_PARTS.map((part) => [part, single(values[partName(name, part)])])) as DateParts;
  if (DATE_PARTS.some((part) => typed[part] !== '')) return typed;
  const whole = /^(\d{4})-(\d{2})-(\d{2})$/.exec(single(values[name]));
  return whole ? { day: String(Number(whole[3])), month: String(Number(whole[2])), year: whole[1] } : typed;
}

function single(value: string | readonly string[] | undefined): string {
  return (typeof value === 'string' ? value : (value?.[0] ?? '')).trim();
}

export type ReadDate = { date: string | undefined } | { error: { field: string; message: string }; parts: readonly DatePart[] };

/**
 * Three boxes read as GOV.UK's date input pattern reads them: all empty is no date (whether one is
 * required is said elsewhere); a box left empty, or a date that does not exist (31 2 2025, or
 * 31/01/2025 typed in one box), is named in the field's own words (`words`), at the first box to fix.
 */
export function readDateParts(parts: DateParts, name: string, words: string): ReadDate {
  const missing = DATE_PARTS.filter((part) => parts[part] === '');
  if (missing.length === DATE_PARTS.length) return { date: undefined };
  if (missing.length > 0) return { error: { field: partName(name, missing[0]), message: `${words} must include a ${missing.join(' and ')}` }, parts: missing };
  const { day, month, year } = parts;
  const date = /^\d{1,2}$/.test(day) && /^\d{1,2}$/.test(month) && /^\d{4}$/.test(year) ? `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}` : '';
  if (!isCalendarDate(date)) return { error: { field: partName(name, 'day'), message: `${words} must be a real date` }, parts: DATE_PARTS };
  return { date };
}

/** GOV.UK's date input for a field: its boxes to fix marked (all of them when the date as a whole is wrong). */
export function dateInput(options: {
  id: string;
  name: string;
  legend: string;
  legendClasses?: string;
  hint?: string;
  parts: DateParts;
  error: { field: string; message: string } | undefined;
}): Field {
  const { id, name, parts, error } = options;
  const marked = (part: DatePart) => error !== undefined && (!/must include/.test(error.message) || parts[part] === '');
  return {
    macro: 'dateInput',
    params: {
      id,
      namePrefix: name,
      fieldset: { legend: { text: options.legend, classes: options.legendClasses } },
      hint: { text: options.hint ?? 'For example, 31 1 2025' },
      errorMessage: error && { text: error.message },
      items: DATE_PARTS.map((part) => ({
        id: partName(id, part),
        name: part,
        label: part[0].toUpperCase() + part.slice(1),
        value: parts[part],
        classes: `govuk-input--width-${part === 'year' ? 4 : 2}${marked(part) ? ' govuk-input--error' : ''}`,
      })),
    },
  };
}
