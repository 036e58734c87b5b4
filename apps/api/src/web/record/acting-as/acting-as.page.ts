import type { Request } from 'express';
import type { DevUser } from '../../../identity/dev-users';
import type { Principal } from '../../../identity/principal';
import { CSRF_FIELD } from '../../layout/csrf';
import { errorMessage, errorSummary, hasError, type FormError } from '../../layout/error-summary';
import { html } from '../../layout/html';
import { layout } from '../../layout/layout';

export const PERSON_FIELD = 'person';

/** Where the switcher sends the browser back to: a path on this site, nothing else. */
export function safeReturnPath(asked: unknown): string {
  return typeof asked === 'string' && /^\/(?![/\\])[^\s\\]*$/.test(asked) && asked.length <= 2000 ? asked : '/';
}

export const ACTING_AS_PATH = '/acting-as';

export function switcherHref(returnTo: string): string {
  return `${ACTING_AS_PATH}?returnTo=${encodeURIComponent(returnTo)}`;
}

/** What a page's address says only once, after a form was used (Post/Redirect/Get): not kept on the way back from the switcher. */
const ONCE_ONLY = ['atLeast', 'recorded'];

/**
 * Where the switcher returns to from the page being answered: that page, or for a page answering
 * a post (a form sent back with its errors), the page of this site the post was sent from.
 */
export function returnPathOf(request: Request): string {
  const here = new URL(request.originalUrl, 'http://this-site');
  const from = request.headers.referer;
  let page: URL | undefined = here;
  if (request.method !== 'GET' && request.method !== 'HEAD') page = from !== undefined && URL.canParse(from) && new URL(from).host === request.headers.host ? new URL(from) : undefined;
  if (page === undefined) return '/';
  for (const name of ONCE_ONLY) page.searchParams.delete(name);
  return safeReturnPath(`${page.pathname}${page.search}`);
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
    <form method="post" action="${ACTING_AS_PATH}" novalidate>
      <input type="hidden" name="${CSRF_FIELD}" value="${csrfToken}">
      <input type="hidden" name="returnTo" value="${returnTo}">
      <div class="govuk-form-group${invalid ? ' govuk-form-group--error' : ''}">
        <fieldset class="govuk-fieldset" aria-describedby="${PERSON_FIELD}-hint${invalid ? ` ${PERSON_FIELD}-error` : ''}">
          <legend class="govuk-fieldset__legend govuk-fieldset__legend--l"><h1 class="govuk-fieldset__heading">Who are you acting as?</h1></legend>
          <div id="${PERSON_FIELD}-hint" class="govuk-hint">Development mode only, until sign-in exists. Everything you record from the pages is attributed to the person you choose.</div>
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
