import type { Principal } from '../../identity/principal';
import { OIDC_START_PATH, SIGN_IN_LINK_PATH, SIGN_OUT_PATH } from '../../identity/sign-in/sign-in-paths';
import { CSRF_FIELD } from '../layout/csrf';
import { html } from '../layout/html';
import { layout } from '../layout/layout';
import { personWords } from '../layout/who-is-acting';

export interface SignInModel {
  signedIn: Principal | undefined;
  /** The identity provider's sign-in, when one is configured. */
  oidc: boolean;
  returnTo: string;
  csrfToken: string;
}

/** How to sign in here: the identity provider's button, or the one-time link an administrator gave. */
export function signInPage({ signedIn, oidc, returnTo, csrfToken }: SignInModel): string {
  const content = html`<div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
<h1 class="govuk-heading-l">Sign in</h1>
${signedIn && html`<div class="govuk-inset-text" id="signed-in">You are signed in as ${personWords(signedIn)}.</div>
<form method="post" action="${SIGN_OUT_PATH}" novalidate><input type="hidden" name="${CSRF_FIELD}" value="${csrfToken}">
<button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">Sign out</button></form>`}
${oidc
  ? html`<p class="govuk-body">Sign in with your organisation's account.</p>
<a href="${OIDC_START_PATH}?returnTo=${encodeURIComponent(returnTo)}" role="button" draggable="false" class="govuk-button govuk-button--start" data-module="govuk-button">Sign in with your organisation</a>`
  : html`<p class="govuk-body">Open the one-time sign-in link an administrator gave you. Each link works once, for 24 hours.</p>
<p class="govuk-body">If your link has been used or has expired, ask an administrator for a new one.</p>`}
</div></div>`;
  return layout({ title: 'Sign in', content });
}

/** Where a one-time link lands: one button, so that a link checker opening the link does not use it up. */
export function signInLinkPage({ token, valid, csrfToken }: { token: string; valid: boolean; csrfToken: string }): string {
  const content = valid
    ? html`<div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
<h1 class="govuk-heading-l">Sign in to the ledger</h1>
<p class="govuk-body">This link signs you in once. Everything you record is attributed to you.</p>
<form method="post" action="${SIGN_IN_LINK_PATH}" novalidate>
<input type="hidden" name="${CSRF_FIELD}" value="${csrfToken}"><input type="hidden" name="token" value="${token}">
<button type="submit" class="govuk-button" data-module="govuk-button">Sign in</button></form></div></div>`
    : html`<h1 class="govuk-heading-l">This sign-in link cannot be used</h1>
<p class="govuk-body">It has been used already, has expired, or is not one this ledger gave out. Ask an administrator for a new one.</p>`;
  return layout({ title: valid ? 'Sign in' : 'This sign-in link cannot be used', content });
}
