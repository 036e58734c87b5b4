import type { Principal } from '../../../identity/principal';
import { CSRF_FIELD } from '../../layout/csrf';
import { errorSummary, type FormError } from '../../layout/error-summary';
import { html, type SafeHtml } from '../../layout/html';
import { layout } from '../../layout/layout';
import { personWords } from '../../layout/who-is-acting';
import type { FormItem, FormValues } from './field-spec';
import { formItems } from './form-fields';
import { SUBMISSION_FIELD } from './submission';

/** The id of a recording page's form: where the error summary points for a refusal of the whole thing. */
export const RECORDING_FORM_ID = 'record-form';

export interface RecordingPageModel {
  /** The h1: what is being recorded. */
  title: string;
  /** What it is recorded about: "REC 03 · Inspection title". */
  caption: string;
  /** What the person should see before answering: the finding's text, the pending change... */
  context?: SafeHtml | false;
  /** Where the form posts; the page is got at the same address, so the switcher can return there. */
  action: string;
  items: readonly FormItem[];
  values: FormValues;
  errors: readonly FormError[];
  submit: string;
  /** The page this form belongs to: the back link and the cancel link. */
  back: string;
  csrfToken: string;
  submission: string;
  /** Who will be recorded as saying or doing it. */
  principal: Principal;
  /** Hidden fields the page carries from one round to the next (never something recorded as typed). */
  hidden?: Readonly<Record<string, string>>;
  /**
   * Buttons besides the main one, in the same form ("Add another finding"). Enter in a field
   * presses the first button of a form, so the main one is then repeated, unseen, first.
   */
  secondary?: SafeHtml | false;
}

/** A recording page: one form, with the error summary first, who will be recorded as the author, and the button. */
export function recordingPage(model: RecordingPageModel): string {
  const content = html`<div class="govuk-grid-row">
  <div class="govuk-grid-column-two-thirds">
    ${errorSummary(model.errors)}
    <span class="govuk-caption-l">${model.caption}</span>
    <h1 class="govuk-heading-l">${model.title}</h1>
    ${model.context}
    <form method="post" action="${model.action}" id="${RECORDING_FORM_ID}" novalidate>
      <input type="hidden" name="${CSRF_FIELD}" value="${model.csrfToken}">
      <input type="hidden" name="${SUBMISSION_FIELD}" value="${model.submission}">
      ${model.secondary && html`<button type="submit" class="govuk-visually-hidden" tabindex="-1" aria-hidden="true">${model.submit}</button>`}
      ${Object.entries(model.hidden ?? {}).map(([name, value]) => html`<input type="hidden" name="${name}" value="${value}">`)}
      ${formItems(model.items, model.values, model.errors)}
      ${model.secondary}
      <p class="govuk-body">This will be recorded as said or done by you, <strong>${personWords(model.principal)}</strong>, from the web pages, with the time of recording. Nothing recorded can be edited or deleted afterwards: a mistake is put right by a correction.</p>
      <div class="govuk-button-group">
        <button type="submit" class="govuk-button" data-module="govuk-button" data-prevent-double-click="true">${model.submit}</button>
        <a class="govuk-link" href="${model.back}">Cancel</a>
      </div>
    </form>
  </div>
</div>`;
  const beforeContent = html`<a href="${model.back}" class="govuk-back-link">Back</a>`;
  return layout({ title: model.title, content, section: 'register', hasErrors: model.errors.length > 0, beforeContent });
}

/** A page in place of a form that cannot be used now (the status does not allow it), saying why. */
export function notNowPage({ title, caption, reason, back }: { title: string; caption: string; reason: SafeHtml | string; back: string }): string {
  const content = html`<div class="govuk-grid-row">
  <div class="govuk-grid-column-two-thirds">
    <span class="govuk-caption-l">${caption}</span>
    <h1 class="govuk-heading-l">${title}</h1>
    <p class="govuk-body">${reason}</p>
    <p class="govuk-body"><a class="govuk-link" href="${back}">Go back</a></p>
  </div>
</div>`;
  return layout({ title, content, section: 'register', beforeContent: html`<a href="${back}" class="govuk-back-link">Back</a>` });
}

/** GOV.UK's success banner, shown on the page a recording form returns to. */
export function recordedBanner(heading: string, body: string): SafeHtml {
  return html`<div class="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby="govuk-notification-banner-title" data-module="govuk-notification-banner">
  <div class="govuk-notification-banner__header">
    <h2 class="govuk-notification-banner__title" id="govuk-notification-banner-title">Success</h2>
  </div>
  <div class="govuk-notification-banner__content">
    <h3 class="govuk-notification-banner__heading">${heading}</h3>
    <p class="govuk-body">${body}</p>
  </div>
</div>`;
}
