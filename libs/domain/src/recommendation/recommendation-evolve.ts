import type { FindingIssued, RecommendationEvent } from './recommendation-events';
import type { RecommendationStatus } from './recommendation-status';
import {
  isIssued,
  type IssuedRecommendationState,
  type PendingTargetDateChange,
  type RecommendationActionState,
  type RecommendationApplicability,
  type RecommendationDecision,
  type RecommendationState,
} from './recommendation-state';

export function evolveRecommendation(state: RecommendationState, event: RecommendationEvent): RecommendationState {
  if (event.type === 'FindingIssued') return issued(event);
  // An event before the finding was issued means a corrupt stream: stop rather than guess.
  if (!isIssued(state)) throw neverIssued(event);
  return evolveIssued(state, event);
}

/**
 * A finding's status after one more event, from its status before alone: no status change below
 * reads anything else of the state. For read models that keep the status, not the state.
 */
export function recommendationStatusAfter(status: RecommendationStatus | null, event: RecommendationEvent): RecommendationStatus {
  if (event.type === 'FindingIssued') return issued(event).status;
  if (status === null) throw neverIssued(event);
  return evolveIssued({ ...blankIssued(event.recommendationId), status }, event).status;
}

/**
 * The part of a finding's state that read models show: plain JSON, a few fields, open actions by
 * id alone. Each field changes by the evolve below and reads nothing else of the state, so a read
 * model can keep these beside its own columns instead of the whole state.
 */
export interface RecommendationFacts {
  readonly status: RecommendationStatus;
  readonly decision: RecommendationDecision | null;
  readonly applicability: RecommendationApplicability;
  readonly owner: string | null;
  readonly targetDate: string | null;
  readonly pendingTargetDateChange: PendingTargetDateChange | null;
  /** The actions added and not completed since. */
  readonly openActionIds: readonly string[];
}

/** A finding's facts after one more event, from its facts before alone, by the domain's own evolve. */
export function recommendationFactsAfter(facts: RecommendationFacts | null, event: RecommendationEvent): RecommendationFacts {
  if (event.type === 'FindingIssued') return factsOf(issued(event), []);
  if (facts === null) throw neverIssued(event);
  const { status, decision, applicability, owner, targetDate, pendingTargetDateChange, openActionIds } = facts;
  const actions = Object.fromEntries(openActionIds.map((actionId) => [actionId, OPEN_ACTION]));
  const after = evolveIssued({ ...blankIssued(event.recommendationId), status, decision, applicability, owner, targetDate, pendingTargetDateChange, actions }, event);
  // Most events leave the actions as they were: keep the list rather than build it again.
  return factsOf(after, after.actions === actions ? openActionIds : null);
}

/** The only thing evolve reads of an action is whether it is completed: the rest is left blank. */
const OPEN_ACTION: RecommendationActionState = { owner: '', dueDate: '', completed: false };

function factsOf(state: IssuedRecommendationState, openActionIds: readonly string[] | null): RecommendationFacts {
  return {
    status: state.status,
    decision: state.decision,
    applicability: state.applicability,
    owner: state.owner,
    targetDate: state.targetDate,
    pendingTargetDateChange: state.pendingTargetDateChange,
    openActionIds:
      openActionIds ??
      Object.entries(state.actions)
        .filter(([, action]) => !action.completed)
        .map(([actionId]) => actionId),
  };
}

function blankIssued(recommendationId: string): IssuedRecommendationState {
  return issued({ recommendationId, inspectionId: '', reference: '', findingType: 'recommendation', dueDate: null });
}

function neverIssued(event: RecommendationEvent): Error {
  return new Error(`${event.type} cannot be applied to recommendation ${event.recommendationId}: it was never issued`);
}

