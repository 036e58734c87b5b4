import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { authoriseCommand } from '../access/authorise-command';
import type { CommandResult } from '../command-meta';
import { CommandPipeline } from '../pipeline/command-pipeline';
import { challengeAggregate } from './challenge.aggregate';
import { ChallengeCommandMessage } from './challenge-command.message';

@CommandHandler(ChallengeCommandMessage)
export class ChallengeCommandHandler implements ICommandHandler<ChallengeCommandMessage> {
  constructor(private readonly pipeline: CommandPipeline) {}

  async execute({ command, meta }: ChallengeCommandMessage): Promise<CommandResult> {
    authoriseCommand(command, meta);
    return (await this.pipeline.execute(challengeAggregate, command, meta)).result;
  }
}
