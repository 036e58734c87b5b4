import { randomUUID } from 'node:crypto';
import {
  challengeDecider,
  challengeStream,
  isRuleViolation,
  occurredDay,
  recommendationDecider,
  recommendationStream,
  statutoryResponseDecider,
  statutoryResponseStream,
  type Actor,
  type ChallengeCommand,
  type Decider,
  type DecisionContext,
  type EventMetadata,
  type OnBehalfOf,
  type RecommendationCommand,
  type RecommendationEvent,
  type RecommendationStreamEntry,
  type StatutoryResponseCommand,
  type StatutoryResponseContext,
} from '@ledger/domain';
import type { JsonObject, RecordedEvent } from '@ledger/event-store';

export interface When {
  by: Actor;
  /** recordedAt, UTC ISO-8601. */
  at: string;
  occurredAt?: string;
  onBehalfOf?: OnBehalfOf;
}

/**
 * A log for unit tests of projections, written by the domain's own deciders: each command is
 * decided on the state folded from its stream, as the application would, so the events are the
 * ones the ledger would record. Envelopes carry the given people and times.
 */
export class DecidedLog {
  readonly events: RecordedEvent[] = [];

  recommendation(command: RecommendationCommand, when: When): RecordedEvent[] {
    const stream = recommendationStream(command.recommendationId);
    const history = this.events.filter((event) => event.streamId === stream);
    const streamEventIds = new Set(history.map((event) => event.id));
    // A date correction is judged on every entry's date, as the application reads them, with today the day it is recorded.
    const dating = command.type === 'CorrectEntryDate' ? { entries: history.map(streamEntryOf), today: occurredDay(when.at) } : {};
    return this.decide(recommendationDecider, stream, command, { actor: when.by, streamEventIds, ...dating }, when);
  }

  challenge(command: ChallengeCommand, when: When): RecordedEvent[] {
    return this.decide(challengeDecider, challengeStream(command.challengeId), command, { actor: when.by }, when);
  }

  /** `context` gives what the application would: the findings to publish, today to correct a date. */
  statutory(command: StatutoryResponseCommand, when: When, context: Omit<StatutoryResponseContext, 'actor'> = {}): RecordedEvent[] {
    return this.decide(statutoryResponseDecider, statutoryResponseStream(command.inspectionId), command, { ...context, actor: when.by }, when);
  }

  private decide<C, E extends { type: string }, S, X extends DecisionContext>(decider: Decider<C, E, S, X>, stream: string, command: C, context: X, when: When): RecordedEvent[] {
    const history = this.events.filter((event) => event.streamId === stream);
    const state = history.reduce((folded, event) => decider.evolve(folded, { ...event.data, type: event.type } as unknown as E), decider.initialState);
    const decision = decider.decide(command, state, context);
    if (isRuleViolation(decision)) throw new Error(`${decision.rule}: ${decision.message}`);
    const metadata: EventMetadata = {
      actor: when.by,
      ...(when.onBehalfOf ? { onBehalfOf: when.onBehalfOf } : {}),
      occurredAt: when.occurredAt ?? when.at,
      recordedAt: when.at,
      $correlationId: 'test',
      $causationId: 'test',
      commandId: randomUUID(),
      schemaVersion: 1,
      source: 'api',
    };
    const recorded = decision.map((event, index): RecordedEvent => {
      const { type, ...data } = event as E & Record<string, unknown>;
      return {
        streamId: stream,
        revision: BigInt(history.length + index),
        position: BigInt(this.events.length + index + 1),
        id: randomUUID(),
        type,
        data: data as JsonObject,
        metadata: metadata as unknown as JsonObject,
        created: new Date(when.at),
      };
    });
    this.events.push(...recorded);
    return recorded;
  }
}

function streamEntryOf(recorded: RecordedEvent): RecommendationStreamEntry {
  return {
    eventId: recorded.id,
    commandId: typeof recorded.metadata['commandId'] === 'string' ? recorded.metadata['commandId'] : null,
    occurredAt: String(recorded.metadata['occurredAt']),
    event: { ...recorded.data, type: recorded.type } as unknown as RecommendationEvent,
  };
}
