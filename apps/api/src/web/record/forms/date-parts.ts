import { isCalendarDate } from '@ledger/domain';
import type { FormError } from '../../layout/error-summary';
import { fieldName } from './dto-check';
import { idOf, type FieldSpec, type FormValues } from './field-spec';

/** A date is asked as GOV.UK asks it: day, month and year, each in a box of its own. */
export const DATE_PARTS = ['day', 'month', 'year'] as const;
export type DatePart = (typeof DATE_PARTS)[number];

/** The name (and, with `idOf`, the id) of one box of a date field: `targetDate-day`. */
export function partName(path: string, part: DatePart): string {
  return `${path}-${part}`;
}

/** The three boxes as they were sent, or, for a date the page fills in itself (YYYY-MM-DD), its parts. */
export function partsOf(values: FormValues, path: string): Record<DatePart, string> {
  const typed = Object.fromEntries(DATE_PARTS.map((part) => [part, single(values[partName(path, part)])])) as Record<DatePart, string>;
  if (DATE_PARTS.some((part) => typed[part] !== '')) return typed;
  const whole = /^(\d{4})-(\d{2})-(\d{2})$/.exec(single(values[path]));
  return whole ? { day: String(Number(whole[3])), month: String(Number(whole[2])), year: whole[1] } : typed;
}

function single(value: string | readonly string[] | undefined): string {
  return (typeof value === 'string' ? value : (value?.[0] ?? '')).trim();
}

export type ReadDate = { date: string | undefined } | { error: FormError; parts: readonly DatePart[] };

/**
 * A date field's three boxes, read as GOV.UK's date input pattern reads them: all empty is no date
 * (the API's validation says whether one is required); a box left empty, or a date that does not
 * exist (31 2 2025, or 31/01/2025 typed in one box), is named in the field's own words, at the first
 * box to fix, with the boxes to fix.
 */
export function readDate(field: FieldSpec, values: FormValues): ReadDate {
  const parts = partsOf(values, field.path);
  const id = idOf(field.path);
  const name = fieldName(field);
  const missing = DATE_PARTS.filter((part) => parts[part] === '');
  if (missing.length === DATE_PARTS.length) return { date: undefined };
  if (missing.length > 0) return { error: { field: `${id}-${missing[0]}`, message: `${name} must include a ${missing.join(' and ')}` }, parts: missing };
  const { day, month, year } = parts;
  const date = /^\d{1,2}$/.test(day) && /^\d{1,2}$/.test(month) && /^\d{4}$/.test(year) ? `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}` : '';
  if (!isCalendarDate(date)) return { error: { field: `${id}-day`, message: `${name} must be a real date` }, parts: DATE_PARTS };
  return { date };
}

/**
 * Reads every date field of a posted form: each date that was typed becomes the YYYY-MM-DD the
 * API takes (at the field's own path, for the body); each that cannot be read is an error.
 */
export function readDates(values: FormValues, fields: readonly FieldSpec[]): FormError[] {
  const errors: FormError[] = [];
  for (const field of fields.filter((f) => f.kind === 'date')) {
    const read = readDate(field, values);
    if ('error' in read) {
      errors.push(read.error);
      values[field.path] = '';
    } else values[field.path] = read.date ?? '';
  }
  return errors;
}

/** Errors about a date field as a whole (it is required, a rule refused it) point at its first box. */
export function atFirstBox(errors: readonly FormError[], fields: readonly FieldSpec[]): FormError[] {
  const dates = new Set(fields.filter((field) => field.kind === 'date').map((field) => idOf(field.path)));
  return errors.map((error) => (dates.has(error.field) ? { ...error, field: `${error.field}-day` } : error));
}
