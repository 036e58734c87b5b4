import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { AccessDeniedError } from '@ledger/application';
import { logUnloggedRefusal, redactedPath } from '../../identity/access/refusal-log';
import { signedInPrincipal } from '../../identity/principal';
import { ProblemError } from '../../problem/problem';
import { renderPage } from './render';
import { sendPage } from './send-page';

const TITLES: Record<number, string> = {
  [HttpStatus.UNAUTHORIZED]: 'You need to sign in',
  [HttpStatus.FORBIDDEN]: 'This form could not be accepted',
  [HttpStatus.NOT_FOUND]: 'Page not found',
  [HttpStatus.PAYLOAD_TOO_LARGE]: 'The page sent is too large',
};

/**
 * Errors on the web pages are answered as pages, not as the API's problem+json. Unexpected
 * errors are logged and never shown.
 */
@Catch()
export class WebErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('WebPages');

  catch(error: unknown, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<Request>();
    const response = host.switchToHttp().getResponse<Response>();
    // The API's own problems (the identity guard's refusal) keep their status here too.
    const status = error instanceof HttpException ? error.getStatus() : error instanceof ProblemError ? error.status : error instanceof AccessDeniedError ? HttpStatus.FORBIDDEN : HttpStatus.INTERNAL_SERVER_ERROR;
    logUnloggedRefusal(request, signedInPrincipal(request), status, error instanceof Error ? error.message : String(error));
    if (status >= 500) this.logger.error(`${request.method} ${redactedPath(request.originalUrl)}: ${error instanceof Error ? error.message : String(error)}`, error instanceof Error ? error.stack : undefined);
    if (response.headersSent) return;
    const refusedByRole = error instanceof AccessDeniedError || (error instanceof ProblemError && error.kind === 'forbidden');
    const title = refusedByRole ? 'You cannot do this' : TITLES[status] ?? (status >= 500 ? 'Sorry, there is a problem with the service' : 'There is a problem');
    const detail = status >= 500 ? 'Nothing was recorded. Try again later.' : (error as HttpException | ProblemError).message;
    sendPage(response, status, renderPage('layout/error.njk', { title, detail }));
  }
}
