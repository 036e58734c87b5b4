import type { NextFunction, Request, Response } from 'express';
import { logRefusal } from '../identity/access/refusal-log';
import { AuthenticationError } from '../identity/authentication.error';
import type { Authenticator } from '../identity/authenticator';
import { signInPath } from '../identity/sign-in/sign-in-paths';
import { ProblemError } from '../problem/problem';

/**
 * The OpenAPI UI and document are served by Swagger's own middleware, outside Nest's routes and
 * so outside the access guard: this puts them behind sign-in too (any role may read them).
 */
export function signedInDocs(authenticator: Authenticator) {
  return (request: Request, response: Response, next: NextFunction): void => {
    authenticator.authenticate(request).then(
      (principal) => {
        if (principal) return next();
        logRefusal(request, undefined, 401, 'nobody is signed in');
        // The document is for API clients (401 problem+json); the UI is a page (sent to sign in). Mounted here, request.path is relative to the mount.
        const path = request.originalUrl.split('?')[0];
        if (path.endsWith('.json') || path.endsWith('.yaml')) return next(new ProblemError('unauthenticated', 'Sign in to read the API description'));
        response.redirect(303, signInPath(request.originalUrl));
      },
      (error: unknown) => {
        if (error instanceof AuthenticationError) {
          logRefusal(request, undefined, 401, error.message);
          return next(new ProblemError('unauthenticated', error.message));
        }
        next(error);
      },
    );
  };
}