function issued(event: Pick<FindingIssued, 'recommendationId' | 'inspectionId' | 'reference' | 'findingType' | 'dueDate'>): IssuedRecommendationState {
  return {
    status: 'Issued',
    recommendationId: event.recommendationId,
    inspectionId: event.inspectionId,
    reference: event.reference,
    findingType: event.findingType,
    dueDate: event.dueDate,
    applicability: 'not-assessed',
    decision: null,
    owner: null,
    targetDate: null,
    pendingTargetDateChange: null,
    actions: {},
    dependencies: {},
    evidenceIds: [],
    markedCompleteBy: null,
  };
}

function evolveIssued(state: IssuedRecommendationState, event: Exclude<RecommendationEvent, { type: 'FindingIssued' }>): IssuedRecommendationState {
  switch (event.type) {
    case 'RecommendationApplicabilityAssessed':
      return event.applicable
        ? { ...state, applicability: 'applicable' }
        : { ...state, applicability: 'not-applicable', status: 'NotApplicable' };
    case 'RecommendationAccepted':
      return { ...state, decision: 'accepted', status: 'Accepted' };
    case 'RecommendationPartiallyAccepted':
      return { ...state, decision: 'partially-accepted', status: 'PartiallyAccepted' };
    case 'RecommendationRejected':
      return { ...state, decision: 'rejected', status: 'NotAccepted' };
    case 'RecommendationOwnerAssigned':
      return { ...state, owner: event.owner };
    case 'RecommendationWorkStarted':
      return { ...state, status: 'InProgress' };
    case 'RecommendationTargetDateSet':
      return { ...state, targetDate: event.targetDate };
    case 'RecommendationTargetDateChangeRequested':
      return { ...state, pendingTargetDateChange: { from: event.from, to: event.to, reason: event.reason, requestedBy: event.requestedBy } };
    case 'RecommendationTargetDateChangeApproved':
      return { ...state, targetDate: event.to, pendingTargetDateChange: null };
    case 'RecommendationTargetDateChangeRefused':
      return { ...state, pendingTargetDateChange: null };
    case 'RecommendationActionAdded':
      return { ...state, actions: { ...state.actions, [event.actionId]: { owner: event.owner, dueDate: event.dueDate, completed: false } } };
    case 'RecommendationActionCompleted':
      return { ...state, actions: { ...state.actions, [event.actionId]: { ...state.actions[event.actionId], completed: true } } };
    case 'RecommendationDependencyFlagged':
      return { ...state, dependencies: { ...state.dependencies, [event.dependencyId]: false } };
    case 'RecommendationDependencyCleared':
      return { ...state, dependencies: { ...state.dependencies, [event.dependencyId]: true } };
    case 'RecommendationEvidenceSubmitted':
      return { ...state, evidenceIds: [...state.evidenceIds, event.evidenceId] };
    case 'RecommendationMarkedComplete':
      return { ...state, status: 'AwaitingVerification', markedCompleteBy: event.markedCompleteBy };
    case 'RecommendationCompletionVerified':
      return { ...state, status: 'Verified' };
    case 'RecommendationReturnedForFurtherWork':
      return { ...state, status: 'InProgress', markedCompleteBy: null };
    case 'RecommendationClosed':
      return { ...state, status: 'Closed' };
    case 'RecommendationInspectorateClosureRecorded':
      return { ...state, status: 'ClosedByInspectorate' };
    case 'RecommendationSuperseded':
      return { ...state, status: 'Superseded' };
    case 'RecommendationMarkedNoLongerRelevant':
      return { ...state, status: 'NoLongerRelevant' };
    case 'RecommendationReopened':
      return { ...state, status: 'InProgress', markedCompleteBy: null };
    // Facts recorded for the reader that no later decision depends on.
    case 'RecommendationProgressRecorded':
    case 'RecommendationInspectorateStatusRecorded':
    case 'RecommendationEntryCorrected':
    case 'RecommendationEntryDateCorrected':
      return state;
    default:
      return unreachable(event);
  }
}

function unreachable(event: never): never {
  throw new Error(`Unknown recommendation event ${JSON.stringify(event)}`);
}
