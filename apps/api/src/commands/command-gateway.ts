import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { JSON_LOG } from '../observability/json-log.token';
import { LedgerMetrics, outcomeOf, type CommandOutcome } from '../observability/ledger-metrics';
import { Command, CommandBus } from '@nestjs/cqrs';
import type { CommandResult } from '@ledger/application';
import type { CommandContext } from './command-context';

/** Every command's answer: where it wrote (bigints as strings), plus the ids it created. */
export interface CommandAnswer {
  streamId: string;
  revision: string;
  position: string;
  eventIds: string[];
  [createdId: string]: string | string[];
}

/**
 * Sends a command message and turns its result into the HTTP answer, with the stream revision as
 * ETag. Counts and times every command by type and outcome, and logs it with who sent it and its
 * correlation id (a refusal with its reason).
 */
@Injectable()
export class CommandGateway {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly metrics: LedgerMetrics,
    @Inject(JSON_LOG) private readonly log: Logger,
  ) {}

  async send(context: CommandContext, message: Command<CommandResult>, created: Record<string, string | string[]> = {}): Promise<CommandAnswer> {
    const started = process.hrtime.bigint();
    const type = (message as { command?: { type?: unknown } }).command?.type;
    const commandType = typeof type === 'string' ? type : message.constructor.name;
    const done = (outcome: CommandOutcome, fields: Record<string, unknown> = {}) => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      this.metrics.commandDone(commandType, outcome, seconds);
      const entry = { command: commandType, outcome, actor: context.principal.id, role: context.principal.role, commandId: context.commandId, correlationId: context.correlationId ?? context.commandId, ms: Math.round(seconds * 1e6) / 1000, ...fields };
      if (outcome === 'error') this.log.error(entry, 'command failed');
      else this.log.info(entry, 'command');
    };
    let result: CommandResult;
    try {
      result = await this.commandBus.execute(message);
    } catch (error) {
      done(outcomeOf(error), { error: error instanceof Error ? error.message : String(error) });
      throw error;
    }
    done('ok', { streamId: result.streamId, revision: String(result.revision) });
    context.answeredAt(result.revision);
    return { ...created, streamId: result.streamId, revision: String(result.revision), position: String(result.position), eventIds: result.eventIds };
  }
}
