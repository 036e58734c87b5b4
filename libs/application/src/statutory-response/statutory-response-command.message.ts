import { Command } from '@nestjs/cqrs';
import type { StatutoryResponseCommand } from '@ledger/domain';
import type { CommandMeta, CommandResult } from '../command-meta';

export class StatutoryResponseCommandMessage extends Command<CommandResult> {
  constructor(
    readonly command: StatutoryResponseCommand,
    readonly meta: CommandMeta,
  ) {
    super();
  }
}
