import type { Request } from 'express';
import type { DevUser } from '../../../identity/dev-users';
import type { Principal } from '../../../identity/principal';
import { CSRF_FIELD } from '../../layout/csrf';
import { errorMessageOf } from '../../components/fields';
import type { FormError } from '../../layout/error-summary';
import { renderPage } from '../../layout/render';

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
  return renderPage('record/acting-as/acting-as.njk', {
    title: 'Who are you acting as?',
    errors,
    action: ACTING_AS_PATH,
    csrf: { name: CSRF_FIELD, value: csrfToken },
    returnTo,
    person: {
      idPrefix: PERSON_FIELD,
      name: PERSON_FIELD,
      fieldset: { legend: { text: 'Who are you acting as?', isPageHeading: true, classes: 'govuk-fieldset__legend--l' } },
      hint: { text: 'Development mode only, until sign-in exists. Everything you record from the pages is attributed to the person you choose.' },
      errorMessage: errorMessageOf(errors, PERSON_FIELD),
      items: people.map((person) => ({ value: person.id, text: person.name, hint: { text: `${person.role}, ${person.organisation}` }, checked: person.id === current.id })),
    },
  });
}
