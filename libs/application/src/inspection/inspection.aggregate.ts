import {
  inspectionDecider,
  inspectionStream,
  isRuleViolation,
  recommendationStream,
  violation,
  type DecisionContext,
  type InspectionCommand,
  type InspectionEvent,
  type InspectionState,
  type RuleViolation,
} from '@ledger/domain';
import type { EventStore } from '@ledger/event-store';
import type { AggregateDefinition } from '../pipeline/command-pipeline';

interface InspectionContext extends DecisionContext {
  /** Ids, among those the command brings, that already name a finding's stream. */
  takenFindingIds: ReadonlySet<string>;
}

/**
 * The inspection decider checks finding ids within one inspection; a finding's stream is shared
 * by the whole ledger, so an id already used by another inspection is refused here, before the
 * inspection records a finding that could never be issued.
 */
export function inspectionAggregate(store: EventStore): AggregateDefinition<InspectionCommand, InspectionEvent, InspectionState, InspectionContext> {
  return {
    decider: {
      ...inspectionDecider,
      decide(command, state, context) {
        const decision = inspectionDecider.decide(command, state, context);
        return isRuleViolation(decision) ? decision : (findingIdTaken(command, context.takenFindingIds) ?? decision);
      },
    },
    streamId: (command) => inspectionStream(command.inspectionId),
    notFoundRules: new Set(['NotRegistered']),
    facts: async ({ command }) => ({ takenFindingIds: await streamsInUse(store, newFindings(command).map((f) => f.findingId)) }),
  };
}

function newFindings(command: InspectionCommand): { findingId: string; at: string }[] {
  const given =
    command.type === 'RegisterInspection' && Array.isArray(command.findings)
      ? command.findings.map((finding, i) => ({ finding: finding as unknown, at: `findings[${i}]` }))
      : command.type === 'AddFinding'
        ? [{ finding: command.finding as unknown, at: 'finding' }]
        : [];
  // Malformed findings are left to the decider, which names what is wrong with them.
  return given.flatMap(({ finding, at }) => {
    const findingId = (finding as { findingId?: unknown } | null)?.findingId;
    return typeof findingId === 'string' && findingId.trim() !== '' ? [{ findingId, at }] : [];
  });
}

async function streamsInUse(store: EventStore, findingIds: string[]): Promise<Set<string>> {
  const taken = new Set<string>();
  for (const findingId of findingIds) {
    for await (const _event of store.readStream(recommendationStream(findingId), { maxCount: 1 })) taken.add(findingId);
  }
  return taken;
}

function findingIdTaken(command: InspectionCommand, taken: ReadonlySet<string>): RuleViolation | undefined {
  const clash = newFindings(command).find(({ findingId }) => taken.has(findingId));
  return clash && violation('DuplicateFindingId', `${clash.at}.findingId ${clash.findingId} is already the id of another finding in the ledger`, `${clash.at}.findingId`);
}
