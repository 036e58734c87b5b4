import { AsyncLocalStorage } from 'node:async_hooks';
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
