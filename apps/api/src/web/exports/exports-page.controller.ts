import { Controller, ForbiddenException, Get, Header, Inject, Param, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import fs from 'node:fs';
import path from 'node:path';
import { CLOCK, type Clock } from '@ledger/application';
import { ExportArchive } from '../../exports/export-archive';
import { exportFilterFrom } from '../../exports/export-filter-input';
import { OfficeKey } from '../../exports/office-key';
import { ProblemError } from '../../problem/problem';
import { CSRF_FIELD, CsrfProtection } from '../layout/csrf';
import type { FormError } from '../layout/error-summary';
import { readFormPost } from '../layout/form-body';
import { sendPage } from '../layout/send-page';
import { WebErrorFilter } from '../layout/web-error.filter';
import { inspectionChoices } from '../reading/filter-fields';
import { LedgerReads } from '../reading/ledger-reads';
import { partName } from '../components/date-input';
import { DATE_FIELDS, EMPTY_EXPORT_FORM, readExportForm, type ExportFormValues } from './export-form';
import { exportFormPage, exportReadyPage } from './exports.page';

const EXPORTS_CSS = fs.readFileSync(path.join(__dirname, 'exports.css'), 'utf8');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Signed exports in the web pages: choose the format and the filters, then download the export,
 * its manifest and the office's public key, made by the same ExportArchive as POST /api/exports.
 */
@ApiExcludeController()
@UseFilters(WebErrorFilter)
@Controller()
export class ExportsPageController {
  constructor(
    private readonly archive: ExportArchive,
    private readonly officeKey: OfficeKey,
    private readonly reads: LedgerReads,
    private readonly csrf: CsrfProtection,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get('exports')
  form(@Req() request: Request, @Res() response: Response): void {
    this.sendForm(request, response, 200, EMPTY_EXPORT_FORM, []);
  }

  @Post('exports')
  async create(@Req() request: Request, @Res() response: Response): Promise<void> {
    const form = await readFormPost(request, 20_000);
    if (!this.csrf.accepts(request, form.get(CSRF_FIELD))) {
      throw new ForbiddenException('It was not sent from this service’s own page in this browser, or the page was open too long. Nothing was exported: go back to the export page, reload it and try again.');
    }
    const reading = readExportForm(form);
    if (!reading.ok) return this.sendForm(request, response, 400, reading.values, reading.errors);
    try {
      const filter = exportFilterFrom(reading.filter);
      const created = await this.archive.create(reading.format, filter, this.officeKey.signingKey(), this.clock());
      response.redirect(303, `/exports/${created.id}`);
    } catch (error) {
      if (!(error instanceof ProblemError) || error.status >= 500) throw error;
      this.sendForm(request, response, error.status, reading.values, pageErrors(error));
    }
  }

  @Get('exports/:id')
  ready(@Param('id') id: string, @Res() response: Response): void {
    if (!UUID.test(id)) throw new ProblemError('not-found', `There is no export ${id}`);
    const stored = this.archive.find(id);
    const manifestName = path.basename(stored.manifestFile);
    sendPage(response, 200, exportReadyPage({ id, manifest: stored.manifest, fileName: path.basename(stored.file), manifestName, keyId: this.officeKey.publicKey().keyId }));
  }

  @Get('ledger/exports.css')
  @Header('Content-Type', 'text/css; charset=utf-8')
  @Header('Cache-Control', 'public, max-age=3600')
  stylesheet(): string {
    return EXPORTS_CSS;
  }

  private sendForm(request: Request, response: Response, status: number, values: ExportFormValues, errors: readonly FormError[]): void {
    const today = this.reads.context.today();
    sendPage(response, status, exportFormPage({ values, errors, inspectionChoices: inspectionChoices(this.reads.readModels, today), csrfToken: this.csrf.tokenFor(request, response) }));
  }
}

/** A refusal from the filter's rules or the signing key, at the field it names, in the page's words. */
function pageErrors(error: ProblemError): FormError[] {
  const fields = error.extensions.errors ?? [];
  if (fields.length === 0) return [{ field: 'format', message: error.detail }];
  return fields.map(({ field, message }) => {
    if (field === 'from' || field === 'to') {
      return message.includes(' is after ')
        ? { field: partName('to', 'day'), message: `${DATE_FIELDS.to} must be the same as or after ${DATE_FIELDS.from.toLowerCase()}` }
        : { field: partName(field, 'day'), message: `${DATE_FIELDS[field]} must be a real date` };
    }
    if (field === 'service') return { field, message: 'Select police or fire and rescue' };
    return { field, message };
  });
}
