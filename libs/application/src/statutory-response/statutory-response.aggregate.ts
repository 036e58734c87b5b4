import {
  occurredDay,
  statutoryResponseDecider,
  statutoryResponseStream,
  type StatutoryResponseCommand,
  type StatutoryResponseContext,
  type StatutoryResponseEvent,
  type StatutoryResponseState,
} from '@ledger/domain';
import type { EventStore } from '@ledger/event-store';
import type { AggregateDefinition } from '../pipeline/command-pipeline';
import { findingDecisionFacts } from './finding-decision-facts';

/** Only publishing reads the findings; the other commands need no other stream. */
const PUBLISHING: ReadonlySet<StatutoryResponseCommand['type']> = new Set(['PublishStatutoryResponse', 'PublishActionPlan']);

export function statutoryResponseAggregate(
  store: EventStore,
): AggregateDefinition<StatutoryResponseCommand, StatutoryResponseEvent, StatutoryResponseState, StatutoryResponseContext> {
  return {
    decider: statutoryResponseDecider,
    streamId: (command) => statutoryResponseStream(command.inspectionId),
    notFoundRules: new Set(['NotRegistered']),
    facts: async ({ command, state, now }) => {
      if (!state.opened) return {};
      if (PUBLISHING.has(command.type)) return { findings: await findingDecisionFacts(store, command.inspectionId) };
      return command.type === 'CorrectStatutoryDate' ? { today: occurredDay(now.toISOString()) } : {};
    },
  };
}
