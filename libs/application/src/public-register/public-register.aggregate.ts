import { PUBLIC_REGISTER_STREAM, publicRegisterDecider, type DecisionContext, type PublicRegisterCommand, type PublicRegisterEvent, type PublicRegisterState } from '@ledger/domain';
import type { AggregateDefinition } from '../pipeline/command-pipeline';

export const publicRegisterAggregate: AggregateDefinition<PublicRegisterCommand, PublicRegisterEvent, PublicRegisterState, DecisionContext> = {
  decider: publicRegisterDecider,
  streamId: () => PUBLIC_REGISTER_STREAM,
  notFoundRules: new Set(),
  facts: async () => ({}),
};
