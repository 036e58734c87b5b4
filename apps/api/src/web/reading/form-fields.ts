import { DATE_PARTS, dateInput, partName, partsOf } from '../components/date-input';
import { errorMessageOf, type Field } from '../components/fields';
import type { FormError } from '../layout/error-summary';
import type { FormValues } from './page-query';

/** GOV.UK form fields for the pages' GET filter forms; a field's id is its parameter's name, so an error summary links to it. */

interface FieldOptions {
  name: string;
  label: string;
  hint?: string;
  values: FormValues;
  errors: readonly FormError[];
}

export interface Choice {
  value: string;
  text: string;
}

/** A select whose first choice, "any", sends nothing. */
export function selectField({ name, label, hint, values, errors, choices, any = 'Any' }: FieldOptions & { choices: readonly Choice[]; any?: string | false }): Field {
  const current = values[name] ?? '';
  const items = [...(any === false ? [] : [{ value: '', text: any }]), ...choices].map((choice) => ({ ...choice, selected: choice.value === current }));
  return {
    macro: 'select',
    params: { id: name, name, label: { text: label }, hint: hint ? { text: hint } : undefined, errorMessage: errorMessageOf(errors, name), items, classes: 'govuk-!-width-full' },
  };
}

export function textField({ name, label, hint, values, errors, width = 'govuk-!-width-full' }: FieldOptions & { width?: string }): Field {
  return {
    macro: 'input',
    params: { id: name, name, label: { text: label }, hint: hint ? { text: hint } : undefined, errorMessage: errorMessageOf(errors, name), value: values[name] ?? '', classes: width, spellcheck: false },
  };
}

/** GOV.UK's date input for a date parameter (sent as name-day, name-month, name-year; a link may give it whole as YYYY-MM-DD). */
export function dateField({ name, label, hint, values, errors }: FieldOptions): Field {
  return dateInput({
    id: name,
    name,
    legend: label,
    hint,
    parts: partsOf(values, name),
    error: errors.find((e) => e.field === name || DATE_PARTS.some((part) => e.field === partName(name, part))),
  });
}

export function yesNoChoices(yes: string, no: string): Choice[] {
  return [
    { value: 'true', text: yes },
    { value: 'false', text: no },
  ];
}
