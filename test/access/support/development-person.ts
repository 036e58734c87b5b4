import { ROLES, type Role } from '@ledger/application';
import { DEVELOPMENT_PEOPLE, type DevUser } from '../../../apps/api/src/identity/dev-users';

/** The development person of each role, acted as with X-Ledger-Dev-User while development identities are on. */
export const DEVELOPMENT_PERSON = Object.fromEntries(ROLES.map((role) => [role, DEVELOPMENT_PEOPLE.find((person) => person.role === role)!])) as Record<Role, DevUser>;
