import type { Request } from 'express';
import type { Actor } from '@ledger/domain';

/**
 * Who a request acts as: the signed-in person as they are at this moment. Their `role` is one of
 * the role table's roles; the whole principal becomes the actor of every event they record.
 */
export type Principal = Actor;

const PRINCIPAL = Symbol('principal');

type WithPrincipal = Request & { [PRINCIPAL]?: Principal };

export function setPrincipal(request: Request, principal: Principal): void {
  (request as WithPrincipal)[PRINCIPAL] = principal;
}

/** The principal of a route that requires one (the access guard has run and let it through). */
export function principalOf(request: Request): Principal {
  const principal = (request as WithPrincipal)[PRINCIPAL];
  if (!principal) throw new Error('No principal on the request: the access guard did not run');
  return principal;
}

/** The principal, if anyone is signed in: for the public pages (sign-in) and error pages. */
export function signedInPrincipal(request: Request): Principal | undefined {
  return (request as WithPrincipal)[PRINCIPAL];
}
