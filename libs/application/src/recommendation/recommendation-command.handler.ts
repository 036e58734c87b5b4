import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { EventStore } from '@ledger/event-store';
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

  async execute({ command, meta }: RecommendationCommandMessage): Promise<CommandResult> {
    refuseApplicationOnly(command);
    return (await this.pipeline.execute(this.recommendation, command, meta)).result;
  }
}
