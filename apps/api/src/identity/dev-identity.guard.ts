import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { API_CONFIG } from '../config/tokens';
import type { ApiConfig } from '../config/api-config';
import { ProblemError } from '../problem/problem';
import { DEV_USER_HEADER, DevUserDirectory } from './dev-users';
import { setPrincipal } from './principal';

/**
 * Decides who a request acts as: the configured development user, or in development mode the
 * development person named by X-Ledger-Dev-User. An unknown name is refused rather than quietly
 * replaced, so nothing is recorded under the wrong person.
 */
@Injectable()
export class DevIdentityGuard implements CanActivate {
  constructor(
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    private readonly directory: DevUserDirectory,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<Request>();
    const requested = request.headers[DEV_USER_HEADER];
    if (requested === undefined) {
      setPrincipal(request, this.directory.defaultUser);
      return true;
    }
    if (this.config.mode !== 'development') {
      throw new ProblemError('unauthenticated', 'X-Ledger-Dev-User is only honoured in development mode');
    }
    const user = typeof requested === 'string' ? this.directory.find(requested) : undefined;
    if (!user) {
      const known = this.directory.all().map((person) => person.id).join(', ');
      throw new ProblemError('unauthenticated', `X-Ledger-Dev-User names no development user; known: ${known}`);
    }
    setPrincipal(request, user);
    return true;
  }
}
