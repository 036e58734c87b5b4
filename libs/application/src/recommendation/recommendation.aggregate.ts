import {
  RECOMMENDATION_NOT_FOUND_RULES,
  inspectionDecider,
  inspectionStream,
  isRecommendationIssued,
  occurredDay,
  recommendationDecider,
  recommendationStream,
  type RecommendationCommand,
  type RecommendationDecisionContext,
  type RecommendationEvent,
  type RecommendationState,
  type RecommendationStreamEntry,
} from '@ledger/domain';
import type { EventStore } from '@ledger/event-store';
import type { AggregateDefinition } from '../pipeline/command-pipeline';
import { readAggregate } from '../pipeline/read-aggregate';
import { readStreamFully, toDomainEvent } from '../pipeline/stored-event';

export function recommendationAggregate(
  store: EventStore,
): AggregateDefinition<RecommendationCommand, RecommendationEvent, RecommendationState, RecommendationDecisionContext> {
  return {
    decider: recommendationDecider,
    streamId: (command) => recommendationStream(command.recommendationId),
    notFoundRules: RECOMMENDATION_NOT_FOUND_RULES,
    // A correction may only point at an event of its own stream; ids live in the envelope, not in evolve.
    // A command that says when it happened is checked against the report's publication, read only then.
    facts: async ({ command, stream, state, occurredAt, now }) => {
      const dating = command.type === 'CorrectEntryDate' && isRecommendationIssued(state);
      return {
        streamEventIds: stream.eventIds,
        ...((occurredAt !== undefined || dating) && isRecommendationIssued(state) ? await issuedOn(store, state.inspectionId) : {}),
        // A date correction is judged against every entry's date: envelopes the kept fold does not hold, so the stream is read.
        ...(dating ? { entries: await entriesOf(store, recommendationStream(command.recommendationId)), today: occurredDay(now.toISOString()) } : {}),
      };
    },
  };
}

async function entriesOf(store: EventStore, streamId: string): Promise<RecommendationStreamEntry[]> {
  const history = await readStreamFully(store.readStream(streamId));
  return history.map((recorded) => ({
    eventId: recorded.id,
    commandId: typeof recorded.metadata['commandId'] === 'string' ? recorded.metadata['commandId'] : null,
    occurredAt: String(recorded.metadata['occurredAt'] ?? recorded.metadata['recordedAt']),
    event: toDomainEvent(recorded) as RecommendationEvent,
  }));
}

async function issuedOn(store: EventStore, inspectionId: string): Promise<{ issuedOn?: string }> {
  const { state: inspection } = await readAggregate(store, inspectionDecider, inspectionStream(inspectionId));
  return inspection.registered ? { issuedOn: inspection.details.publishedOn } : {};
}
