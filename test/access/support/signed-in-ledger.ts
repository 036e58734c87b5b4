import { ROLES, type Role } from '@ledger/application';
import { PeopleStore, type Person } from '../../../apps/api/src/identity/people/people-store';
import { startLedger, temporaryDataDir, type LedgerUnderTest } from '../../e2e/support/ledger-under-test';

type StartOptions = Parameters<typeof startLedger>[2];

export const FORCE = 'Cumbria Constabulary';
export const OTHER_FORCE = 'Lancashire Constabulary';
const OPFCC = 'Cumbria OPFCC';

const ORGANISATIONS: Record<Role, string> = {
  office: OPFCC,
  commissioner: OPFCC,
  'force-lead': FORCE,
  verifier: OPFCC,
  scrutiny: 'Cumbria Police, Fire and Crime Panel',
  'hmicfrs-liaison': 'HMICFRS',
  admin: OPFCC,
};

export interface SignedInPerson {
  person: Person;
  token: string;
}

/**
 * The ledger as it runs for real: no development identities (production unless told otherwise),
 * one registered person per role, each with an API token, plus a force lead of another force.
 */
export interface SignedInLedger extends LedgerUnderTest {
  people: Record<Role, SignedInPerson>;
  otherForceLead: SignedInPerson;
  store_: PeopleStore;
  register(name: string, role: Role, organisation: string): SignedInPerson;
}

export async function startSignedInLedger(env: Record<string, string> = {}, dataDir = temporaryDataDir(), options: StartOptions = {}): Promise<SignedInLedger> {
  const ledger = await startLedger(dataDir, { NODE_ENV: 'production', LEDGER_DEV_IDENTITIES: '0', ...env }, options);
  const store = ledger.app.get(PeopleStore);
  const register = (name: string, role: Role, organisation: string): SignedInPerson => {
    const person = store.add({ name, role, organisation });
    return { person, token: store.createApiToken(person.id, `${role} test token`).token };
  };
  const people = Object.fromEntries(ROLES.map((role) => [role, register(`Test ${role}`, role, ORGANISATIONS[role])])) as Record<Role, SignedInPerson>;
  return { ...ledger, people, otherForceLead: register('Test force lead of another force', 'force-lead', OTHER_FORCE), store_: store, register };
}

export function bearer(who: SignedInPerson): Record<string, string> {
  return { Authorization: `Bearer ${who.token}` };
}
