import { errorMessage, hasError, type FormError } from '../../layout/error-summary';
import { html, type SafeHtml } from '../../layout/html';
import { idOf, isGroup, type Choice, type FieldSpec, type FormItem, type FormValues } from './field-spec';

/** GOV.UK form fields for the recording pages: labels, hints, the error at its field, the value as it was sent. */
export function formItems(items: readonly FormItem[], values: FormValues, errors: readonly FormError[]): SafeHtml {
  return html`${items.map((item) =>
    isGroup(item)
      ? html`<fieldset class="govuk-fieldset govuk-!-margin-bottom-6"${item.hint && html` aria-describedby="${idOf(item.fields[0].path)}-group-hint"`}>
  <legend class="govuk-fieldset__legend govuk-fieldset__legend--m">${item.legend}</legend>
  ${item.hint && html`<div id="${idOf(item.fields[0].path)}-group-hint" class="govuk-hint">${item.hint}</div>`}
  ${item.fields.map((field) => formField(field, values, errors))}
  ${item.after}
</fieldset>`
      : formField(item, values, errors),
  )}`;
}

export function formField(field: FieldSpec, values: FormValues, errors: readonly FormError[]): SafeHtml {
  switch (field.kind) {
    case 'radios':
    case 'yes-no':
    case 'checkboxes':
      return choiceField(field, values, errors);
    default:
      return inputField(field, values, errors);
  }
}

function describedBy(id: string, hint: string | undefined, invalid: boolean): SafeHtml | false {
  const ids = [hint ? `${id}-hint` : '', invalid ? `${id}-error` : ''].filter(Boolean).join(' ');
  return ids.length > 0 && html` aria-describedby="${ids}"`;
}

function single(value: string | readonly string[] | undefined): string {
  return typeof value === 'string' ? value : (value?.[0] ?? '');
}

const WIDTH = { 'two-thirds': ' govuk-!-width-two-thirds', 'one-half': ' govuk-!-width-one-half', 'one-third': ' govuk-!-width-one-third' } as const;

function inputField(field: FieldSpec, values: FormValues, errors: readonly FormError[]): SafeHtml {
  const id = idOf(field.path);
  const invalid = hasError(errors, id);
  const hint = field.hint ?? (field.kind === 'date' ? 'For example, 2025-01-31 (year-month-day)' : undefined);
  const value = single(values[field.path]);
  const aria = describedBy(id, hint, invalid);
  const error = invalid ? ' govuk-input--error' : '';
  let control: SafeHtml;
  if (field.kind === 'textarea') {
    control = html`<textarea class="govuk-textarea${invalid ? ' govuk-textarea--error' : ''}" id="${id}" name="${field.path}" rows="5"${aria}>${value}</textarea>`;
  } else if (field.kind === 'date') {
    control = html`<input class="govuk-input govuk-input--width-10${error}" id="${id}" name="${field.path}" type="text" value="${value}" spellcheck="false" autocomplete="off"${aria}>`;
  } else if (field.kind === 'percent') {
    control = html`<div class="govuk-input__wrapper">
    <input class="govuk-input govuk-input--width-3${error}" id="${id}" name="${field.path}" type="text" inputmode="numeric" value="${value}" spellcheck="false"${aria}>
    <div class="govuk-input__suffix" aria-hidden="true">%</div>
  </div>`;
  } else {
    control = html`<input class="govuk-input${field.width ? WIDTH[field.width] : ''}${error}" id="${id}" name="${field.path}" type="text" value="${value}"${aria}>`;
  }
  return html`<div class="govuk-form-group${invalid ? ' govuk-form-group--error' : ''}">
  <label class="govuk-label govuk-label--s" for="${id}">${field.label}</label>
  ${hint && html`<div id="${id}-hint" class="govuk-hint">${hint}</div>`}
  ${errorMessage(errors, id)}
  ${control}
</div>`;
}

const YES_NO: readonly Choice[] = [
  { value: 'true', text: 'Yes' },
  { value: 'false', text: 'No' },
];

/** Radios or checkboxes in a fieldset; the first choice's input has the field's id, so the error summary can link to it. */
function choiceField(field: FieldSpec, values: FormValues, errors: readonly FormError[]): SafeHtml {
  const id = idOf(field.path);
  const invalid = hasError(errors, id);
  const type = field.kind === 'checkboxes' ? 'checkbox' : 'radio';
  const kind = field.kind === 'checkboxes' ? 'checkboxes' : 'radios';
  const choices = field.kind === 'yes-no' ? YES_NO : (field.choices ?? []);
  const sent = values[field.path];
  const chosen = (value: string) => (typeof sent === 'string' ? sent === value : (sent ?? []).includes(value));
  return html`<div class="govuk-form-group${invalid ? ' govuk-form-group--error' : ''}">
  <fieldset class="govuk-fieldset"${describedBy(id, field.hint, invalid)}>
    <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">${field.label}</legend>
    ${field.hint && html`<div id="${id}-hint" class="govuk-hint">${field.hint}</div>`}
    ${errorMessage(errors, id)}
    <div class="govuk-${kind}${field.kind === 'yes-no' ? ' govuk-radios--inline' : ''}${field.kind !== 'checkboxes' && choices.length > 6 ? ' govuk-radios--small' : ''}" data-module="govuk-${kind}">
      ${choices.map((choice, index) => {
        const itemId = index === 0 ? id : `${id}-${index + 1}`;
        return html`<div class="govuk-${kind}__item">
        <input class="govuk-${kind}__input" id="${itemId}" name="${field.path}" type="${type}" value="${choice.value}"${chosen(choice.value) ? html` checked` : ''}${choice.hint && html` aria-describedby="${itemId}-item-hint"`}>
        <label class="govuk-label govuk-${kind}__label" for="${itemId}">${choice.text}</label>
        ${choice.hint && html`<div id="${itemId}-item-hint" class="govuk-hint govuk-${kind}__hint">${choice.hint}</div>`}
      </div>`;
      })}
    </div>
  </fieldset>
</div>`;
}
