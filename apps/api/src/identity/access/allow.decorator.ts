import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiExtension, ApiExtraModels, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import type { Request } from 'express';
import { rolesFor, type Capability } from '@ledger/application';
import { ProblemDto } from '../../openapi/api-docs.dto';
import { PROBLEM_CONTENT_TYPE } from '../../problem/problem';

export const ACCESS = Symbol('ACCESS');

/**
 * A route's capability in the role table: one, or one worked out from the request (a page whose
 * form names the command it records). Routes are `Public`, or `Allow` something, or refused to
 * everyone: the access guard fails closed.
 */
export type Access = { public: true } | { capability: Capability } | { capabilityOf: (request: Request) => Capability | undefined; describe: Capability[] };

function problem(status: number, description: string): MethodDecorator & ClassDecorator {
  return ApiResponse({ status, description, content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: getSchemaPath(ProblemDto) } } } });
}

/** Only principals whose role the role table lists for `capability` may use the route; its OpenAPI operation says which (`x-roles`). */
export function Allow(capability: Capability): MethodDecorator & ClassDecorator {
  const roles = rolesFor(capability);
  return applyDecorators(
    SetMetadata(ACCESS, { capability } satisfies Access),
    ApiExtension('x-capability', capability),
    ApiExtension('x-roles', [...roles]),
    ApiExtraModels(ProblemDto),
    problem(401, 'Nobody is signed in, or the credentials sent are not good (malformed, unknown, revoked, expired, wrong issuer or audience)'),
    problem(403, `Allowed to the roles ${roles.join(', ')} only (the detail names the rule)`),
  );
}

/** A page route whose capability depends on the request (the form named in its address). */
export function AllowFrom(capabilityOf: (request: Request) => Capability | undefined, ...describe: Capability[]): MethodDecorator & ClassDecorator {
  return SetMetadata(ACCESS, { capabilityOf, describe } satisfies Access);
}

/** Open to anyone, signed in or not: /health, the sign-in pages and the static files they need. */
export function Public(): MethodDecorator & ClassDecorator {
  return SetMetadata(ACCESS, { public: true } satisfies Access);
}
