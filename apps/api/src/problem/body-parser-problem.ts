import type { NextFunction, Request, Response } from 'express';
import { invalidInput, ProblemError } from './problem';

/**
 * Express error middleware placed right after the body parser: an unreadable or oversized body
 * becomes its problem here, before Nest would turn it into a bare 400.
 */
export function bodyParserProblems(error: unknown, _request: Request, _response: Response, next: NextFunction): void {
  next(bodyParserProblem(error) ?? error);
}

function bodyParserProblem(error: unknown): ProblemError | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { type, limit } = error as { type?: unknown; limit?: unknown };
  if (type === 'entity.parse.failed') return invalidInput([{ field: 'body', message: 'The body is not valid JSON' }]);
  if (type === 'entity.too.large') return new ProblemError('payload-too-large', `The body is larger than the limit of ${String(limit)} bytes`);
  if (type === 'encoding.unsupported' || type === 'charset.unsupported') return invalidInput([{ field: 'body', message: 'The body must be UTF-8 JSON' }]);
  return undefined;
}
