import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { STATUS_CODES } from 'node:http';
import { logUnloggedRefusal, redactedPath } from '../identity/access/refusal-log';
import { signedInPrincipal } from '../identity/principal';
import { PROBLEM_CONTENT_TYPE, ProblemDocument, ProblemError } from './problem';
import { toProblem } from './to-problem';

/** Answers every error as application/problem+json; unexpected errors are logged, never leaked. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('Problem');

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const document = this.document(error, request.originalUrl);
    const what = `${request.method} ${redactedPath(request.originalUrl)}: ${describe(error)}`;
    logUnloggedRefusal(request, signedInPrincipal(request), document.status, document.detail ?? document.title);
    if (document.status === 503) this.logger.warn(what);
    else if (document.status >= 500) this.logger.error(what, error instanceof Error ? error.stack : undefined);
    if (response.headersSent) return;
    response.status(document.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(document));
  }

  private document(error: unknown, instance: string): ProblemDocument {
    const problem = toProblem(error);
    if (problem instanceof ProblemError) return problem.toDocument(instance);
    // An HTTP status with no problem type of its own (405, 415, ...): RFC 9457's about:blank.
    const status = problem.getStatus();
    return { type: 'about:blank', title: STATUS_CODES[status] ?? 'Error', status, detail: httpMessage(problem), instance };
  }
}

function httpMessage(error: HttpException): string {
  const body = error.getResponse();
  if (typeof body === 'string') return body;
  const message = (body as { message?: unknown }).message;
  return Array.isArray(message) ? message.join('; ') : typeof message === 'string' ? message : error.message;
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
