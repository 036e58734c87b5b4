import { challengeDecider, challengeStream, type ChallengeCommand, type ChallengeEvent, type ChallengeState, type DecisionContext } from '@ledger/domain';
import type { AggregateDefinition } from '../pipeline/command-pipeline';

export const challengeAggregate: AggregateDefinition<ChallengeCommand, ChallengeEvent, ChallengeState, DecisionContext> = {
  decider: challengeDecider,
  streamId: (command) => challengeStream(command.challengeId),
  notFoundRules: new Set(['NotRegistered']),
  facts: async () => ({}),
};
