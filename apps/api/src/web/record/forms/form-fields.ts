import { errorMessageOf, type Field } from '../../components/fields';
import type { FormError } from '../../layout/error-summary';
import { DATE_PARTS, dateInput, partsOf } from '../../components/date-input';
import { idOf, isGroup, type Choice, type FieldSpec, type FormItem, type FormValues } from './field-spec';

/** GOV.UK form fields for the recording pages: labels, hints, the error at its field, the value as it was sent. */
export function formItems(items: readonly FormItem[], values: FormValues, errors: readonly FormError[]): Field[] {
  return items.map((item) => {
    if (!isGroup(item)) return formField(item, values, errors);
    const hintId = `${idOf(item.fields[0].path)}-group-hint`;
    return {
      macro: 'fieldset',
      params: { legend: { text: item.legend, classes: 'govuk-fieldset__legend--m' }, describedBy: item.hint ? hintId : undefined, classes: 'govuk-!-margin-bottom-6' },
      fields: [
        ...(item.hint ? [{ macro: 'hint' as const, params: { id: hintId, text: item.hint } }] : []),
        ...item.fields.map((field) => formField(field, values, errors)),
        ...(item.after ? [item.after] : []),
      ],
    };
  });
}

function single(value: string | readonly string[] | undefined): string {
  return typeof value === 'string' ? value : (value?.[0] ?? '');
}

const WIDTH = { 'two-thirds': 'govuk-!-width-two-thirds', 'one-half': 'govuk-!-width-one-half', 'one-third': 'govuk-!-width-one-third' } as const;

const YES_NO: readonly Choice[] = [
  { value: 'true', text: 'Yes' },
  { value: 'false', text: 'No' },
];

export function formField(field: FieldSpec, values: FormValues, errors: readonly FormError[]): Field {
  const id = idOf(field.path);
  const errorMessage = errorMessageOf(errors, id);
  const value = single(values[field.path]);
  const label = { text: field.label, classes: 'govuk-label--s' };
  const common = { id, name: field.path, errorMessage };
  switch (field.kind) {
    case 'radios':
    case 'yes-no':
    case 'checkboxes': {
      const choices = field.kind === 'yes-no' ? YES_NO : (field.choices ?? []);
      const sent = values[field.path];
      const chosen = (choice: string) => (typeof sent === 'string' ? sent === choice : (sent ?? []).includes(choice));
      return {
        macro: field.kind === 'checkboxes' ? 'checkboxes' : 'radios',
        params: {
          idPrefix: id,
          name: field.path,
          errorMessage,
          fieldset: { legend: { text: field.label, classes: 'govuk-fieldset__legend--s' } },
          hint: field.hint ? { text: field.hint } : undefined,
          classes: field.kind === 'yes-no' ? 'govuk-radios--inline' : field.kind !== 'checkboxes' && choices.length > 6 ? 'govuk-radios--small' : undefined,
          items: choices.map((choice) => ({ value: choice.value, text: choice.text, hint: choice.hint ? { text: choice.hint } : undefined, checked: chosen(choice.value) })),
        },
      };
    }
    case 'textarea':
      return { macro: 'textarea', params: { ...common, label, hint: field.hint ? { text: field.hint } : undefined, value, rows: 5 } };
    case 'date':
      return dateField(field, values, errors);
    case 'percent':
      return { macro: 'input', params: { ...common, label, hint: field.hint ? { text: field.hint } : undefined, value, classes: 'govuk-input--width-3', inputmode: 'numeric', spellcheck: false, suffix: { text: '%' } } };
    default:
      return { macro: 'input', params: { ...common, label, hint: field.hint ? { text: field.hint } : undefined, value, classes: field.width ? WIDTH[field.width] : undefined } };
  }
}

/** GOV.UK's date input, for the API's YYYY-MM-DD. */
function dateField(field: FieldSpec, values: FormValues, errors: readonly FormError[]): Field {
  const id = idOf(field.path);
  return dateInput({
    id,
    name: field.path,
    legend: field.label,
    legendClasses: 'govuk-fieldset__legend--s',
    hint: field.hint,
    parts: partsOf(values, field.path),
    error: errors.find((e) => e.field === id || DATE_PARTS.some((part) => e.field === `${id}-${part}`)),
  });
}
