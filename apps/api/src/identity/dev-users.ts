import { isRole } from '@ledger/application';
import type { Principal } from './principal';

/**
 * Development people: only with LEDGER_DEV_IDENTITIES=1, never in production (refused at
 * start-up). While on, a request with no credentials acts as the default development person
 * (LEDGER_DEV_USER_*: office staff by default), and the X-Ledger-Dev-User header or the pages'
 * "Acting as" switch picks another of these, so that flows needing several people can be tried.
 * Actor fields are never read from a request body.
 */
export type DevUser = Principal;

export const DEV_USER_HEADER = 'x-ledger-dev-user';

const OPFCC = 'Office of the Police, Fire and Crime Commissioner';
const FORCE = 'Cumbria Constabulary';
const INSPECTORATE = 'HMICFRS';

const OFFICE_STAFF: DevUser = { id: 'office-staff', name: 'Office Staff (development)', role: 'office', organisation: OPFCC };

/** One development person for each role. */
export const DEVELOPMENT_PEOPLE: readonly DevUser[] = [
  OFFICE_STAFF,
  { id: 'commissioner', name: 'Commissioner (development)', role: 'commissioner', organisation: OPFCC },
  { id: 'force-action-owner', name: 'Force Action Owner (development)', role: 'force-lead', organisation: FORCE },
  { id: 'performance-lead', name: 'Performance Lead (development)', role: 'verifier', organisation: OPFCC },
  { id: 'scrutiny-member', name: 'Scrutiny Panel Member (development)', role: 'scrutiny', organisation: 'Police, Fire and Crime Panel' },
  { id: 'hmicfrs-liaison', name: 'HMICFRS Liaison (development)', role: 'hmicfrs-liaison', organisation: INSPECTORATE },
  { id: 'ledger-admin', name: 'Ledger Administrator (development)', role: 'admin', organisation: OPFCC },
];

/** The default development person: LEDGER_DEV_USER_ID, _NAME, _ROLE and _ORG, each defaulting to office staff at the OPFCC. */
export function devUserFromEnv(env: Record<string, string | undefined>): DevUser {
  const role = env.LEDGER_DEV_USER_ROLE || OFFICE_STAFF.role;
  if (!isRole(role)) throw new Error(`LEDGER_DEV_USER_ROLE must be one of the roles (office, commissioner, force-lead, verifier, scrutiny, hmicfrs-liaison, admin), got "${role}"`);
  return {
    id: env.LEDGER_DEV_USER_ID || OFFICE_STAFF.id,
    name: env.LEDGER_DEV_USER_NAME || OFFICE_STAFF.name,
    role,
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
