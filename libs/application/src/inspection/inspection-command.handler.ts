import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { EventStore } from '@ledger/event-store';
import { authoriseCommand } from '../access/authorise-command';
import type { CommandResult } from '../command-meta';
import { FindingIssuance } from '../finding-issuance/finding-issuance';
import { CommandPipeline } from '../pipeline/command-pipeline';
import { EVENT_STORE } from '../tokens';
import { inspectionAggregate } from './inspection.aggregate';
import { InspectionCommandMessage } from './inspection-command.message';

@CommandHandler(InspectionCommandMessage)
export class InspectionCommandHandler implements ICommandHandler<InspectionCommandMessage> {
  private readonly inspection;

  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly issuance: FindingIssuance,
    @Inject(EVENT_STORE) store: EventStore,
  ) {
    this.inspection = inspectionAggregate(store);
  }

  /**
   * The findings are issued before the answer, so that the caller can use them at once; should
   * this process die first, the FindingIssuer completes them. A repeated command (same command
   * id) completes them too. The answer's position covers them, so that a query waiting for it
   * (read your own writes) sees the findings as well as the inspection.
   */
  async execute({ command, meta }: InspectionCommandMessage): Promise<CommandResult> {
    authoriseCommand(command, meta);
    const { result, events } = await this.pipeline.execute(this.inspection, command, meta);
    const followUps = await this.issuance.complete(events);
    return followUps !== null && followUps > result.position ? { ...result, position: followUps } : result;
  }
}
