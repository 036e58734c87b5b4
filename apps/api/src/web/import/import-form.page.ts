import { errorMessage, errorSummary, hasError, type FormError } from '../layout/error-summary';
import { html } from '../layout/html';
import { layout } from '../layout/layout';
import { CSRF_FIELD } from '../layout/csrf';
import { FIELD, type ImportFormValues } from './import-form';

export const MAX_PAGE_MB = 2;

export function importFormPage({ values, errors, csrfToken }: { values: ImportFormValues; errors: readonly FormError[]; csrfToken: string }): string {
  const dateInvalid = hasError(errors, FIELD.day, FIELD.month, FIELD.year);
  const dateError = errors.find((e) => e.field === FIELD.day || e.field === FIELD.month || e.field === FIELD.year);
  // A date missing a part highlights the parts to fill in; a date that is wrong as a whole, all of them.
  const partsMissing = !values.day || !values.month || !values.year;
  const partInError = (part: 'day' | 'month' | 'year') => dateInvalid && (!partsMissing || !values[part]);
  const dateInput = (part: 'day' | 'month' | 'year', label: string, width: 2 | 4) => html`<div class="govuk-date-input__item">
          <div class="govuk-form-group">
            <label class="govuk-label govuk-date-input__label" for="${FIELD[part]}">${label}</label>
            <input class="govuk-input govuk-date-input__input govuk-input--width-${width}${partInError(part) ? ' govuk-input--error' : ''}" id="${FIELD[part]}" name="responseDate-${part}" type="text" inputmode="numeric" value="${values[part]}">
          </div>
        </div>`;

  const content = html`<div class="govuk-grid-row">
  <div class="govuk-grid-column-two-thirds">
    ${errorSummary(errors)}
    <h1 class="govuk-heading-l">Import a published page</h1>
    <p class="govuk-body">Give the ledger a published inspection and response page, such as a commissioner's HMICFRS response page. You will see exactly what will be recorded before anything is.</p>
    <form method="post" action="/import/preview" enctype="multipart/form-data" novalidate>
      <input type="hidden" name="${CSRF_FIELD}" value="${csrfToken}">

      <div class="govuk-form-group${hasError(errors, FIELD.file) ? ' govuk-form-group--error' : ''}">
        <label class="govuk-label govuk-label--m" for="${FIELD.file}">Upload the page</label>
        <div id="${FIELD.file}-hint" class="govuk-hint">The page saved from the web (HTML) or as a text file, up to ${MAX_PAGE_MB} MB.</div>
        ${errorMessage(errors, FIELD.file)}
        <input class="govuk-file-upload${hasError(errors, FIELD.file) ? ' govuk-file-upload--error' : ''}" id="${FIELD.file}" name="pageFile" type="file" accept=".html,.htm,.txt,text/html,text/plain" aria-describedby="${FIELD.file}-hint${hasError(errors, FIELD.file) ? ` ${FIELD.file}-error` : ''}">
      </div>

      <div class="govuk-form-group">
        <label class="govuk-label govuk-label--m" for="${FIELD.text}">Or paste the page</label>
        <div id="${FIELD.text}-hint" class="govuk-hint">Copy everything from the inspection title to the end of the response.</div>
        <textarea class="govuk-textarea" id="${FIELD.text}" name="pageText" rows="10" aria-describedby="${FIELD.text}-hint">${values.pageText}</textarea>
      </div>

      <div class="govuk-form-group${dateInvalid ? ' govuk-form-group--error' : ''}">
        <fieldset class="govuk-fieldset" role="group" aria-describedby="response-date-hint${dateInvalid ? ' response-date-error' : ''}">
          <legend class="govuk-fieldset__legend govuk-fieldset__legend--m">When was the response made? (optional)</legend>
          <div id="response-date-hint" class="govuk-hint">Pages rarely say. Without it, the comments are dated with the statutory deadline and "within one month" counts from there. For example, 10 10 2024</div>
          ${dateError && html`<p id="response-date-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> ${dateError.message}</p>`}
          <div class="govuk-date-input" id="response-date">
            ${dateInput('day', 'Day', 2)}
            ${dateInput('month', 'Month', 2)}
            ${dateInput('year', 'Year', 4)}
          </div>
        </fieldset>
      </div>

      <button type="submit" class="govuk-button" data-module="govuk-button">Preview what will be recorded</button>
    </form>
  </div>
</div>`;
  return layout({ title: 'Import a published page', content, section: 'import', hasErrors: errors.length > 0 });
}
