import { Command } from '@nestjs/cqrs';
import type { ChallengeCommand } from '@ledger/domain';
import type { CommandMeta, CommandResult } from '../command-meta';

export class ChallengeCommandMessage extends Command<CommandResult> {
  constructor(
    readonly command: ChallengeCommand,
    readonly meta: CommandMeta,
  ) {
    super();
  }
}
