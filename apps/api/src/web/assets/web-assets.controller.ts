import { Controller, Get, Header, NotFoundException, Param, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import fs from 'node:fs';
import path from 'node:path';

/** GOV.UK Frontend's compiled files, as the installed package ships them. */
const GOVUK_DIST = path.dirname(require.resolve('govuk-frontend'));
const GOVUK_FILES = new Set(['govuk-frontend.min.js', 'govuk-frontend.min.js.map']);

/**
 * The stylesheet without its @font-face rules: the GDS Transport typeface is licensed for GOV.UK
 * services only, and this service is not one, so text falls back to the stylesheet's own Arial.
 */
let stylesheet: string | undefined;
export function govukStylesheet(): string {
  stylesheet ??= fs
    .readFileSync(path.join(GOVUK_DIST, 'govuk-frontend.min.css'), 'utf8')
    .replace(/@font-face\{[^}]*\}/g, '')
    .replace(/\/\*# sourceMappingURL=[^*]*\*\//, '');
  return stylesheet;
}

/**
 * Turns on GOV.UK Frontend's enhancements (error summary focus, skip link, mobile menu). A module
 * script runs only in browsers that GOV.UK Frontend supports, which is what the class declares.
 * The pages work without it.
 */
const INIT_SCRIPT = `import { initAll } from '/govuk/govuk-frontend.min.js';
document.body.classList.add('js-enabled', 'govuk-frontend-supported');
initAll();
`;

@ApiExcludeController()
@Controller()
export class WebAssetsController {
  @Get('govuk/govuk-frontend.min.css')
  @Header('Content-Type', 'text/css; charset=utf-8')
  @Header('Cache-Control', 'public, max-age=3600')
  govukStyles(): string {
    return govukStylesheet();
  }

  @Get('govuk/:file')
  govukFrontend(@Param('file') file: string, @Res() response: Response): void {
    if (!GOVUK_FILES.has(file)) throw new NotFoundException(`No such file: ${file}`);
    send(response, GOVUK_DIST, file);
  }

  /** Images and icons, where GOV.UK Frontend's stylesheet looks for them (no fonts: see above). */
  @Get('assets/*path')
  govukAssets(@Param('path') segments: string[] | string, @Res() response: Response): void {
    const file = Array.isArray(segments) ? segments.join('/') : segments;
    if (file.startsWith('fonts/')) throw new NotFoundException(`No such file: ${file}`);
    send(response, path.join(GOVUK_DIST, 'assets'), file);
  }

  @Get('ledger/init.js')
  @Header('Content-Type', 'text/javascript; charset=utf-8')
  @Header('Cache-Control', 'public, max-age=3600')
  initScript(): string {
    return INIT_SCRIPT;
  }
}

/** `root` makes send refuse any path that climbs out of the folder; dotfiles are never served. */
function send(response: Response, root: string, file: string): void {
  response.sendFile(file, { root, dotfiles: 'deny', maxAge: '1h' }, (error) => {
    if (error && !response.headersSent) response.status(404).type('text/plain').send('Not found');
  });
}
