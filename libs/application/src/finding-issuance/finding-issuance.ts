import { Inject, Injectable, Logger } from '@nestjs/common';
import { inspectionDecider, inspectionStream, type EventMetadata, type InspectionEvent, type InspectionState } from '@ledger/domain';
import type { EventStore, RecordedEvent } from '@ledger/event-store';
import type { CommandMeta } from '../command-meta';
import { AggregateNotFoundError, CommandRefusedError } from '../errors';
import { CommandPipeline } from '../pipeline/command-pipeline';
import { deterministicUuid } from '../pipeline/deterministic-id';
import { foldHistory } from '../pipeline/read-aggregate';
import { readStreamFully, toDomainEvent } from '../pipeline/stored-event';
import { recommendationAggregate } from '../recommendation/recommendation.aggregate';
import { statutoryResponseAggregate } from '../statutory-response/statutory-response.aggregate';
import { EVENT_STORE, POLICIES, type LedgerPolicies } from '../tokens';
import { changesTimetable, followUpsOf, type FollowUp } from './follow-ups';

/** An inspection event as appended or as read back: what the follow-ups are derived from. */
export type SourceEvent = Pick<RecordedEvent, 'id' | 'type' | 'data' | 'metadata'>;

/**
 * Carries out what inspection events call for in other streams. EventStoreDB cannot append to
 * two streams atomically, so this runs after the inspection's own append and may run again for
 * the same event any number of times (after a crash, or from the FindingIssuer and the command
 * handler at once): each follow-up's command id is derived from the inspection event's id and
 * the target stream, so the pipeline finds it already applied, and its event ids are derived in
 * turn, so a write that raced another still lands once.
 */
@Injectable()
export class FindingIssuance {
  private readonly logger = new Logger(FindingIssuance.name);
  private readonly statutoryResponse;
  private readonly recommendation;

  constructor(
    private readonly pipeline: CommandPipeline,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(POLICIES) private readonly policies: LedgerPolicies,
  ) {
    this.statutoryResponse = statutoryResponseAggregate(store);
    this.recommendation = recommendationAggregate(store);
  }

  /** Resolves to the highest log position the follow-ups hold, or null when there were none. */
  async complete(events: readonly SourceEvent[]): Promise<bigint | null> {
    let highest: bigint | null = null;
    for (const source of events) {
      const event = toDomainEvent<InspectionEvent>(source);
      const inspection = changesTimetable(event) ? await this.inspectionAfter(event.inspectionId, source.id) : undefined;
      for (const followUp of followUpsOf(event, inspection, this.policies)) {
        const position = await this.run(source, followUp);
        if (position !== null && (highest === null || position > highest)) highest = position;
      }
    }
    return highest;
  }

  private async run(source: SourceEvent, followUp: FollowUp): Promise<bigint | null> {
    try {
      if (followUp.aggregate === 'recommendation') {
        const { command } = followUp;
        const { result } = await this.pipeline.execute(this.recommendation, command, followUpMeta(source, this.recommendation.streamId(command)));
        return result.position;
      }
      const { command } = followUp;
      const { result } = await this.pipeline.execute(this.statutoryResponse, command, followUpMeta(source, this.statutoryResponse.streamId(command)));
      return result.position;
    } catch (error) {
      // A refusal here is a fact about the ledger, not a passing fault: retrying cannot change
      // it, and holding back the other follow-ups would not help. It is reported loudly.
      if (!(error instanceof CommandRefusedError || error instanceof AggregateNotFoundError)) throw error;
      this.logger.error(`${followUp.command.type} after event ${source.id} (${source.type}) was refused: ${error.message}`);
      return null;
    }
  }

  private async inspectionAfter(inspectionId: string, eventId: string): Promise<InspectionState> {
    const streamId = inspectionStream(inspectionId);
    const history = await readStreamFully(this.store.readStream(streamId));
    const upTo = history.findIndex((event) => event.id === eventId);
    if (upTo === -1) throw new Error(`Event ${eventId} is not in ${streamId}`);
    return foldHistory(inspectionDecider, history.slice(0, upTo + 1));
  }
}

/** Attributed as the inspection event was: same people, same business time, caused by that event. */
function followUpMeta(source: SourceEvent, streamId: string): CommandMeta {
  const envelope = source.metadata as unknown as EventMetadata;
  return {
    actor: envelope.actor,
    ...(envelope.onBehalfOf ? { onBehalfOf: envelope.onBehalfOf } : {}),
    occurredAt: envelope.occurredAt,
    source: envelope.source,
    commandId: deterministicUuid(source.id, streamId),
    correlationId: envelope.$correlationId,
    causationId: source.id,
  };
}
