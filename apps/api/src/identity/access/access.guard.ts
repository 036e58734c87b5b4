import { CanActivate, ExecutionContext, HttpException, HttpStatus, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { mayDo, rolesFor } from '@ledger/application';
import { ProblemError } from '../../problem/problem';
import { AuthenticationError } from '../authentication.error';
import { Authenticator } from '../authenticator';
import { setPrincipal, type Principal } from '../principal';
import { ACCESS, type Access } from './allow.decorator';
import { logRefusal } from './refusal-log';
import { signInPath } from '../sign-in/sign-in-paths';

/** A page asked for with nobody signed in: the browser has already been sent to sign in. */
export class SignInRequired extends HttpException {
  constructor() {
    super('Sign in to use this page', HttpStatus.UNAUTHORIZED);
  }
}

/**
 * The one front door of every route. It works out who sent the request (Authenticator), then
 * lets it through only if the route is public or the role table lists the principal's role for
 * the route's capability. Nobody signed in: 401 problem+json for the API, a redirect to sign in
 * for pages. The wrong role: 403, before anything is read or recorded. A route that declares no
 * access is refused to everyone.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly authenticator: Authenticator,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<Request>();
    const response = context.switchToHttp().getResponse<Response>();
    const access = this.reflector.getAllAndOverride<Access | undefined>(ACCESS, [context.getHandler(), context.getClass()]);
    let principal: Principal | undefined;
    try {
      principal = await this.authenticator.authenticate(request);
    } catch (error) {
      if (!(error instanceof AuthenticationError)) throw error;
      if (access !== undefined && 'public' in access) return true;
      logRefusal(request, undefined, 401, error.message);
      throw new ProblemError('unauthenticated', error.message);
    }
    if (principal) setPrincipal(request, principal);
    if (access !== undefined && 'public' in access) return true;
    if (access === undefined) {
      logRefusal(request, principal, 403, 'the route declares no access in the role table');
      throw new ProblemError('forbidden', 'This route is open to no one');
    }
    if (!principal) {
      logRefusal(request, undefined, 401, 'nobody is signed in');
      if (isPage(request)) {
        response.redirect(303, signInPath(request.method === 'GET' ? request.originalUrl : '/'));
        throw new SignInRequired();
      }
      throw new ProblemError('unauthenticated', 'Nobody is signed in: send Authorization: Bearer with an API token or a token from the identity provider, or sign in at /sign-in');
    }
    const capability = 'capability' in access ? access.capability : access.capabilityOf(request);
    if (capability === undefined) return true; // the handler answers 404 for a form that does not exist
    if (!mayDo(principal.role, capability)) {
      const why = `${capability} is allowed to the roles ${rolesFor(capability).join(', ')}; ${principal.name} has the role ${principal.role}`;
      logRefusal(request, principal, 403, why);
      throw new ProblemError('forbidden', why, { rule: 'RoleNotAllowed' });
    }
    return true;
  }
}

/** Everything but the API and the metrics a scraper reads (which answer 401, not a redirect to sign in). */
function isPage(request: Request): boolean {
  return !request.path.startsWith('/api/') && request.path !== '/api' && request.path !== '/metrics';
}
