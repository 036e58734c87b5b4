import { recommendationDecider, type IssuedRecommendationState, type RecommendationEvent, type RecommendationState } from '@ledger/domain';
import type { RecordedEvent } from '@ledger/event-store';
import { evolveFindingSummary, type FindingSummary } from '../register/finding-summary';
import { aggregateOf, domainEventOf } from '../shared/envelope';

/** One field of one finding on which the register's fold and the domain's whole state differ after an event. */
export interface Disagreement {
  position: string;
  streamId: string;
  field: string;
  summary: unknown;
  state: unknown;
}

/** What the comparison looked at, so that a spec can tell an empty log from an agreeing one. */
export interface Agreement {
  findingEvents: number;
  findings: number;
  disagreements: Disagreement[];
}

type SummaryFold = (summary: FindingSummary | undefined, recorded: RecordedEvent) => FindingSummary;

/** Every field the summary takes from the domain, as the domain's whole state gives it. */
const FROM_STATE: Record<string, (state: IssuedRecommendationState) => unknown> = {
  recommendationId: (state) => state.recommendationId,
  inspectionId: (state) => state.inspectionId,
  reference: (state) => state.reference,
  findingType: (state) => state.findingType,
  dueDate: (state) => state.dueDate,
  status: (state) => state.status,
  decision: (state) => state.decision,
  applicability: (state) => state.applicability,
  owner: (state) => state.owner,
  targetDate: (state) => state.targetDate,
  pendingTargetDateChange: (state) => state.pendingTargetDateChange,
  openActions: (state) => openActionIdsOf(state).length,
  openActionIds: (state) => openActionIdsOf(state),
  openDependencies: (state) =>
    Object.entries(state.dependencies)
      .filter(([, cleared]) => !cleared)
      .map(([dependencyId]) => dependencyId)
      .sort(),
};

/** The same fields as the summary holds them: lists of ids sorted, since their order is no fact. */
const FROM_SUMMARY: Record<keyof typeof FROM_STATE, (summary: FindingSummary) => unknown> = {
  ...Object.fromEntries(Object.keys(FROM_STATE).map((field) => [field, (summary: FindingSummary) => summary[field as keyof FindingSummary]])),
  openActionIds: (summary) => [...summary.openActionIds].sort(),
  openDependencies: (summary) => summary.openDependencies.map((dependency) => dependency.dependencyId).sort(),
};

function openActionIdsOf(state: IssuedRecommendationState): string[] {
  return Object.entries(state.actions)
    .filter(([, action]) => !action.completed)
    .map(([actionId]) => actionId)
    .sort();
}

/**
 * Folds every finding of the log twice, after every one of its events: by the register's fold
 * (`fold`, the register's own unless a spec gives a broken one to see it caught) and by the
 * domain's `evolve` over its whole state, and lists every field on which the two differ.
 */
export function summaryAgreement(events: Iterable<RecordedEvent>, fold: SummaryFold = evolveFindingSummary): Agreement {
  const summaries = new Map<string, FindingSummary>();
  const states = new Map<string, RecommendationState>();
  const disagreements: Disagreement[] = [];
  let findingEvents = 0;
  for (const recorded of events) {
    if (aggregateOf(recorded.streamId) !== 'recommendation') continue;
    findingEvents += 1;
    const state = recommendationDecider.evolve(states.get(recorded.streamId) ?? recommendationDecider.initialState, domainEventOf<RecommendationEvent>(recorded));
    const summary = fold(summaries.get(recorded.streamId), recorded);
    states.set(recorded.streamId, state);
    summaries.set(recorded.streamId, summary);
    for (const [field, ofState] of Object.entries(FROM_STATE)) {
      const expected = ofState(state as IssuedRecommendationState);
      const actual = FROM_SUMMARY[field](summary);
      if (JSON.stringify(actual) !== JSON.stringify(expected)) {
        disagreements.push({ position: String(recorded.position), streamId: recorded.streamId, field, summary: actual, state: expected });
      }
    }
  }
  return { findingEvents, findings: summaries.size, disagreements };
}
