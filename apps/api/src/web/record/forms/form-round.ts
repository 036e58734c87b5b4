import { ForbiddenException } from '@nestjs/common';
import type { Request } from 'express';
import { CSRF_FIELD, type CsrfProtection } from '../../layout/csrf';
import type { FormError } from '../../layout/error-summary';
import { checkWithDto } from './dto-check';
import { fieldsOf, type FormItem, type FormValues } from './field-spec';
import { bodyOf, unknownFields, valuesOf } from './form-values';
import { occurredAtFromDay } from './statement-fields';
import { SUBMISSION_FIELD } from './submission';

export const CONTROL_FIELDS: readonly string[] = [CSRF_FIELD, SUBMISSION_FIELD];

/** A posted recording form, read: as typed, as the API's body, and either the DTO or what to fix. */
export interface ReadForm<T> {
  values: FormValues;
  body: Record<string, unknown>;
  dto?: T;
  errors: FormError[];
}

/**
 * Reads a recording form: refuses it unless it came from this service's own page in this browser,
 * then checks it with the API's DTO. `control` names the page's own extra fields.
 */
export async function readRecordingForm<T extends object>(
  request: Request,
  csrf: CsrfProtection,
  form: URLSearchParams,
  items: readonly FormItem[],
  dto: new () => T,
  today: string,
  control: readonly string[] = [],
): Promise<ReadForm<T>> {
  requireOwnForm(request, csrf, form);
  const fields = fieldsOf(items);
  const values = valuesOf(form, fields);
  const body = bodyOf(values, fields, unknownFields(form, fields, [...CONTROL_FIELDS, ...control]));
  const dayError = occurredAtFromDay(body, today);
  const checked = await checkWithDto(dto, body, items);
  const errors = [...(dayError ? [dayError] : []), ...(checked.ok ? [] : checked.errors.filter((error) => error.field !== dayError?.field))];
  return errors.length === 0 && checked.ok ? { values, body, dto: checked.dto, errors } : { values, body, errors };
}

export function requireOwnForm(request: Request, csrf: CsrfProtection, form: URLSearchParams): void {
  if (!csrf.accepts(request, form.get(CSRF_FIELD))) {
    throw new ForbiddenException("It was not sent from this service's own page in this browser, or the page was open too long. Nothing was recorded: go back, reload the page and try again.");
  }
}
