import { ForbiddenException } from '@nestjs/common';
import type { Request } from 'express';
import { CSRF_FIELD, type CsrfProtection } from '../../layout/csrf';
import type { FormError } from '../../layout/error-summary';
import { isId } from '../../reading/ids';
import { atFirstBox, readDates } from './date-parts';
import { checkWithDto } from './dto-check';
import { fieldsOf, idOf, type FieldSpec, type FormItem, type FormValues } from './field-spec';
import { bodyOf, unknownFields, valuesOf } from './form-values';
import { occurredAtFromDay } from './statement-fields';
import { SUBMISSION_FIELD } from './submission';

export const CONTROL_FIELDS: readonly string[] = [CSRF_FIELD, SUBMISSION_FIELD];

/** A posted recording form, read: as typed, as the API's body, and either the DTO or what to fix. */
export interface ReadForm<T> {
  values: FormValues;
  body: Record<string, unknown>;
  /** The ids the API takes in its address (the action to complete), by field path. */
  address: Record<string, string>;
  dto?: T;
  errors: FormError[];
}

export interface RecordingFormShape {
  /** Paths of fields asked on the page whose answer the API takes in its address, not its body: required ids. */
  inAddress?: readonly string[];
  /**
   * Body fields that the page's own address gives (what a challenge is about), not the form; a
   * field posted under one of these names is overridden, and an undefined one left out.
   */
  given?: Readonly<Record<string, string | undefined>>;
  /** What the page derives for the API's body from what was typed (a finding's number from its reference). */
  complete?(body: Record<string, unknown>): void;
}

/**
 * Reads a recording form: refuses it unless it came from this service's own page in this browser,
 * then checks it with the API's DTO.
 */
export async function readRecordingForm<T extends object>(
  request: Request,
  csrf: CsrfProtection,
  form: URLSearchParams,
  items: readonly FormItem[],
  dto: new () => T,
  today: string,
  { inAddress = [], given = {}, complete }: RecordingFormShape = {},
): Promise<ReadForm<T>> {
  requireOwnForm(request, csrf, form);
  const fields = fieldsOf(items);
  const values = valuesOf(form, fields);
  const dateErrors = readDates(values, fields);
  const inBody = fields.filter((field) => !inAddress.includes(field.path));
  const body = bodyOf(values, inBody, unknownFields(form, fields, CONTROL_FIELDS));
  for (const [name, value] of Object.entries(given)) {
    if (value === undefined) delete body[name];
    else body[name] = value;
  }
  complete?.(body);
  const address = addressOf(values, fields.filter((field) => inAddress.includes(field.path)));
  const dayError = occurredAtFromDay(body, today);
  const checked = await checkWithDto(dto, body, items);
  // A date that could not be read is said once, in the page's words, not again by the API's validation.
  const unread = new Set([...dateErrors.map((error) => error.field.replace(/-(day|month|year)$/, '')), ...(dayError ? [dayError.field] : [])]);
  const apiErrors = checked.ok ? [] : checked.errors.filter((error) => !unread.has(error.field));
  const errors = atFirstBox([...address.errors, ...dateErrors, ...(dayError ? [dayError] : []), ...apiErrors], fields);
  return errors.length === 0 && checked.ok ? { values, body, address: address.ids, dto: checked.dto, errors } : { values, body, address: address.ids, errors };
}

/** The ids chosen on the page for the API's address: each required, and an id (the ledger says whether it names anything). */
function addressOf(values: FormValues, fields: readonly FieldSpec[]): { ids: Record<string, string>; errors: FormError[] } {
  const ids: Record<string, string> = {};
  const errors: FormError[] = [];
  for (const field of fields) {
    const typed = values[field.path];
    const chosen = (typeof typed === 'string' ? typed : (typed?.[0] ?? '')).trim();
    const name = field.name ?? field.label;
    if (chosen === '') errors.push({ field: idOf(field.path), message: `${name} is required` });
    else if (!isId(chosen)) errors.push({ field: idOf(field.path), message: `${name} must be one of those listed` });
    else ids[field.path] = chosen;
  }
  return { ids, errors };
}

export function requireOwnForm(request: Request, csrf: CsrfProtection, form: URLSearchParams): void {
  if (!csrf.accepts(request, form.get(CSRF_FIELD))) {
    throw new ForbiddenException("It was not sent from this service's own page in this browser, or the page was open too long. Nothing was recorded: go back, reload the page and try again.");
  }
}
