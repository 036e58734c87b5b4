import { applyDecorators, Get } from '@nestjs/common';
import { ApiExtraModels, ApiOperation, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import { Allow } from '../identity/access/allow.decorator';
import { ProblemDto } from '../openapi/api-docs.dto';
import { PROBLEM_CONTENT_TYPE } from '../problem/problem';
import { CONSISTENT_HEADER } from './read-context';
import { ApiQueryParams, type ParamSpecs } from './query-params';

const CONSISTENT = {
  [CONSISTENT_HEADER]: { description: '"false" when ?atLeast= was not reached within the wait (the body says so too)', schema: { type: 'string' } },
};

/** A GET of a read model, documented with its query parameters. */
export function ReadRoute(path: string, summary: string, params: ParamSpecs, options: { notFound?: string } = {}): MethodDecorator {
  const problem = (status: number, description: string) =>
    ApiResponse({ status, description, content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: getSchemaPath(ProblemDto) } } } });
  return applyDecorators(
    Get(path),
    Allow('read'),
    ApiOperation({ summary }),
    ApiExtraModels(ProblemDto),
    ApiQueryParams(params),
    ApiResponse({ status: 200, description: 'The read model, with `today`, `consistent` and, for lists, `total`, `limit`, `offset`, `items`', headers: CONSISTENT }),
    problem(400, 'A query parameter is unknown or malformed: each one named, and why'),
    ...(options.notFound ? [problem(404, options.notFound)] : []),
  );
}
