import type { DevUser } from '../../../identity/dev-users';
import type { Principal } from '../../../identity/principal';
import { CSRF_FIELD } from '../../layout/csrf';
import { errorMessage, errorSummary, hasError, type FormError } from '../../layout/error-summary';
import { html, type SafeHtml } from '../../layout/html';
import { layout } from '../../layout/layout';

export const PERSON_FIELD = 'person';

/** "NAME (ROLE, ORGANISATION)": how the pages name whoever records something. */
export function personWords(person: Principal): string {
  return `${person.name} (${person.role}, ${person.organisation})`;
}

/** Where the switcher sends the browser back to: a path on this site, nothing else. */
export function safeReturnPath(asked: unknown): string {
  return typeof asked === 'string' && /^\/(?![/\\])[^\s\\]*$/.test(asked) && asked.length <= 2000 ? asked : '/';
}

export function switcherHref(returnTo: string): string {
  return `/acting-as?returnTo=${encodeURIComponent(returnTo)}`;
}

/**
 * Who the pages record as, in a phase banner under the header on every recording page; in
 * development mode tagged so, with a way to switch.
 */
export function actingAsBar(principal: Principal, selectable: boolean, returnTo: string): SafeHtml {
  return html`<div class="govuk-phase-banner ledger-no-print" id="acting-as">
  <p class="govuk-phase-banner__content">
    ${selectable && html`<strong class="govuk-tag govuk-phase-banner__content__tag">Development</strong>`}
    <span class="govuk-phase-banner__text">Acting as <strong>${personWords(principal)}</strong>${selectable && html` · <a class="govuk-link" href="${switcherHref(returnTo)}">Change<span class="govuk-visually-hidden"> who you are acting as</span></a>`}</span>
  </p>
</div>`;
}

export interface SwitcherModel {
  people: readonly DevUser[];
  current: Principal;
  returnTo: string;
  csrfToken: string;
  errors: readonly FormError[];
}

/** One question: who to act as. A development aid until sign-in exists; the choice is one of the configured people, never typed in. */
export function actingAsPage({ people, current, returnTo, csrfToken, errors }: SwitcherModel): string {
  const invalid = hasError(errors, PERSON_FIELD);
  const content = html`<div class="govuk-grid-row">
  <div class="govuk-grid-column-two-thirds">
    ${errorSummary(errors)}
    <form method="post" action="/acting-as" novalidate>
      <input type="hidden" name="${CSRF_FIELD}" value="${csrfToken}">
      <input type="hidden" name="returnTo" value="${returnTo}">
      <div class="govuk-form-group${invalid ? ' govuk-form-group--error' : ''}">
        <fieldset class="govuk-fieldset" aria-describedby="${PERSON_FIELD}-hint${invalid ? ` ${PERSON_FIELD}-error` : ''}">
          <legend class="govuk-fieldset__legend govuk-fieldset__legend--l"><h1 class="govuk-fieldset__heading">Who are you acting as?</h1></legend>
          <div id="${PERSON_FIELD}-hint" class="govuk-hint">Development mode only, until sign-in exists. Everything you record from the pages is attributed to this person. You are acting as ${personWords(current)}.</div>
          ${errorMessage(errors, PERSON_FIELD)}
          <div class="govuk-radios" data-module="govuk-radios">
            ${people.map(
              (person, index) => html`<div class="govuk-radios__item">
              <input class="govuk-radios__input" id="${index === 0 ? PERSON_FIELD : `${PERSON_FIELD}-${index + 1}`}" name="${PERSON_FIELD}" type="radio" value="${person.id}"${person.id === current.id ? html` checked` : ''} aria-describedby="${PERSON_FIELD}-${index + 1}-item-hint">
              <label class="govuk-label govuk-radios__label" for="${index === 0 ? PERSON_FIELD : `${PERSON_FIELD}-${index + 1}`}">${person.name}</label>
              <div id="${PERSON_FIELD}-${index + 1}-item-hint" class="govuk-hint govuk-radios__hint">${person.role}, ${person.organisation}</div>
            </div>`,
            )}
          </div>
        </fieldset>
      </div>
      <div class="govuk-button-group">
        <button type="submit" class="govuk-button" data-module="govuk-button">Act as this person</button>
        <a class="govuk-link" href="${returnTo}">Cancel</a>
      </div>
    </form>
  </div>
</div>`;
  return layout({ title: 'Who are you acting as?', content, hasErrors: errors.length > 0 });
}
