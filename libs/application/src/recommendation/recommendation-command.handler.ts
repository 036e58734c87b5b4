import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { authoriseCommand, authoriseOwnOrganisation } from '../access/authorise-command';
import type { CommandResult } from '../command-meta';
import { refuseApplicationOnly } from '../application-only-commands';
import { CommandPipeline } from '../pipeline/command-pipeline';
import { recommendationAggregate } from './recommendation.aggregate';
import { RecommendationCommandMessage } from './recommendation-command.message';

@CommandHandler(RecommendationCommandMessage)
export class RecommendationCommandHandler implements ICommandHandler<RecommendationCommandMessage> {
  constructor(private readonly pipeline: CommandPipeline) {}

  /**
   * A person's role is checked against the role table first; a force lead's organisation is
   * checked against the recommendation's owner in the very stream the decision is made on, so a
   * reassignment racing the command cannot slip past.
   */
  async execute({ command, meta }: RecommendationCommandMessage): Promise<CommandResult> {
    refuseApplicationOnly(command);
    authoriseCommand(command, meta);
    const aggregate: typeof recommendationAggregate = {
      ...recommendationAggregate,
      facts: async (input) => {
        authoriseOwnOrganisation(command, meta.actor, input.history);
        return recommendationAggregate.facts(input);
      },
    };
    return (await this.pipeline.execute(aggregate, command, meta)).result;
  }
}
