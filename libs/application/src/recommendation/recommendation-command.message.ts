import { Command } from '@nestjs/cqrs';
import type { RecommendationCommand } from '@ledger/domain';
import type { CommandMeta, CommandResult } from '../command-meta';

export class RecommendationCommandMessage extends Command<CommandResult> {
  constructor(
    readonly command: RecommendationCommand,
    readonly meta: CommandMeta,
  ) {
    super();
  }
}
