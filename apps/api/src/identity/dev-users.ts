import type { Actor } from '@ledger/domain';

/**
 * Until sign-in exists (its own issue), this file is the one place that says who is acting.
 * Every request acts as the configured development user (LEDGER_DEV_USER_*: office staff at the
 * OPFCC by default). In development mode a request may act as one of the other people below with
 * the X-Ledger-Dev-User header, so that flows needing two people (completion marked by one,
 * verified by another) can be exercised. Actor fields are never read from a request body.
 */
export type DevUser = Actor;

export const DEV_USER_HEADER = 'x-ledger-dev-user';

const OPFCC = 'Office of the Police, Fire and Crime Commissioner';
const FORCE = 'Constabulary';

const OFFICE_STAFF: DevUser = { id: 'office-staff', name: 'Office Staff (development)', role: 'PFCC office staff', organisation: OPFCC };

/** The development people, selectable by id. The configured default user is added to these. */
export const DEVELOPMENT_PEOPLE: readonly DevUser[] = [
  OFFICE_STAFF,
  { id: 'force-action-owner', name: 'Force Action Owner (development)', role: 'Force action owner', organisation: FORCE },
  { id: 'performance-lead', name: 'Performance Lead (development)', role: 'Performance lead (verifier)', organisation: OPFCC },
  { id: 'hmicfrs-liaison', name: 'HMICFRS Liaison (development)', role: 'HMICFRS liaison', organisation: FORCE },
  { id: 'ledger-admin', name: 'Ledger Administrator (development)', role: 'Ledger administrator', organisation: OPFCC },
];

/**
 * What a person may do beyond recording and reading: access roles, which routes require with
 * `@Roles(...)`. A person's `role` is free text that goes into the record; these are the stable
 * names access is decided on.
 */
export type AccessRole = 'office' | 'liaison' | 'admin';

/**
 * The access roles of each development person, by id. Anyone else, including a configured
 * default user with another id, has none.
 */
const ACCESS_ROLES: Readonly<Record<string, readonly AccessRole[]>> = {
  'office-staff': ['office'],
  'performance-lead': ['office'],
  'hmicfrs-liaison': ['liaison'],
  'ledger-admin': ['admin'],
  'force-action-owner': [],
};

export function accessRolesOf(user: DevUser): readonly AccessRole[] {
  return Object.hasOwn(ACCESS_ROLES, user.id) ? ACCESS_ROLES[user.id] : [];
}

/** The default identity: LEDGER_DEV_USER_ID, _NAME, _ROLE and _ORG, each defaulting to office staff at the OPFCC. */
export function devUserFromEnv(env: Record<string, string | undefined>): DevUser {
  return {
    id: env.LEDGER_DEV_USER_ID || OFFICE_STAFF.id,
    name: env.LEDGER_DEV_USER_NAME || OFFICE_STAFF.name,
    role: env.LEDGER_DEV_USER_ROLE || OFFICE_STAFF.role,
    organisation: env.LEDGER_DEV_USER_ORG || OFFICE_STAFF.organisation,
  };
}

export class DevUserDirectory {
  private readonly byId = new Map<string, DevUser>();

  constructor(readonly defaultUser: DevUser) {
    for (const person of DEVELOPMENT_PEOPLE) this.byId.set(person.id, person);
    this.byId.set(defaultUser.id, defaultUser);
  }

  find(id: string): DevUser | undefined {
    return this.byId.get(id);
  }

  all(): DevUser[] {
    return [...this.byId.values()];
  }
}
