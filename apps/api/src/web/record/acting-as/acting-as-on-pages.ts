import { Inject, Injectable, RequestMethod, type NestMiddleware, type Type } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { MetadataScanner } from '@nestjs/core';
import { Router, type NextFunction, type Request, type Response } from 'express';
import { ActingAsMiddleware } from './acting-as.middleware';
import { DevelopmentPeople } from './development-people';

interface PageRoute {
  method: RequestMethod;
  path: string;
}

/**
 * The routes of the controllers, joined as Nest joins them for `forRoutes(...controllers)` (this
 * application sets no global prefix, versioning or module paths).
 */
function routesOf(controllers: readonly Type[]): PageRoute[] {
  const scanner = new MetadataScanner();
  const leadingSlash = (path: string) => (path === '' || path.startsWith('/') || path.startsWith('{/') ? path : `/${path}`);
  const paths = (value: string | string[]) => ([] as string[]).concat(value);
  return controllers.flatMap((controller) =>
    paths(Reflect.getMetadata(PATH_METADATA, controller) as string | string[]).flatMap((prefix) => {
      const base = leadingSlash(prefix) === '/' ? '' : leadingSlash(prefix).replace(/\/$/, '');
      return scanner.getAllMethodNames(controller.prototype as object).flatMap((name) => {
        const handler = (controller.prototype as Record<string, object>)[name];
        const routePaths = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
        if (routePaths === undefined) return [];
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod;
        return paths(routePaths).map((path) => ({ method, path: `${base}${leadingSlash(path)}` || '/' }));
      });
    }),
  );
}

const SPECIAL = /[:*{}()[\]?+!\\]/;

/**
 * What a request path must start with (case aside) to be one of the routes: the whole path, up
 * to a trailing slash, for a route without parameters; else the fixed part before the first one.
 */
function firstTest(routes: readonly PageRoute[]): RegExp {
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  const alternatives = new Set(
    routes.map(({ path }) => {
      const special = path.search(SPECIAL);
      return special === -1 ? `${escape(path.replace(/\/$/, ''))}\\/?$` : escape(path.slice(0, special));
    }),
  );
  return new RegExp(`^(?:${[...alternatives].join('|')})`, 'i');
}

/**
 * The acting-as middleware on every route of some controllers, as one layer in front of the
 * application's routes instead of one per route (`forRoutes(...controllers)`): Express walks
 * every layer for every request, and the API's commands went through one per page route. A
 * request whose path cannot be one of the routes leaves at once; the others are matched by an
 * Express router holding the routes, with Express's default routing options as the application
 * keeps them, so exactly the requests the per-route layers took are answered knowing who acts.
 */
export function actingAsOnRoutesOf(controllers: readonly Type[]): Type<NestMiddleware> {
  const routes = routesOf(controllers);
  const mayMatch = firstTest(routes);
  const handlesOptions = routes.some(({ method }) => method === RequestMethod.OPTIONS || method === RequestMethod.ALL);

  @Injectable()
  class ActingAsOnPages implements NestMiddleware {
    private readonly router = Router();

    constructor(@Inject(DevelopmentPeople) people: DevelopmentPeople) {
      const actingAs = new ActingAsMiddleware(people);
      // Once answered, the request leaves this router for the application's next layer: the middleware runs once.
      const answer = (request: Request, response: Response, next: NextFunction) => actingAs.use(request, response, () => next('router'));
      for (const { method, path } of routes) {
        const route = this.router.route(path);
        if (method === RequestMethod.ALL) route.all(answer);
        else route[RequestMethod[method].toLowerCase() as 'get'](answer);
      }
    }

    use(request: Request, response: Response, next: NextFunction): void {
      // A router answers OPTIONS itself on a path it has other routes for: not this layer's to do.
      if (!mayMatch.test(request.path) || (request.method === 'OPTIONS' && !handlesOptions)) return next();
      this.router(request, response, next);
    }
  }
  return ActingAsOnPages;
}
