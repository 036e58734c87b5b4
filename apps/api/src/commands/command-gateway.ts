import { Injectable } from '@nestjs/common';
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

/** Sends a command message and turns its result into the HTTP answer, with the stream revision as ETag. */
@Injectable()
export class CommandGateway {
  constructor(private readonly commandBus: CommandBus) {}

  async send(context: CommandContext, message: Command<CommandResult>, created: Record<string, string | string[]> = {}): Promise<CommandAnswer> {
    const result = await this.commandBus.execute(message);
    context.answeredAt(result.revision);
    return { ...created, streamId: result.streamId, revision: String(result.revision), position: String(result.position), eventIds: result.eventIds };
  }
}
