import { AsyncLocalStorage } from 'node:async_hooks';
import { COMMAND_ROLES, mayDo, OWN_ORGANISATION_ONLY, ROLE_TABLE, type Capability } from '@ledger/application';
import type { Principal } from '../../identity/principal';

/** What the header of every page says about who is acting, for the request being answered. */
export interface WhoIsActing {
  /** Whom the identity guard decided acts; undefined when it refused the request (an error page). */
  principal(): Principal | undefined;
  /** Development mode: the person acting is one of the development people, and may be switched. */
  development: boolean;
  /** The switcher, with the way back to this page; null where there is none (production, the switcher itself). */
  changeHref: string | null;
}

/**
 * Request-scoped, so that every page's header can say who is acting without each page being
 * handed it: the pages' middleware answers each request inside `answerActingAs`, and the layout
 * reads it while rendering that request's page.
 */
const answering = new AsyncLocalStorage<WhoIsActing>();

export function answerActingAs(who: WhoIsActing, answer: () => void): void {
  answering.run(who, answer);
}

/** "NAME (ROLE, ORGANISATION)": how the pages name whoever records something. */
export function personWords(person: Principal): string {
  return `${person.name} (${person.role}, ${person.organisation})`;
}

/** What the header says about who is acting: nothing outside a request, or when no one was let act. */
export interface ActingAsView {
  person: string;
  development: boolean;
  changeHref: string | null;
}

export function actingAsView(): ActingAsView | null {
  const who = answering.getStore();
  const principal = who?.principal();
  if (who === undefined || principal === undefined) return null;
  return { person: personWords(principal), development: who.development, changeHref: who.changeHref };
}

/** Whether development identities are on for the request being answered: every page then warns that anyone can act as anyone. */
export function developmentIdentitiesOn(): boolean {
  return answering.getStore()?.development === true;
}

/**
 * What a role may do, capability by capability, as the role table says. Pages show a form, a
 * button or a link to one only where its capability is true; the guard still refuses the rest.
 */
export type Capabilities = Readonly<Record<Capability, boolean>>;

export function capabilitiesOf(role: string | undefined): Capabilities {
  return Object.fromEntries(Object.keys(ROLE_TABLE).map((capability) => [capability, role !== undefined && mayDo(role, capability as Capability)])) as Record<Capability, boolean>;
}

/** What whoever acts in the request being answered may do: nothing outside a request, or when no one was let act. */
export function actingCapabilities(): Capabilities {
  return capabilitiesOf(answering.getStore()?.principal()?.role);
}

/**
 * What whoever acts may do about one recommendation, owned by `ownerOrganisation`: a role that acts
 * only for its own organisation's recommendations (a force lead) may send none of their commands
 * about another's, or about one with no owner yet; reading and the rest are as the role table says.
 */
export function actingCapabilitiesOn(ownerOrganisation: string | null): Capabilities {
  const principal = answering.getStore()?.principal();
  const may = capabilitiesOf(principal?.role);
  if (principal === undefined || !(OWN_ORGANISATION_ONLY as readonly string[]).includes(principal.role) || ownerOrganisation === principal.organisation) return may;
  return { ...may, ...Object.fromEntries(Object.keys(COMMAND_ROLES).map((command) => [command, false])) };
}
