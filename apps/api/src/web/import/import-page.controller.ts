import { Controller, ForbiddenException, Get, Inject, Post, Req, Res, UploadedFile, UseFilters, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CLOCK, type Clock } from '@ledger/application';
import { PageImportRecorder, PageNotRecordableError, planPageImport, type PageImportOutcome, type PageImportPlan } from '@ledger/application/import-page';
import { londonDate, normaliseTitle } from '@ledger/domain';
import { findInspection, queryInspections } from '@ledger/projections/read-models';
import { principalOf } from '../../identity/principal';
import { CSRF_FIELD, CsrfProtection } from '../layout/csrf';
import type { FormError } from '../layout/error-summary';
import { readFormPost } from '../layout/form-body';
import { sendPage } from '../layout/send-page';
import { WebErrorFilter } from '../layout/web-error.filter';
import { LedgerReads } from '../reading/ledger-reads';
import { htmlNestedDeeperThan, tooDeepMessage } from '../../validation/html-nesting';
import { decodePage, EMPTY_FORM, FIELD, readImportForm, type PageToImport, type UploadedPage } from './import-form';
import { importConfirmationPage } from './import-confirmation.page';
import { RESPONSE_DATE, readCorrections } from './import-corrections';
import { importFormPage, MAX_PAGE_MB } from './import-form.page';
import { importPreviewPage } from './import-preview.page';

const MAX_PAGE_BYTES = MAX_PAGE_MB * 1_000_000;
/** The confirmation carries the page in base64 (a third larger) and a few small fields. */
const MAX_CONFIRM_BYTES = Math.ceil(MAX_PAGE_BYTES * 1.4) + 10_000;

/**
 * Upload a published page, see exactly what will be recorded, confirm. The preview records
 * nothing; the confirmation reads the same page again and records it through the same service
 * as `ledger import-page`, as the signed-in person, with source `ui`.
 */
@ApiExcludeController()
@UseFilters(WebErrorFilter)
@Controller('import')
export class ImportPageController {
  constructor(
    private readonly recorder: PageImportRecorder,
    private readonly csrf: CsrfProtection,
    private readonly reads: LedgerReads,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  form(@Req() request: Request, @Res() response: Response): void {
    sendPage(response, 200, importFormPage({ values: EMPTY_FORM, errors: [], csrfToken: this.csrf.tokenFor(request, response) }));
  }

  @Post('preview')
  @UseInterceptors(FileInterceptor('pageFile', { limits: { files: 1, fileSize: MAX_PAGE_BYTES, fieldSize: MAX_PAGE_BYTES, fields: 10 } }))
  preview(@Req() request: Request, @Res() response: Response, @UploadedFile() file: UploadedPage | undefined): void {
    const body = (request.body ?? {}) as Record<string, unknown>;
    this.requireOwnForm(request, body[CSRF_FIELD]);
    const today = londonDate(this.clock());
    const csrfToken = this.csrf.tokenFor(request, response);
    const form = readImportForm(body, file, today);
    if (!form.toImport) {
      sendPage(response, 400, importFormPage({ values: form.values, errors: form.errors, csrfToken }));
      return;
    }
    const plan = planFor(form.toImport, today);
    sendPage(response, plan.blockers.length > 0 ? 422 : 200, importPreviewPage({ plan, toImport: form.toImport, actor: principalOf(request), csrfToken, alreadyRecorded: this.pageOf(plan) }));
  }

  @Post('confirm')
  async confirm(@Req() request: Request, @Res() response: Response): Promise<void> {
    const form = await readFormPost(request, MAX_CONFIRM_BYTES);
    this.requireOwnForm(request, form.get(CSRF_FIELD));
    const today = londonDate(this.clock());
    const responseDate = form.get('responseDate') || undefined;
    const sent: PageToImport = { page: decodePage(form.get('page')), source: form.get('source') || 'the page', ...(responseDate ? { responseDate } : {}) };
    if (htmlNestedDeeperThan(sent.page)) {
      sendPage(response, 400, importFormPage({ values: EMPTY_FORM, errors: [{ field: FIELD.file, message: tooDeepMessage() }], csrfToken: this.csrf.tokenFor(request, response) }));
      return;
    }
    const values = Object.fromEntries(form);
    const preview = (status: number, plan: PageImportPlan, errors: FormError[] = []) =>
      sendPage(response, status, importPreviewPage({ plan, toImport: sent, actor: principalOf(request), csrfToken: this.csrf.tokenFor(request, response), alreadyRecorded: this.pageOf(plan), values, errors }));
    const shown = planFor(sent, today);
    if (shown.blockers.length > 0) {
      preview(422, shown);
      return;
    }
    // The dates the office corrected in the preview replace the ones the ledger worked out.
    const { corrections, errors } = readCorrections(values, shown, today);
    if (errors.length > 0) {
      preview(400, shown, errors);
      return;
    }
    const plan = planFor({ ...sent, ...(corrections.responseDate ? { responseDate: corrections.responseDate } : {}) }, today, corrections.plannedCompletionDates);
    if (plan.blockers.length > 0) {
      preview(400, shown, plan.blockers.map((message) => ({ field: `${RESPONSE_DATE}-day`, message })));
      return;
    }
    if (form.get('action') === 'check') {
      preview(200, plan);
      return;
    }
    let outcome: PageImportOutcome;
    try {
      outcome = await this.recorder.record(plan, { actor: principalOf(request), source: 'ui' });
    } catch (error) {
      // Its dates contradict what the ledger holds: shown like any other reason it cannot be recorded.
      if (!(error instanceof PageNotRecordableError)) throw error;
      preview(422, { ...plan, blockers: error.blockers });
      return;
    }
    sendPage(response, 200, importConfirmationPage(plan, outcome));
  }

  /**
   * The inspection's page, when the ledger already holds the inspection the page describes: under
   * the id an import gives it, or registered by hand under another id with the same title and date.
   */
  private pageOf(plan: PageImportPlan): string | null {
    const readModels = this.reads.readModels;
    if (plan.inspectionId !== null && findInspection(readModels, plan.inspectionId) !== null) return `/inspections/${encodeURIComponent(plan.inspectionId)}`;
    const { title, publishedOn } = plan.parsed.inspection;
    if (!title || !publishedOn) return null;
    const wanted = normaliseTitle(title);
    const same = queryInspections(readModels, {}, { limit: 10_000, offset: 0 }, londonDate(this.clock())).items.find(
      (inspection) => inspection.publishedOn === publishedOn && normaliseTitle(inspection.title) === wanted,
    );
    return same ? `/inspections/${encodeURIComponent(same.inspectionId)}` : null;
  }

  private requireOwnForm(request: Request, token: unknown): void {
    if (!this.csrf.accepts(request, token)) {
      throw new ForbiddenException('It was not sent from this service\'s own page in this browser, or the page was open too long. Nothing was recorded: go back to the import page, reload it and try again.');
    }
  }
}

function planFor(toImport: PageToImport, today: string, plannedCompletionDates?: Readonly<Record<number, string>>): PageImportPlan {
  return planPageImport(toImport.page, { today, ...(toImport.responseDate ? { responseDate: toImport.responseDate } : {}), ...(plannedCompletionDates ? { plannedCompletionDates } : {}) });
}
