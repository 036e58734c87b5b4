import { applyDecorators, CanActivate, ExecutionContext, ForbiddenException, Injectable, SetMetadata, UseGuards } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiExtraModels, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import type { Request } from 'express';
import { ProblemDto } from '../openapi/api-docs.dto';
import { PROBLEM_CONTENT_TYPE } from '../problem/problem';
import { accessRolesOf, type AccessRole } from './dev-users';
import { principalOf } from './principal';

const REQUIRED_ROLES = Symbol('REQUIRED_ROLES');

/**
 * Lets a request through when its principal has at least one of the route's access roles;
 * otherwise 403, naming the roles required. Runs after the identity guard (a global guard), so
 * the principal is known.
 */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const required = this.reflector.getAllAndOverride<readonly AccessRole[] | undefined>(REQUIRED_ROLES, [context.getHandler(), context.getClass()]);
    if (required === undefined || required.length === 0) return true;
    const principal = principalOf(context.switchToHttp().getRequest<Request>());
    const held = accessRolesOf(principal);
    if (required.some((role) => held.includes(role))) return true;
    const has = held.length === 0 ? 'no access role' : `the access role${held.length > 1 ? 's' : ''} ${held.join(', ')}`;
    throw new ForbiddenException(`This needs the access role ${required.join(' or ')}; ${principal.name} (${principal.id}) has ${has}`);
  }
}

/** Only principals holding one of `roles` may use the route (or every route of the controller). */
export function Roles(...roles: AccessRole[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    SetMetadata(REQUIRED_ROLES, roles),
    UseGuards(RolesGuard),
    ApiExtraModels(ProblemDto),
    ApiResponse({
      status: 403,
      description: `The principal has none of the access roles ${roles.join(', ')} (the detail names them)`,
      content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: getSchemaPath(ProblemDto) } } },
    }),
  );
}
