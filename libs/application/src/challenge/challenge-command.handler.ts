import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandResult } from '../command-meta';
import { CommandPipeline } from '../pipeline/command-pipeline';
import { challengeAggregate } from './challenge.aggregate';
import { ChallengeCommandMessage } from './challenge-command.message';

@CommandHandler(ChallengeCommandMessage)
export class ChallengeCommandHandler implements ICommandHandler<ChallengeCommandMessage> {
  constructor(private readonly pipeline: CommandPipeline) {}

  async execute({ command, meta }: ChallengeCommandMessage): Promise<CommandResult> {
    return (await this.pipeline.execute(challengeAggregate, command, meta)).result;
  }
}
