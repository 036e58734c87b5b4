import { Command } from '@nestjs/cqrs';
import type { PublicRegisterCommand } from '@ledger/domain';
import type { CommandMeta, CommandResult } from '../command-meta';

export class PublicRegisterCommandMessage extends Command<CommandResult> {
  constructor(
    readonly command: PublicRegisterCommand,
    readonly meta: CommandMeta,
  ) {
    super();
  }
}
