import type { FormError } from '../../layout/error-summary';
import { ProblemError } from '../../../problem/problem';
import { createValidationPipe } from '../../../validation/validation.pipe';
import { fieldsOf, idOf, type FieldSpec, type FormItem } from './field-spec';

const pipe = createValidationPipe();

export type Checked<T> = { ok: true; dto: T } | { ok: false; errors: FormError[] };

/**
 * Validates a form's body with the JSON API's own DTO class through the API's own validation pipe
 * (class-transformer, class-validator; unknown fields refused), so a page accepts exactly what
 * the API accepts. Each problem is shown at the field it is about, in the field's own words.
 */
export async function checkWithDto<T extends object>(dto: new () => T, body: Record<string, unknown>, items: readonly FormItem[]): Promise<Checked<T>> {
  try {
    return { ok: true, dto: (await pipe.transform(body, { type: 'body', metatype: dto, data: '' })) as T };
  } catch (error) {
    if (!(error instanceof ProblemError) || error.kind !== 'invalid-input') throw error;
    return { ok: false, errors: formErrors(error.extensions.errors ?? [], fieldsOf(items)) };
  }
}

/** The API's field errors at the page's fields: one per field, the first, named as the page names it. */
export function formErrors(errors: readonly { field: string; message: string }[], fields: readonly FieldSpec[]): FormError[] {
  const shown = new Map<string, FormError>();
  for (const error of errors) {
    const field = fieldFor(error.field, fields);
    const id = field ? idOf(field.path) : idOf(error.field);
    if (!shown.has(id)) shown.set(id, { field: id, message: inWords(error.message, error.field, field) });
  }
  return [...shown.values()];
}

/** The field an error is about: the field at that path, the one that shows it, or the field holding it (a list's item). */
export function fieldFor(path: string, fields: readonly FieldSpec[]): FieldSpec | undefined {
  return (
    fields.find((field) => field.path === path) ??
    fields.find((field) => field.errorsOf?.includes(path)) ??
    fields.find((field) => path.startsWith(`${field.path}[`)) ??
    // A group missing as a whole (onBehalfOf is required) is shown at its first field.
    fields.find((field) => field.path.startsWith(`${path}.`))
  );
}

/** What messages call a field: its name, or its label without "(optional)". */
export function fieldName(field: FieldSpec): string {
  return field.name ?? field.label.replace(/ \(optional\)$/, '');
}

/** "onBehalfOf.organisation is required" -> "Their organisation is required". */
function inWords(message: string, path: string, field: FieldSpec | undefined): string {
  if (!field) return message;
  const name = fieldName(field);
  if (message.startsWith(`${path} `)) {
    // An error about a value derived from the field (a finding's number from its reference) says which value.
    const about = field.path === path ? '' : `: its ${path.slice(path.lastIndexOf('.') + 1)}`;
    return `${name}${about}${message.slice(path.length)}`;
  }
  if (message.startsWith('each of ')) return `Each of the ${name.toLowerCase()}${message.replace(/^each of \S+/, '')}`;
  return `${name}: ${message}`;
}
