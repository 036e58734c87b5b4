import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { initialInspectionState, inspectionStream, isRuleViolation, type RegisterInspection } from '@ledger/domain';
import { AppendTooLargeError, EventStoreFullError, type EventStore } from '@ledger/event-store';
import type { CommandMeta, CommandResult } from '../command-meta';
import { AggregateNotFoundError, CommandRefusedError } from '../errors';
import { authoriseCommand } from '../access/authorise-command';
import { FindingIssuance } from '../finding-issuance/finding-issuance';
import { CommandPipeline } from '../pipeline/command-pipeline';
import { envelopeFor } from '../pipeline/event-envelope';
import { StreamState } from '../pipeline/stream-state';
import { CLOCK, EVENT_STORE, type Clock } from '../tokens';
import { inspectionAggregate } from './inspection.aggregate';
import { InspectionCommandMessage } from './inspection-command.message';
import { InspectionKeyReservations } from './inspection-key-reservations';

@CommandHandler(InspectionCommandMessage)
export class InspectionCommandHandler implements ICommandHandler<InspectionCommandMessage> {
  private readonly inspection;
  private readonly reservations;

  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly issuance: FindingIssuance,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.inspection = inspectionAggregate(store);
    this.reservations = new InspectionKeyReservations(store, clock);
  }

  async execute({ command, meta }: InspectionCommandMessage): Promise<CommandResult> {
    authoriseCommand(command, meta);
    // An inspection already recorded under this id is the pipeline's to answer: a repeat, or refused.
    if (command.type !== 'RegisterInspection' || (await this.registered(command.inspectionId))) return this.record(command, meta);
    await this.refuseInvalidRegistration(command, meta);
    const reservation = await this.reservations.reserve(command, meta);
    try {
      return await this.record(command, meta);
    } catch (error) {
      // Released only when the registration is known not to be written (a full disk writes nothing of an append); after an
      // unknown outcome the key stays held.
      const unwritten = error instanceof CommandRefusedError || error instanceof AggregateNotFoundError || error instanceof AppendTooLargeError || error instanceof EventStoreFullError;
      if (unwritten) await reservation.release();
      throw error;
    }
  }

  private async registered(inspectionId: string): Promise<boolean> {
    for await (const _event of this.store.readStream(inspectionStream(inspectionId), { maxCount: 1 })) return true;
    return false;
  }

  /** The envelope and the registration's own checks first, so that a registration they refuse reserves nothing. */
  private async refuseInvalidRegistration(command: RegisterInspection, meta: CommandMeta): Promise<void> {
    const now = this.clock();
    envelopeFor(meta, now);
    const state = initialInspectionState;
    const occurredAt = meta.occurredAt === undefined ? {} : { occurredAt: meta.occurredAt };
    const facts = await this.inspection.facts({ command, state, stream: new StreamState(this.inspection.decider), now, ...occurredAt });
    const decision = this.inspection.decider.decide(command, state, { ...facts, actor: meta.actor, ...occurredAt });
    if (isRuleViolation(decision)) throw new CommandRefusedError(decision);
  }

  /**
   * The findings are issued before the answer, so that the caller can use them at once; should
   * this process die first, the FindingIssuer completes them. A repeated command (same command
   * id) completes them too. The answer's position covers them, so that a query waiting for it
   * (read your own writes) sees the findings as well as the inspection.
   */
  private async record(command: InspectionCommandMessage['command'], meta: CommandMeta): Promise<CommandResult> {
    const { result, events } = await this.pipeline.execute(this.inspection, command, meta);
    const followUps = await this.issuance.complete(events);
    return followUps !== null && followUps > result.position ? { ...result, position: followUps } : result;
  }
}
