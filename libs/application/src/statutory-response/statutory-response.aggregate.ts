import {
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
    facts: async ({ command, state }) =>
      state.opened && PUBLISHING.has(command.type) ? { findings: await findingDecisionFacts(store, command.inspectionId) } : {},
  };
}
