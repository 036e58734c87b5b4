import { Controller, ForbiddenException, Get, Param, Post, Req, Res, UploadedFile, UseFilters, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import fs from 'node:fs';
import { deterministicUuid, RecommendationCommandMessage } from '@ledger/application';
import { EVIDENCE_CLASSIFICATIONS, type EvidenceClassification } from '@ledger/domain';
import { findRegisterEntry, queryTimeline, type RegisterEntry } from '@ledger/projections/read-models';
import { principalOf } from '../../identity/principal';
import { TEXT_LIMITS } from '../../validation/text-limits';
import { attachment } from '../../exports/export-formats';
import { CSRF_FIELD, CsrfProtection } from '../layout/csrf';
import type { FormError } from '../layout/error-summary';
import { sendPage } from '../layout/send-page';
import { WebErrorFilter } from '../layout/web-error.filter';
import { readAll } from '../charts/read-all';
import { isId } from '../reading/ids';
import { LedgerReads } from '../reading/ledger-reads';
import { sendNotFound } from '../reading/reading-page';
import { PageCommands } from '../record/forms/page-commands';
import { isOffered, recommendationForm } from '../record/recommendation/recommendation-forms';
import { EvidenceFiles, sha256Of } from './evidence-files';
import { evidencePage, evidenceUploadPage, MAX_EVIDENCE_MB, recordedEvidence, type UploadValues } from './evidence.page';

interface UploadedEvidence {
  originalname: string;
  size: number;
  buffer: Buffer;
}

const SUBMIT_EVIDENCE = recommendationForm('submit-evidence')!;
const SHA256 = /^[0-9a-f]{64}$/;

/**
 * Evidence files: uploaded in a form (multipart, read by multer with a size limit), hashed here,
 * kept content-addressed by EvidenceFiles (or not, as the office chooses), and recorded as
 * SubmitEvidence with the hash and the metadata only, down the same command path as every form.
 * Each recorded file is shown with its hash checked again.
 */
@ApiExcludeController()
@UseFilters(WebErrorFilter)
@Controller()
export class EvidenceController {
  constructor(
    private readonly reads: LedgerReads,
    private readonly csrf: CsrfProtection,
    private readonly commands: PageCommands,
    private readonly files: EvidenceFiles,
  ) {}

  @Get('recommendations/:recommendationId/evidence-file')
  form(@Param('recommendationId') recommendationId: string, @Req() request: Request, @Res() response: Response): void {
    const finding = this.findingOf(recommendationId);
    if (!finding) return sendNotFound(response, 'recommendation', recommendationId);
    this.sendForm(request, response, finding, isOffered(SUBMIT_EVIDENCE, finding) ? 200 : 409, { title: '', classification: '' }, this.notNow(finding));
  }

  @Post('recommendations/:recommendationId/evidence-file')
  @UseInterceptors(FileInterceptor('evidenceFile', { limits: { files: 1, fileSize: MAX_EVIDENCE_MB * 1_000_000, fields: 10, fieldSize: 10_000 } }))
  async upload(@Param('recommendationId') recommendationId: string, @Req() request: Request, @Res() response: Response, @UploadedFile() file: UploadedEvidence | undefined): Promise<void> {
    const body = (request.body ?? {}) as Record<string, unknown>;
    if (!this.csrf.accepts(request, body[CSRF_FIELD])) {
      throw new ForbiddenException('It was not sent from this service’s own page in this browser, or the page was open too long. Nothing was recorded: go back, reload the page and try again.');
    }
    const finding = this.findingOf(recommendationId);
    if (!finding) return sendNotFound(response, 'recommendation', recommendationId);
    const values: UploadValues = { title: text(body.title), classification: text(body.classification) };
    const errors: FormError[] = [...this.notNow(finding)];
    if (!file || file.size === 0) errors.push({ field: 'evidence-file', message: file ? 'The selected file is empty' : 'Select the document to upload' });
    if (!values.title) errors.push({ field: 'title', message: 'Enter the title of the document' });
    else if (values.title.length > TEXT_LIMITS.title) errors.push({ field: 'title', message: `Title must be ${TEXT_LIMITS.title} characters or fewer` });
    if (!(EVIDENCE_CLASSIFICATIONS as readonly string[]).includes(values.classification)) errors.push({ field: 'classification', message: 'Select the security classification of the document' });
    if (errors.length > 0 || !file) return this.sendForm(request, response, finding, 400, values, errors);

    const sha256 = this.files.keeping === 'keep' ? this.files.keep(file.buffer) : sha256Of(file.buffer);
    const principal = principalOf(request);
    const commandId = deterministicUuid('web-evidence-upload', principal.id, recommendationId, sha256, values.title, values.classification);
    const command = {
      type: 'SubmitEvidence' as const,
      recommendationId,
      evidenceId: deterministicUuid('web-assigned-id', commandId, 'evidenceId'),
      title: values.title,
      reference: fileName(file.originalname),
      sha256,
      classification: values.classification as EvidenceClassification,
    };
    const recorded = await this.commands.record(new RecommendationCommandMessage(command, { actor: principal, source: 'ui', commandId }), []);
    if (!recorded.ok) return this.sendForm(request, response, finding, recorded.status, values, recorded.errors.map((error) => ({ ...error, field: 'evidence-file' })));
    response.redirect(303, `/recommendations/${encodeURIComponent(recommendationId)}?atLeast=${recorded.result.position}&recorded=${SUBMIT_EVIDENCE.key}#evidence`);
  }

  @Get('evidence/:sha256')
  evidence(@Param('sha256') sha256: string, @Res() response: Response): void {
    if (!SHA256.test(sha256)) return sendNotFound(response, 'evidence', sha256);
    const recorded = this.recorded(sha256);
    if (recorded.length === 0) return sendNotFound(response, 'evidence', sha256);
    const check = this.files.check(sha256);
    sendPage(response, check.kept && !check.matches ? 409 : 200, evidencePage(sha256, recorded, check));
  }

  /** The document, only while it still has the hash recorded: a changed file is never handed out as the evidence. */
  @Get('evidence/:sha256/file')
  file(@Param('sha256') sha256: string, @Res() response: Response): void {
    const recorded = SHA256.test(sha256) ? this.recorded(sha256) : [];
    const check = recorded.length > 0 ? this.files.check(sha256) : { kept: false as const };
    if (!check.kept) return sendNotFound(response, 'evidence file', sha256);
    if (!check.matches) return sendPage(response, 409, evidencePage(sha256, recorded, check));
    response
      .status(200)
      .set({
        'Content-Type': 'application/octet-stream',
        'Content-Disposition': attachment(recorded[0].reference),
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'no-store',
        'Ledger-Sha256': sha256,
      })
      .send(fs.readFileSync(check.file));
  }

  private recorded(sha256: string) {
    const timeline = readAll((page) => queryTimeline(this.reads.readModels, { eventType: 'RecommendationEvidenceSubmitted' }, page));
    return recordedEvidence(timeline).filter((evidence) => evidence.sha256 === sha256);
  }

  private findingOf(recommendationId: string): RegisterEntry | null {
    return isId(recommendationId) ? findRegisterEntry(this.reads.readModels, recommendationId, this.reads.context.today()) : null;
  }

  private notNow(finding: RegisterEntry): FormError[] {
    return isOffered(SUBMIT_EVIDENCE, finding) ? [] : [{ field: 'evidence-file', message: `Evidence cannot be submitted for ${finding.reference} in its present status` }];
  }

  private sendForm(request: Request, response: Response, finding: RegisterEntry, status: number, values: UploadValues, errors: readonly FormError[]): void {
    const back = `/recommendations/${encodeURIComponent(finding.recommendationId)}`;
    const caption = finding.inspection ? `${finding.reference} · ${finding.inspection.title}` : finding.reference;
    sendPage(response, status, evidenceUploadPage({ caption, action: `${back}/evidence-file`, back, values, errors, csrfToken: this.csrf.tokenFor(request, response), keeping: this.files.keeping }));
  }
}

function text(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

/** The file's own name, as the browser sent it, without any folder. */
function fileName(name: string): string {
  const base = name.split(/[\\/]/).pop()?.trim() ?? '';
  return (base || 'evidence').slice(0, TEXT_LIMITS.url);
}
