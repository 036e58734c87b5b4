import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Response } from 'express';

/**
 * GOV.UK Frontend's page template runs one inline script (it marks the body as script-enabled
 * before anything paints). The policy allows that script by its hash, read from the template
 * the pages are rendered with, and no other inline script.
 */
function templateScriptHash(): string {
  const template = fs.readFileSync(path.join(path.dirname(require.resolve('govuk-frontend')), 'template.njk'), 'utf8');
  const script = /<script[^>]*>([^<]+)<\/script>/.exec(template);
  if (!script) throw new Error("GOV.UK Frontend's template.njk no longer has its inline script: review the Content-Security-Policy");
  return `'sha256-${createHash('sha256').update(script[1]).digest('base64')}'`;
}

/**
 * Pages load only this server's own styles, scripts, fonts and images, run no inline script but
 * the template's, post forms only to this server, and may not be framed.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  `script-src 'self' ${templateScriptHash()}`,
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Sends a rendered page. Pages are never cached: they may show what was just recorded, or a form's token. */
export function sendPage(response: Response, status: number, page: string): void {
  response
    .status(status)
    .set({
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'same-origin',
      'Cache-Control': 'no-store',
    })
    .send(page);
}
