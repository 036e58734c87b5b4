import { applyDecorators, Controller, Get, Inject, Logger, Query, Res } from '@nestjs/common';
import { ApiExtraModels, ApiOperation, ApiProduces, ApiResponse, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { Response } from 'express';
import { CLOCK, type Clock } from '@ledger/application';
import { londonDate } from '@ledger/domain';
import { type ExportFormat, streamExport } from '@ledger/integrity';
import { Allow } from '../identity/access/allow.decorator';
import { ThrottleHeavy } from '../identity/sign-in/throttle';
import { ProblemDto } from '../openapi/api-docs.dto';
import { PROBLEM_CONTENT_TYPE } from '../problem/problem';
import { ApiQueryParams, parseQuery } from '../read-models/query-params';
import { CONTENT_TYPES, FORMAT_DESCRIPTIONS, attachment } from './export-formats';
import { EXPORT_FILTER_PARAMS, exportFilterFrom } from './export-filter-input';
import { EXPORTS_SETTINGS, type ExportsSettings } from './exports.settings';

function DownloadRoute(format: ExportFormat): MethodDecorator {
  const problem = (status: number, description: string) =>
    ApiResponse({ status, description, content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: getSchemaPath(ProblemDto) } } } });
  return applyDecorators(
    Get(`ledger.${format}`),
    ApiOperation({
      summary: `Download the ledger as ${FORMAT_DESCRIPTIONS[format]}`,
      description: 'Streamed as it is read from the log, so memory stays flat however large the ledger. Not signed: POST /api/exports creates a signed export with its manifest.',
    }),
    ApiExtraModels(ProblemDto),
    ApiQueryParams(EXPORT_FILTER_PARAMS),
    ApiProduces(CONTENT_TYPES[format]),
    ApiResponse({ status: 200, description: 'The export, as an attachment', content: { [CONTENT_TYPES[format]]: { schema: { type: 'string', format: 'binary' } } } }),
    problem(400, 'A filter is unknown or malformed (named in `errors`)'),
    problem(503, 'The event store is unavailable'),
    Allow('export'),
    ThrottleHeavy(),
  );
}

/** The ledger, or part of it, streamed straight from the log into the response. */
@ApiTags('exports')
@Controller('api/exports')
export class ExportDownloadController {
  private readonly logger = new Logger('Exports');

  constructor(
    @Inject(EXPORTS_SETTINGS) private readonly settings: ExportsSettings,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @DownloadRoute('jsonl')
  jsonl(@Query() query: Record<string, unknown>, @Res() response: Response): Promise<void> {
    return this.download('jsonl', query, response);
  }

  @DownloadRoute('csv')
  csv(@Query() query: Record<string, unknown>, @Res() response: Response): Promise<void> {
    return this.download('csv', query, response);
  }

  @DownloadRoute('xlsx')
  xlsx(@Query() query: Record<string, unknown>, @Res() response: Response): Promise<void> {
    return this.download('xlsx', query, response);
  }

  private async download(format: ExportFormat, query: Record<string, unknown>, response: Response): Promise<void> {
    const filter = exportFilterFrom(parseQuery(query, EXPORT_FILTER_PARAMS));
    response.status(200);
    response.setHeader('Content-Type', CONTENT_TYPES[format]);
    response.setHeader('Content-Disposition', attachment(`pfcc-ledger-${londonDate(this.clock())}.${format}`));
    response.setHeader('Cache-Control', 'no-store');
    try {
      await streamExport(this.settings.store, response, { format, filter, crosswalk: this.settings.crosswalk });
    } catch (error) {
      // Before the first byte the error is still answered as a problem; after it, the download is
      // cut off (the connection is destroyed), so that a partial file cannot pass for a whole one.
      if (!response.headersSent) {
        for (const header of ['Content-Type', 'Content-Disposition']) response.removeHeader(header);
        throw error;
      }
      response.destroy();
      this.logger.warn(`The ${format} download stopped part way: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
