import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandResult } from '../command-meta';
import { refuseApplicationOnly } from '../application-only-commands';
import { CommandPipeline } from '../pipeline/command-pipeline';
import { recommendationAggregate } from './recommendation.aggregate';
import { RecommendationCommandMessage } from './recommendation-command.message';

@CommandHandler(RecommendationCommandMessage)
export class RecommendationCommandHandler implements ICommandHandler<RecommendationCommandMessage> {
  constructor(private readonly pipeline: CommandPipeline) {}

  async execute({ command, meta }: RecommendationCommandMessage): Promise<CommandResult> {
    refuseApplicationOnly(command);
    return (await this.pipeline.execute(recommendationAggregate, command, meta)).result;
  }
}
