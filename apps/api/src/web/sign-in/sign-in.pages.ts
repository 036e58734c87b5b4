import type { Principal } from '../../identity/principal';
import { OIDC_START_PATH, SIGN_IN_LINK_PATH, SIGN_OUT_PATH } from '../../identity/sign-in/sign-in-paths';
import { CSRF_FIELD } from '../layout/csrf';
import { renderPage } from '../layout/render';
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
  return renderPage('sign-in/sign-in.njk', {
    title: 'Sign in',
    signedIn: signedIn && personWords(signedIn),
    signOutPath: SIGN_OUT_PATH,
    oidcHref: oidc ? `${OIDC_START_PATH}?returnTo=${encodeURIComponent(returnTo)}` : null,
    csrf: { name: CSRF_FIELD, value: csrfToken },
  });
}

/** Where a one-time link lands: one button, so that a link checker opening the link does not use it up. */
export function signInLinkPage({ token, valid, csrfToken }: { token: string; valid: boolean; csrfToken: string }): string {
  return renderPage('sign-in/sign-in-link.njk', {
    title: valid ? 'Sign in to the ledger' : 'This sign-in link cannot be used',
    valid,
    token,
    action: SIGN_IN_LINK_PATH,
    csrf: { name: CSRF_FIELD, value: csrfToken },
    detail: 'It has been used already, has expired, or is not one this ledger gave out. Ask an administrator for a new one.',
  });
}

/** The identity provider's sign-in did not succeed, and why (never a token). */
export function signInFailedPage(reason: string): string {
  return renderPage('sign-in/sign-in-link.njk', { title: 'You could not be signed in', valid: false, detail: `The sign-in was not accepted: ${reason}. Try again.`, hasErrors: true });
}
