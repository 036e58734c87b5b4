import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiExtraModels, ApiOperation, ApiResponse, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { breakToJson, ledgerDigest, verifyStore } from '@ledger/integrity';
import { Allow } from '../identity/access/allow.decorator';
import { ThrottleHeavy } from '../identity/sign-in/throttle';
import { ProblemDto } from '../openapi/api-docs.dto';
import { PROBLEM_CONTENT_TYPE } from '../problem/problem';
import { ApiQueryParams, parseQuery, positionParam } from '../read-models/query-params';
import { LedgerDigestDto, VerificationReportDto } from './exports.dto';
import { EXPORTS_SETTINGS, type ExportsSettings } from './exports.settings';

const UP_TO = {
  upTo: positionParam('Only the log up to and including this position (default: all of it)'),
} as const;

function problem(status: number, description: string): MethodDecorator {
  return ApiResponse({ status, description, content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: getSchemaPath(ProblemDto) } } } });
}

/** The ledger's provable state: its digest, and a full recomputation of every chain. */
@ApiTags('integrity')
@ApiExtraModels(ProblemDto)
@Controller('api/ledger')
export class LedgerIntegrityController {
  constructor(@Inject(EXPORTS_SETTINGS) private readonly settings: ExportsSettings) {}

  @Get('digest')
  @Allow('export')
  @ApiOperation({
    summary: "The ledger's digest: the running root over every event's hash in log order",
    description: 'What the office publishes ("as at 31 March the ledger\'s digest was …"); removing, adding or reordering any event, or a whole stream, changes it. Check it later with `ledger verify --up-to POSITION --expect-digest DIGEST`.',
  })
  @ApiQueryParams(UP_TO)
  @ApiResponse({ status: 200, type: LedgerDigestDto })
  @problem(400, 'upTo is not a log position')
  @problem(503, 'The event store is unavailable')
  async digest(@Query() query: Record<string, unknown>): Promise<LedgerDigestDto> {
    const { upTo } = parseQuery(query, UP_TO);
    const found = await ledgerDigest(this.settings.store, upTo);
    return { digest: found.digest, events: found.events, position: found.position?.toString() ?? null };
  }

  @Get('verify')
  @Allow('verify-ledger')
  @ThrottleHeavy()
  @ApiOperation({
    summary: 'Recompute every revision, link and hash of the stored log',
    description: 'Answers 200 either way: `ok` says whether the ledger verifies, and `break` names the first break (stream, revision, event, position, what differs).',
  })
  @ApiQueryParams(UP_TO)
  @ApiResponse({ status: 200, type: VerificationReportDto })
  @problem(400, 'upTo is not a log position')
  @problem(503, 'The event store is unavailable')
  async verify(@Query() query: Record<string, unknown>): Promise<VerificationReportDto> {
    const { upTo } = parseQuery(query, UP_TO);
    const report = await verifyStore(this.settings.store, upTo);
    return {
      ok: report.ok,
      break: report.break === null ? null : breakToJson(report.break),
      events: report.events,
      streams: report.streams,
      digest: report.digest,
      lastPosition: report.lastPosition?.toString() ?? null,
    };
  }
}
