import { ROLE_DESCRIPTIONS, ROLES } from '@ledger/application';
import type { Person } from '../../identity/people/people-store';
import { errorMessageOf } from '../components/fields';
import { CSRF_FIELD } from '../layout/csrf';
import type { FormError } from '../layout/error-summary';
import { renderPage } from '../layout/render';

export const PEOPLE_PATH = '/people';

export interface PeopleModel {
  people: readonly Person[];
  csrfToken: string;
  values: { name: string; role: string; organisation: string };
  errors: readonly FormError[];
}

/** The administrator's page: everyone registered, what can be done for each, and a form to add someone. */
export function peoplePage({ people, csrfToken, values, errors }: PeopleModel): string {
  return renderPage('people/people.njk', {
    title: 'People',
    errors,
    addAction: PEOPLE_PATH,
    csrf: { name: CSRF_FIELD, value: csrfToken },
    people: people.map((person) => ({
      cells: [{ text: person.name }, { text: person.role }, { text: person.organisation }, { text: person.disabled ? 'Disabled' : 'Active' }],
      actions: person.disabled
        ? []
        : [
            { action: `${PEOPLE_PATH}/${encodeURIComponent(person.id)}/sign-in-link`, text: 'New sign-in link', hidden: `for ${person.name}` },
            { action: `${PEOPLE_PATH}/${encodeURIComponent(person.id)}/tokens`, text: 'New API token', hidden: `for ${person.name}` },
            { action: `${PEOPLE_PATH}/${encodeURIComponent(person.id)}/disable`, text: 'Disable', hidden: person.name },
          ],
    })),
    fields: {
      name: { id: 'name', name: 'name', label: { text: 'Name' }, value: values.name, errorMessage: errorMessageOf(errors, 'name'), classes: 'govuk-!-width-two-thirds' },
      role: {
        id: 'role',
        name: 'role',
        label: { text: 'Role' },
        errorMessage: errorMessageOf(errors, 'role'),
        items: [{ value: '', text: 'Choose a role' }, ...ROLES.map((role) => ({ value: role, text: `${role}: ${ROLE_DESCRIPTIONS[role]}`, selected: values.role === role }))],
      },
      organisation: { id: 'organisation', name: 'organisation', label: { text: 'Organisation' }, value: values.organisation, errorMessage: errorMessageOf(errors, 'organisation'), classes: 'govuk-!-width-two-thirds' },
    },
  });
}

/** A sign-in link or an API token, shown the one time it exists in the clear. */
export function secretPage(kind: 'link' | 'token', person: Person, secret: string): string {
  return renderPage('people/people-secret.njk', {
    title: kind === 'link' ? 'One-time sign-in link' : 'API token',
    forWhom: `for ${person.name} (${person.role}, ${person.organisation})`,
    name: person.name,
    use: kind === 'link' ? 'The link signs them in once, within 24 hours.' : 'Programs send it as "Authorization: Bearer" and the token; it acts as this person until revoked.',
    secret,
  });
}

