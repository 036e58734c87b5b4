import { PayloadTooLargeException, UnsupportedMediaTypeException } from '@nestjs/common';
import type { Request } from 'express';

/**
 * Reads a plain HTML form post (application/x-www-form-urlencoded). The API parses only JSON,
 * so the pages read their own forms, up to a limit.
 */
export async function readFormPost(request: Request, limitBytes: number): Promise<URLSearchParams> {
  if (!request.is('application/x-www-form-urlencoded')) {
    throw new UnsupportedMediaTypeException('This form must be sent from its page, as an HTML form');
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limitBytes) throw new PayloadTooLargeException(`The form is larger than ${Math.round(limitBytes / 1_000_000)} MB`);
    chunks.push(chunk);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}
