import type { Request } from 'express';
import type { Actor } from '@ledger/domain';

/** The identity a request acts as, set by the identity guard before any handler runs. */
export type Principal = Actor;

const PRINCIPAL = Symbol('principal');

type WithPrincipal = Request & { [PRINCIPAL]?: Principal };

export function setPrincipal(request: Request, principal: Principal): void {
  (request as WithPrincipal)[PRINCIPAL] = principal;
}

export function principalOf(request: Request): Principal {
  const principal = (request as WithPrincipal)[PRINCIPAL];
  if (!principal) throw new Error('No principal on the request: the identity guard did not run');
  return principal;
}
