import { AsyncLocalStorage } from 'node:async_hooks';
import type { Principal } from '../../identity/principal';
import { html, type SafeHtml } from './html';

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

/** The line at the foot of the header: who is acting and, in development mode, a way to change it. Nothing outside a request. */
export function actingAsBanner(): SafeHtml | false {
  const who = answering.getStore();
  const principal = who?.principal();
  if (who === undefined || principal === undefined) return false;
  return html`<div class="govuk-width-container ledger-no-print">
      <div class="govuk-phase-banner" id="acting-as">
        <p class="govuk-phase-banner__content">
          ${who.development && html`<strong class="govuk-tag govuk-phase-banner__content__tag">Development</strong>`}
          <span class="govuk-phase-banner__text">Acting as <strong>${personWords(principal)}</strong>${who.changeHref !== null && html` · <a class="govuk-link" href="${who.changeHref}">Change<span class="govuk-visually-hidden"> who you are acting as</span></a>`}</span>
        </p>
      </div>
    </div>`;
}
