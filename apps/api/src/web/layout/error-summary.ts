import { html, type SafeHtml } from './html';

/** One problem with what was sent: `field` is the id of the input to fix, linked from the summary. */
export interface FormError {
  field: string;
  message: string;
}

/** GOV.UK's error summary: first in main, each problem linking to its field. Focused on load by GOV.UK Frontend's script. */
export function errorSummary(errors: readonly FormError[]): SafeHtml | false {
  return (
    errors.length > 0 &&
    html`<div class="govuk-error-summary" data-module="govuk-error-summary">
  <div role="alert">
    <h2 class="govuk-error-summary__title">There is a problem</h2>
    <div class="govuk-error-summary__body">
      <ul class="govuk-list govuk-error-summary__list">
        ${errors.map((error) => html`<li><a href="#${error.field}">${error.message}</a></li>`)}
      </ul>
    </div>
  </div>
</div>`
  );
}

/** The message shown at a field, when it has one. */
export function errorMessage(errors: readonly FormError[], field: string): SafeHtml | false {
  const error = errors.find((e) => e.field === field);
  return error !== undefined && html`<p id="${field}-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> ${error.message}</p>`;
}

export function hasError(errors: readonly FormError[], ...fields: string[]): boolean {
  return errors.some((e) => fields.includes(e.field));
}
