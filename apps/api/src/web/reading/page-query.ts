import { integerParam, parseQuery, type ParamSpecs, type ParsedParams } from '../../read-models/query-params';
import { ProblemError } from '../../problem/problem';
import { DATE_PARTS, partName, readDateParts, type DateParts } from '../components/date-input';
import type { FormError } from '../layout/error-summary';

/** Rows per page on the pages that list. */
export const PAGE_SIZE = 25;

export const PAGE_NUMBER = { page: integerParam('Page number', 1, 100_000) } as const;

/** What a page's form was sent with, as typed: to fill the form in again. */
export type FormValues = Record<string, string>;

export type PageQuery<S extends ParamSpecs> =
  | { ok: true; params: ParsedParams<S>; values: FormValues }
  | { ok: false; errors: FormError[]; values: FormValues };

/**
 * Reads a page's GET form with the same parameter specs the JSON read API checks. A GET form
 * sends its empty fields too, so an empty field means "any" here; parameters the page does not
 * take (a tracking tag on a shared link) are ignored rather than refused. A bad value gets the
 * page's own message, naming the field as its label does, linked to the field by its name.
 */
export function readPageQuery<S extends ParamSpecs>(
  query: Record<string, unknown>,
  specs: S,
  messages: Partial<Record<keyof S & string, string>>,
  /** The date parameters the page asks as GOV.UK's date input (day, month, year), with the words its label uses. */
  dates: Partial<Record<keyof S & string, string>> = {},
): PageQuery<S> {
  const given: Record<string, unknown> = {};
  const values: FormValues = {};
  const { asked, dateErrors, typed } = datesFromParts(query, dates as Record<string, string>);
  query = asked;
  for (const name of Object.keys(specs)) {
    values[name] = '';
    const raw = query[name];
    if (raw === undefined) continue;
    const list: unknown[] = Array.isArray(raw) ? raw : [raw];
    if (list.some((text) => typeof text !== 'string')) {
      given[name] = raw;
      continue;
    }
    const texts = (list as string[]).filter((text) => text.trim() !== '');
    values[name] = texts.join(',');
    if (texts.length > 0) given[name] = texts.length === 1 ? texts[0] : texts;
  }
  let parsed: ParsedParams<S> | undefined;
  let errors: FormError[] = [];
  try {
    parsed = parseQuery(given, specs);
  } catch (error) {
    if (!(error instanceof ProblemError) || error.kind !== 'invalid-input') throw error;
    errors = (error.extensions.errors ?? []).map(({ field, message }) => ({ field, message: messages[field as keyof S & string] ?? message }));
  }
  if (dateErrors.length === 0 && parsed !== undefined) return { ok: true, params: parsed, values };
  // A date's boxes as typed, to show again; an error about a date as a whole is shown at its first box.
  Object.assign(values, typed);
  const unread = new Set(dateErrors.map((error) => error.field.replace(/-(day|month|year)$/, '')));
  const all = [...dateErrors, ...errors.filter((error) => !unread.has(error.field)).map((error) => (error.field in dates ? { ...error, field: partName(error.field, 'day') } : error))];
  // One message per field: the form shows one under each.
  return { ok: false, errors: all.filter((e, index) => all.findIndex((other) => other.field === e.field) === index), values };
}

/** Each date asked in three boxes, as the single YYYY-MM-DD parameter the read API takes; or what is wrong with it. */
function datesFromParts(query: Record<string, unknown>, dates: Readonly<Record<string, string>>): { asked: Record<string, unknown>; dateErrors: FormError[]; typed: FormValues } {
  const asked = { ...query };
  const dateErrors: FormError[] = [];
  const typed: FormValues = {};
  for (const [name, words] of Object.entries(dates)) {
    const parts = Object.fromEntries(DATE_PARTS.map((part) => [part, typeof query[partName(name, part)] === 'string' ? (query[partName(name, part)] as string).trim() : ''])) as DateParts;
    if (DATE_PARTS.every((part) => parts[part] === '')) continue;
    for (const part of DATE_PARTS) typed[partName(name, part)] = parts[part];
    const read = readDateParts(parts, name, words);
    if ('error' in read) dateErrors.push(read.error);
    else asked[name] = read.date;
  }
  return { asked, dateErrors, typed };
}

/** True when none of these fields was filled in: the page was opened, not yet asked anything. */
export function nothingAsked(query: Record<string, unknown>, names: readonly string[]): boolean {
  return names.flatMap((name) => [name, ...DATE_PARTS.map((part) => partName(name, part))]).every((name) => {
    const raw = query[name];
    return raw === undefined || (typeof raw === 'string' && raw.trim() === '');
  });
}

export function offsetOf(page: number | undefined): { limit: number; offset: number } {
  return { limit: PAGE_SIZE, offset: ((page ?? 1) - 1) * PAGE_SIZE };
}
