import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import { deterministicUuid, type CommandMeta } from '@ledger/application';
import { principalOf, type Principal } from '../identity/principal';
import { idempotencyKeyOf } from '../idempotency/idempotency-key';
import { invalidInput } from '../problem/problem';
import type { StatementDto } from './statement.dto';

const CORRELATION_HEADER = 'x-correlation-id';

/**
 * What a command request carries besides its body: who sends it, its command id, the revision
 * the caller expects (If-Match) and a correlation id. With an Idempotency-Key, the command id and
 * every id the server assigns are derived from the key, so a retry that runs again (its first
 * answer lost) addresses the same streams and writes the same event ids.
 */
export class CommandContext {
  private constructor(
    readonly principal: Principal,
    readonly commandId: string,
    private readonly keyed: boolean,
    readonly expectedRevision: bigint | undefined,
    readonly correlationId: string | undefined,
    private readonly response: Response,
  ) {}

  static of(request: Request, response: Response): CommandContext {
    const principal = principalOf(request);
    const key = idempotencyKeyOf(request);
    const commandId = key === undefined ? randomUUID() : deterministicUuid('api-idempotency-key', principal.id, key);
    return new CommandContext(principal, commandId, key !== undefined, expectedRevisionOf(request), correlationIdOf(request), response);
  }

  /** A new id for something this command creates (an inspection, a finding, an action...). */
  newId(label: string): string {
    return this.keyed ? deterministicUuid('api-assigned-id', this.commandId, label) : randomUUID();
  }

  meta(statement: StatementDto): CommandMeta {
    const meta: CommandMeta = { actor: this.principal, source: 'api', commandId: this.commandId };
    if (statement.onBehalfOf) {
      const { name, role, organisation } = statement.onBehalfOf;
      meta.onBehalfOf = { name, role, organisation };
    }
    if (statement.occurredAt !== undefined) meta.occurredAt = statement.occurredAt;
    if (this.correlationId !== undefined) meta.correlationId = this.correlationId;
    if (this.expectedRevision !== undefined) meta.expectedRevision = this.expectedRevision;
    return meta;
  }

  answeredAt(revision: bigint): void {
    this.response.setHeader('ETag', etag(revision));
  }
}

export const Cmd = createParamDecorator((_: unknown, context: ExecutionContext) =>
  CommandContext.of(context.switchToHttp().getRequest<Request>(), context.switchToHttp().getResponse<Response>()),
);

export function etag(revision: bigint): string {
  return `"${revision}"`;
}

/** If-Match carries the stream revision the caller last saw, quoted as an ETag or bare; `*` expects nothing. */
function expectedRevisionOf(request: Request): bigint | undefined {
  const header = request.headers['if-match'];
  if (header === undefined || header.trim() === '*') return undefined;
  const match = /^\s*(?:"(\d{1,19})"|(\d{1,19}))\s*$/.exec(header);
  if (!match) {
    throw invalidInput([{ field: 'If-Match', message: 'If-Match must be one stream revision, such as "3" (the ETag of the last answer)' }]);
  }
  return BigInt(match[1] ?? match[2]);
}

function correlationIdOf(request: Request): string | undefined {
  const header = request.headers[CORRELATION_HEADER];
  if (header === undefined) return undefined;
  if (typeof header !== 'string' || !/^[\x21-\x7e]{1,128}$/.test(header)) {
    throw invalidInput([{ field: 'X-Correlation-Id', message: 'X-Correlation-Id must be 1 to 128 visible ASCII characters' }]);
  }
  return header;
}
