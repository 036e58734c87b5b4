import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { EventStore } from '@ledger/event-store';
import { authoriseCommand, authoriseOwnOrganisation } from '../access/authorise-command';
import type { CommandResult } from '../command-meta';
import { refuseApplicationOnly } from '../application-only-commands';
import { CommandPipeline } from '../pipeline/command-pipeline';
import { EVENT_STORE } from '../tokens';
import { recommendationAggregate } from './recommendation.aggregate';
import { RecommendationCommandMessage } from './recommendation-command.message';

@CommandHandler(RecommendationCommandMessage)
export class RecommendationCommandHandler implements ICommandHandler<RecommendationCommandMessage> {
  private readonly recommendation;

  constructor(
    private readonly pipeline: CommandPipeline,
    @Inject(EVENT_STORE) store: EventStore,
  ) {
    this.recommendation = recommendationAggregate(store);
  }

  /**
   * A person's role is checked against the role table first; a force lead's organisation is
   * checked against the recommendation's owner in the very stream the decision is made on, so a
   * reassignment racing the command cannot slip past.
   */
  async execute({ command, meta }: RecommendationCommandMessage): Promise<CommandResult> {
    refuseApplicationOnly(command);
    authoriseCommand(command, meta);
    const aggregate: typeof this.recommendation = {
      ...this.recommendation,
      facts: async (input) => {
        authoriseOwnOrganisation(command, meta.actor, input.stream);
        return this.recommendation.facts(input);
      },
    };
    return (await this.pipeline.execute(aggregate, command, meta)).result;
  }
}
