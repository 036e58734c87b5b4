import { UnsupportedMediaTypeException } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { logRefusal } from '../identity/access/refusal-log';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * API commands are JSON and nothing else: an empty body, a form or plain text gets 415. A browser
 * can send those three across sites without asking (no CORS preflight), so refusing them is what
 * keeps a "no-cors" post from another site from ever reaching a command.
 */
export function jsonCommands(request: Request, _response: Response, next: NextFunction): void {
  if (SAFE_METHODS.has(request.method)) return next();
  const hasBody = request.headers['transfer-encoding'] !== undefined || (request.headers['content-length'] ?? '0') !== '0';
  if (request.is('application/json') && hasBody && request.body !== undefined) return next();
  const why = hasBody ? `a body of type ${request.headers['content-type'] ?? 'unstated'}` : 'an empty body';
  logRefusal(request, undefined, 415, why);
  next(new UnsupportedMediaTypeException(`The body must be JSON, sent as Content-Type: application/json (this request had ${why})`));
}
