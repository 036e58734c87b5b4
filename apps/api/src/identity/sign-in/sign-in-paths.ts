export const SIGN_IN_PATH = '/sign-in';
export const SIGN_IN_LINK_PATH = '/sign-in/link';
export const SIGN_OUT_PATH = '/sign-out';
export const OIDC_START_PATH = '/sign-in/oidc';
export const OIDC_CALLBACK_PATH = '/sign-in/oidc/callback';

/** Where the browser goes back to after signing in: a path on this site, nothing else. */
export function safeReturnTo(asked: unknown): string {
  return typeof asked === 'string' && /^\/(?![/\\])[^\s\\]*$/.test(asked) && asked.length <= 2000 && !asked.startsWith(SIGN_IN_PATH) ? asked : '/';
}

export function signInPath(returnTo: string): string {
  const back = safeReturnTo(returnTo);
  return back === '/' ? SIGN_IN_PATH : `${SIGN_IN_PATH}?returnTo=${encodeURIComponent(back)}`;
}
