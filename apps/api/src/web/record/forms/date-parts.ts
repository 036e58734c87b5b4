import { DATE_PARTS, partsOf, readDateParts, type ReadDate } from '../../components/date-input';
import type { FormError } from '../../layout/error-summary';
import { fieldName } from './dto-check';
import { idOf, type FieldSpec, type FormValues } from './field-spec';

export { DATE_PARTS, partName, partsOf, type DatePart } from '../../components/date-input';

/** A date field's three boxes, read in the field's own words, at its first box to fix. */
export function readDate(field: FieldSpec, values: FormValues): ReadDate {
  return readDateParts(partsOf(values, field.path), idOf(field.path), fieldName(field));
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
  return errors.map((error) => (dates.has(error.field) ? { ...error, field: `${error.field}-${DATE_PARTS[0]}` } : error));
}
