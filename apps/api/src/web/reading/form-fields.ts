import { errorMessage, hasError, type FormError } from '../layout/error-summary';
import { html, type SafeHtml } from '../layout/html';
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

function describedBy(name: string, hint: string | undefined, errors: readonly FormError[]): string | false {
  const ids = [hint ? `${name}-hint` : '', hasError(errors, name) ? `${name}-error` : ''].filter(Boolean).join(' ');
  return ids.length > 0 && ids;
}

function group(name: string, errors: readonly FormError[], inner: SafeHtml): SafeHtml {
  return html`<div class="govuk-form-group${hasError(errors, name) ? ' govuk-form-group--error' : ''}">
  ${inner}
</div>`;
}

/** A select whose first choice, "any", sends nothing. */
export function selectField({ name, label, hint, values, errors, choices, any = 'Any' }: FieldOptions & { choices: readonly Choice[]; any?: string | false }): SafeHtml {
  const current = values[name] ?? '';
  const aria = describedBy(name, hint, errors);
  return group(
    name,
    errors,
    html`<label class="govuk-label" for="${name}">${label}</label>
  ${hint && html`<div id="${name}-hint" class="govuk-hint">${hint}</div>`}
  ${errorMessage(errors, name)}
  <select class="govuk-select govuk-!-width-full${hasError(errors, name) ? ' govuk-select--error' : ''}" id="${name}" name="${name}"${aria && html` aria-describedby="${aria}"`}>
    ${any !== false && html`<option value=""${current === '' ? html` selected` : ''}>${any}</option>`}
    ${choices.map((choice) => html`<option value="${choice.value}"${choice.value === current ? html` selected` : ''}>${choice.text}</option>`)}
  </select>`,
  );
}

export function textField({ name, label, hint, values, errors, width = 'govuk-!-width-full' }: FieldOptions & { width?: string }): SafeHtml {
  const aria = describedBy(name, hint, errors);
  return group(
    name,
    errors,
    html`<label class="govuk-label" for="${name}">${label}</label>
  ${hint && html`<div id="${name}-hint" class="govuk-hint">${hint}</div>`}
  ${errorMessage(errors, name)}
  <input class="govuk-input ${width}${hasError(errors, name) ? ' govuk-input--error' : ''}" id="${name}" name="${name}" type="text" value="${values[name] ?? ''}" spellcheck="false"${aria && html` aria-describedby="${aria}"`}>`,
  );
}

/** A date typed as the address bar takes it (YYYY-MM-DD), with an example. */
export function dateField(options: FieldOptions): SafeHtml {
  return textField({ ...options, hint: options.hint ?? 'For example, 2025-02-12 (year-month-day)', width: 'govuk-input--width-10' });
}

/** A form sent with GET to the page itself, so that its answer can be bookmarked and shared. */
export function filterForm({ action, fields, submit, clear = true }: { action: string; fields: readonly SafeHtml[]; submit: string; clear?: boolean }): SafeHtml {
  return html`<form method="get" action="${action}" novalidate class="ledger-no-print">
  ${rowsOf(fields, 3).map(
    (row) => html`<div class="govuk-grid-row">
    ${row.map((field) => html`<div class="govuk-grid-column-one-third">${field}</div>`)}
  </div>`,
  )}
  <div class="govuk-button-group">
    <button type="submit" class="govuk-button" data-module="govuk-button">${submit}</button>
    ${clear && html`<a class="govuk-link" href="${action}">Clear filters</a>`}
  </div>
</form>`;
}

function rowsOf<T>(items: readonly T[], size: number): T[][] {
  const rows: T[][] = [];
  for (let start = 0; start < items.length; start += size) rows.push(items.slice(start, start + size));
  return rows;
}

export function yesNoChoices(yes: string, no: string): Choice[] {
  return [
    { value: 'true', text: yes },
    { value: 'false', text: no },
  ];
}
