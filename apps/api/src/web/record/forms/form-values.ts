import { DATE_PARTS, partName } from './date-parts';
import type { FieldSpec, FormValues } from './field-spec';

/**
 * A posted form read two ways: as it was typed (to show it again) and as the JSON API's body
 * would carry it (to validate with the API's own DTO). Blank answers are left out, so the DTO
 * says what is required; a field the page does not have is passed on, so the DTO refuses it as
 * the API would. Nothing here decides what is valid.
 */
export function valuesOf(form: URLSearchParams, fields: readonly FieldSpec[]): FormValues {
  const values: FormValues = {};
  for (const field of fields) {
    if (field.kind === 'date') for (const part of DATE_PARTS) values[partName(field.path, part)] = form.get(partName(field.path, part)) ?? '';
    else values[field.path] = field.kind === 'checkboxes' ? form.getAll(field.path) : (form.get(field.path) ?? '');
  }
  return values;
}

export function bodyOf(values: FormValues, fields: readonly FieldSpec[], extra: Readonly<Record<string, string>> = {}): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const field of fields) {
    const value = valueOf(field, values[field.path] ?? '');
    if (value !== undefined) setPath(body, field.path, value);
  }
  for (const [name, value] of Object.entries(extra)) body[name] = value;
  return body;
}

/** The form fields that are not the page's own fields nor its control fields: sent on to be refused. */
export function unknownFields(form: URLSearchParams, fields: readonly FieldSpec[], control: readonly string[]): Record<string, string> {
  const known = new Set([...fields.flatMap((field) => (field.kind === 'date' ? DATE_PARTS.map((part) => partName(field.path, part)) : [field.path])), ...control]);
  const unknown: Record<string, string> = {};
  for (const [name, value] of form) if (!known.has(name)) unknown[name] = value;
  return unknown;
}

function valueOf(field: FieldSpec, typed: string | readonly string[]): unknown {
  if (field.kind === 'checkboxes') return Array.isArray(typed) ? [...typed] : [typed];
  const text = (Array.isArray(typed) ? typed[0] ?? '' : typed) as string;
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  switch (field.kind) {
    case 'yes-no':
      return trimmed === 'true' ? true : trimmed === 'false' ? false : trimmed;
    case 'percent':
      return /^-?\d{1,6}$/.test(trimmed) ? Number(trimmed) : trimmed;
    case 'textarea':
      // Browsers send a textarea's line breaks as CRLF.
      return trimmed.replace(/\r\n?/g, '\n');
    default:
      return trimmed;
  }
}

/** `findings[0].text` -> body.findings[0].text, making the objects and lists on the way. */
export function setPath(body: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split(/\.|\[(\d+)\]\.?/).filter((key) => key !== undefined && key !== '');
  let node: Record<string, unknown> | unknown[] = body;
  keys.forEach((key, index) => {
    const last = index === keys.length - 1;
    const slot = /^\d+$/.test(key) ? Number(key) : key;
    const container = node as Record<string | number, unknown>;
    if (last) {
      container[slot] = value;
      return;
    }
    if (container[slot] === undefined) container[slot] = /^\d+$/.test(keys[index + 1]) ? [] : {};
    node = container[slot] as Record<string, unknown> | unknown[];
  });
}
