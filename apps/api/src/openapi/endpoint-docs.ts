import { applyDecorators, Get, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiExtraModels, ApiHeader, ApiOperation, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import type { CommandName } from '@ledger/application';
import { Allow } from '../identity/access/allow.decorator';
import { DEVELOPMENT_PEOPLE } from '../identity/dev-users';
import { PROBLEM_CONTENT_TYPE } from '../problem/problem';
import { CommandAnswerDto, HistoryDto, ProblemDto } from './api-docs.dto';

function problem(status: number, description: string): MethodDecorator {
  return ApiResponse({ status, description, content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: getSchemaPath(ProblemDto) } } } });
}

const ETAG = { ETag: { description: 'The stream revision, quoted', schema: { type: 'string' } } };
const REPLAYED = { 'Idempotent-Replayed': { description: '"true" when this is the stored answer to an earlier request with the same Idempotency-Key', schema: { type: 'string' } } };

const DEV_USER = ApiHeader({ name: 'X-Ledger-Dev-User', required: false, description: `Only with LEDGER_DEV_IDENTITIES=1 (never in production): act as a development person (${DEVELOPMENT_PEOPLE.map((person) => `${person.id}: ${person.role}`).join(', ')})` });

/**
 * A POST that sends one command, allowed to the roles the role table lists for it. `creates`
 * names what the server assigns ids to: such a command answers 201, the others 200.
 */
export function CommandRoute(command: CommandName, path: string, summary: string, options: { creates?: string } = {}): MethodDecorator {
  const status = options.creates ? HttpStatus.CREATED : HttpStatus.OK;
  return applyDecorators(
    Post(path),
    Allow(command),
    HttpCode(status),
    ApiOperation({ summary, description: options.creates ? `The server assigns the ${options.creates} and returns them.` : undefined }),
    ApiExtraModels(ProblemDto),
    ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Makes a retry append once and get the same answer; reusing a key for another request is refused (422 IdempotencyKeyReused)' }),
    ApiHeader({ name: 'If-Match', required: false, description: 'The stream revision last seen (an ETag): refused with 409 if the stream has moved on' }),
    ApiHeader({ name: 'X-Correlation-Id', required: false, description: 'Stored as $correlationId (defaults to the command id)' }),
    DEV_USER,
    ApiResponse({ status, type: CommandAnswerDto, headers: { ...ETAG, ...REPLAYED }, description: 'Recorded: the stream revision and log position written' }),
    problem(400, 'Invalid input: each field and why'),
    problem(415, 'The body is not JSON sent as Content-Type: application/json (an empty body included)'),
    problem(404, 'No such aggregate'),
    problem(409, 'The stream has moved on (stale If-Match, or too many concurrent writers)'),
    problem(422, 'A rule refused the command (named in `rule`); or an Idempotency-Key reused for another request'),
    problem(503, 'The event store is unavailable; nothing was recorded'),
  );
}

export function HistoryRoute(what: string): MethodDecorator {
  return applyDecorators(
    Get(':id/history'),
    Allow('read'),
    ApiOperation({ summary: `The recorded history of ${what}: every event in order with its metadata` }),
    ApiExtraModels(ProblemDto),
    DEV_USER,
    ApiResponse({ status: 200, type: HistoryDto, headers: ETAG }),
    problem(404, `No ${what} has been recorded under this id`),
    problem(503, 'The event store is unavailable'),
  );
}
