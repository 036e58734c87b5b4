import { Controller, Get, Inject, Param, Query, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeEndpoint, ApiOperation, ApiParam, ApiProduces, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { readStreamFully } from '@ledger/application/pipeline/stored-event';
import { Allow } from '../identity/access/allow.decorator';
import { ProblemError, invalidInput } from '../problem/problem';
import { sendPage } from '../web/layout/send-page';
import { WebErrorFilter } from '../web/layout/web-error.filter';
import { publicLedgerState } from '@ledger/projections/read-models';
import { PublicRegisterReads } from './public-register-reads';
import { PUBLISHING_SETTINGS, type PublishingSettings } from './publishing.settings';
import { responseHtml, responseText } from './render-response';
import { readResponseDocument, type ResponseDocument } from './response-document';
import { responseFileName } from './response-files';
import type { ProvenanceFacts } from './response-view';

/** The document and the ledger digest as at a point that covers everything it shows. */
export async function documentWithProvenance(
  settings: PublishingSettings,
  reads: PublicRegisterReads,
  inspectionId: string,
  response: Response,
): Promise<{ document: ResponseDocument; provenance: ProvenanceFacts } | null> {
  const document = await readResponseDocument((streamId) => readStreamFully(settings.store.readStream(streamId)), inspectionId);
  if (document === null) return null;
  // Read after the document, so the digest's event count covers every event the document used.
  const { digest, events } = publicLedgerState(await reads.current(response));
  return { document, provenance: { digest, events } };
}

/**
 * The page the office publishes for an inspection, generated from the ledger: previewed in the
 * browser, downloaded as a standalone HTML file (stylesheet inside, printable) or plain text, and
 * over the API. Office and commissioner only (`publish-response`).
 */
@ApiTags('publishing')
@Controller()
export class ResponsePublishingController {
  constructor(
    @Inject(PUBLISHING_SETTINGS) private readonly settings: PublishingSettings,
    private readonly reads: PublicRegisterReads,
  ) {}

  @Get('inspections/:id/published-response')
  @ApiExcludeEndpoint()
  @UseFilters(WebErrorFilter)
  @Allow('publish-response')
  async preview(@Param('id') id: string, @Res() response: Response): Promise<void> {
    const found = await this.find(id, response);
    sendPage(response, 200, responseHtml(found.document, { stylesheet: 'served', provenance: found.provenance }));
  }

  @Get('inspections/:id/published-response/download.html')
  @ApiExcludeEndpoint()
  @UseFilters(WebErrorFilter)
  @Allow('publish-response')
  async downloadHtml(@Param('id') id: string, @Res() response: Response): Promise<void> {
    const found = await this.find(id, response);
    this.attachment(response, `${responseFileName(id)}.html`, 'text/html; charset=utf-8', responseHtml(found.document, { stylesheet: 'inline', provenance: found.provenance }));
  }

  @Get('inspections/:id/published-response/download.txt')
  @ApiExcludeEndpoint()
  @UseFilters(WebErrorFilter)
  @Allow('publish-response')
  async downloadText(@Param('id') id: string, @Res() response: Response): Promise<void> {
    const found = await this.find(id, response);
    this.attachment(response, `${responseFileName(id)}.txt`, 'text/plain; charset=utf-8', responseText(found.document, found.provenance));
  }

  @Get('api/inspections/:id/published-response')
  @Allow('publish-response')
  @ApiOperation({ summary: 'The page the office publishes for this inspection, generated from the ledger: HTML (stylesheet inside) or plain text; `ledger import-page` reads either back as the same findings, responses and dates' })
  @ApiParam({ name: 'id', description: 'The inspection id' })
  @ApiQuery({ name: 'format', required: false, enum: ['html', 'text'] })
  @ApiProduces('text/html', 'text/plain')
  @ApiResponse({ status: 200, description: 'The page' })
  async api(@Param('id') id: string, @Query('format') format: string | undefined, @Res() response: Response): Promise<void> {
    if (format !== undefined && format !== 'html' && format !== 'text') throw invalidInput([{ field: 'format', message: 'format must be html or text' }]);
    const found = await this.find(id, response);
    if (format === 'text') {
      this.attachment(response, `${responseFileName(id)}.txt`, 'text/plain; charset=utf-8', responseText(found.document, found.provenance));
    } else {
      this.attachment(response, `${responseFileName(id)}.html`, 'text/html; charset=utf-8', responseHtml(found.document, { stylesheet: 'inline', provenance: found.provenance }));
    }
  }

  private async find(id: string, response: Response): Promise<{ document: ResponseDocument; provenance: ProvenanceFacts }> {
    const found = await documentWithProvenance(this.settings, this.reads, id, response);
    if (found === null) throw new ProblemError('not-found', `There is no inspection ${id} in the ledger`, { inspectionId: id });
    return found;
  }

  private attachment(response: Response, fileName: string, contentType: string, body: string): void {
    response
      .status(200)
      .set({
        'Content-Type': contentType,
        'Content-Disposition': `attachment; filename="${fileName}"`,
        'X-Content-Type-Options': 'nosniff',
        // The downloaded page carries its own stylesheet; nothing in it runs.
        'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'",
        'Cache-Control': 'no-store',
      })
      .send(body);
  }
}
