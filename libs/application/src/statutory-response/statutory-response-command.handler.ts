import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { EventStore } from '@ledger/event-store';
import type { CommandResult } from '../command-meta';
import { authoriseCommand } from '../access/authorise-command';
import { refuseApplicationOnly } from '../application-only-commands';
import { CommandPipeline } from '../pipeline/command-pipeline';
import { EVENT_STORE } from '../tokens';
import { statutoryResponseAggregate } from './statutory-response.aggregate';
import { StatutoryResponseCommandMessage } from './statutory-response-command.message';

@CommandHandler(StatutoryResponseCommandMessage)
export class StatutoryResponseCommandHandler implements ICommandHandler<StatutoryResponseCommandMessage> {
  private readonly statutoryResponse;

  constructor(
    private readonly pipeline: CommandPipeline,
    @Inject(EVENT_STORE) store: EventStore,
  ) {
    this.statutoryResponse = statutoryResponseAggregate(store);
  }

  async execute({ command, meta }: StatutoryResponseCommandMessage): Promise<CommandResult> {
    refuseApplicationOnly(command);
    authoriseCommand(command, meta);
    return (await this.pipeline.execute(this.statutoryResponse, command, meta)).result;
  }
}
