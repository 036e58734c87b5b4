import type { LoggerService } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import pino, { type DestinationStream, type Logger } from 'pino';
import { redactedPath } from '../identity/access/refusal-log';

/** The API's structured log: one JSON object per line (pino), to stdout unless told otherwise. */
export function createJsonLogger(level: string, destination?: DestinationStream): Logger {
  return pino({ level, base: { service: 'pfcc-ledger-api' }, timestamp: pino.stdTimeFunctions.isoTime }, destination);
}

/** Nest's own messages (start-up, errors) in the same JSON log. */
export class NestJsonLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, context?: string): void {
    this.logger.info({ context }, String(message));
  }

  error(message: unknown, stackOrContext?: string, context?: string): void {
    const [stack, ctx] = context === undefined ? [undefined, stackOrContext] : [stackOrContext, context];
    this.logger.error({ context: ctx, stack }, message instanceof Error ? message.message : String(message));
  }

  warn(message: unknown, context?: string): void {
    this.logger.warn({ context }, String(message));
  }

  debug(message: unknown, context?: string): void {
    this.logger.debug({ context }, String(message));
  }

  verbose(message: unknown, context?: string): void {
    this.logger.trace({ context }, String(message));
  }
}

const CORRELATION_HEADER = 'x-correlation-id';
const VISIBLE_ASCII = /^[\x21-\x7e]{1,128}$/;

/**
 * One line per request when its answer is sent: method, path (a secret in it, such as a
 * sign-in link's or a calendar feed's token, redacted), status, duration, and the
 * correlation id: the caller's X-Correlation-Id (which a command also stores as $correlationId),
 * or else a request id of its own, returned in the answer's X-Request-Id header.
 */
export function requestLogging(logger: Logger) {
  return (request: Request, response: Response, next: NextFunction): void => {
    const started = process.hrtime.bigint();
    const header = request.headers[CORRELATION_HEADER];
    const correlationId = typeof header === 'string' && VISIBLE_ASCII.test(header) ? header : undefined;
    const requestId = randomUUID();
    response.setHeader('X-Request-Id', requestId);
    response.once('finish', () => {
      const failed = response.statusCode >= 500;
      // At a level that keeps only failures (as under load), a line that will not be written is not built.
      if (!logger.isLevelEnabled(failed ? 'error' : 'info')) return;
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const entry = { correlationId: correlationId ?? requestId, requestId, method: request.method, path: redactedPath(request.path), status: response.statusCode, ms: Math.round(ms * 1000) / 1000 };
      if (failed) logger.error(entry, 'request failed');
      else logger.info(entry, 'request');
    });
    next();
  };
}
