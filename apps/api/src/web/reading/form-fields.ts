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

/** A date typed as the address bar takes it (YYYY-MM-DD), with an example. */
export function dateField(options: FieldOptions): Field {
  return textField({ ...options, hint: options.hint ?? 'For example, 2025-02-12 (year-month-day)', width: 'govuk-input--width-10' });
}

export function yesNoChoices(yes: string, no: string): Choice[] {
  return [
    { value: 'true', text: yes },
    { value: 'false', text: no },
  ];
}
