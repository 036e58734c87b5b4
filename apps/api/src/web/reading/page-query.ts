import { integerParam, parseQuery, type ParamSpecs, type ParsedParams } from '../../read-models/query-params';
import { ProblemError } from '../../problem/problem';
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
export function readPageQuery<S extends ParamSpecs>(query: Record<string, unknown>, specs: S, messages: Partial<Record<keyof S & string, string>>): PageQuery<S> {
  const given: Record<string, unknown> = {};
  const values: FormValues = {};
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
  try {
    return { ok: true, params: parseQuery(given, specs), values };
  } catch (error) {
    if (!(error instanceof ProblemError) || error.kind !== 'invalid-input') throw error;
    const errors = (error.extensions.errors ?? []).map(({ field, message }) => ({ field, message: messages[field as keyof S & string] ?? message }));
    // One message per field: the form shows one under each.
    return { ok: false, errors: errors.filter((e, index) => errors.findIndex((other) => other.field === e.field) === index), values };
  }
}

/** True when none of these fields was filled in: the page was opened, not yet asked anything. */
export function nothingAsked(query: Record<string, unknown>, names: readonly string[]): boolean {
  return names.every((name) => {
    const raw = query[name];
    return raw === undefined || (typeof raw === 'string' && raw.trim() === '');
  });
}

export function offsetOf(page: number | undefined): { limit: number; offset: number } {
  return { limit: PAGE_SIZE, offset: ((page ?? 1) - 1) * PAGE_SIZE };
}
