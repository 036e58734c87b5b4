import type { RecommendationStatus } from './recommendation-status';
import type { FindingType } from '../inspection/vocabulary';
import type { EvidenceClassification, InspectorateClosureOutcome, InspectorateMappedStatus, SelfAssessedRag } from './vocabulary';

/**
 * Events of one finding's stream. Type names are stable once released; a changed meaning is a
 * new type. Actor ids appear in data only where a later decision depends on who acted (the
 * verifier may not be the completer, the approver may not be the requester): evolve sees data,
 * not metadata.
 */

export interface FindingIssued {
  readonly type: 'FindingIssued';
  readonly recommendationId: string;
  readonly inspectionId: string;
  readonly reference: string;
  readonly number: number;
  readonly findingType: FindingType;
  readonly text: string;
  readonly subItems: readonly string[];
  readonly addressees: readonly string[];
  readonly dueDate: string | null;
  readonly immediate: boolean;
}

export interface RecommendationApplicabilityAssessed {
  readonly type: 'RecommendationApplicabilityAssessed';
  readonly recommendationId: string;
  readonly applicable: boolean;
  readonly reason: string | null;
}

export interface RecommendationAccepted {
  readonly type: 'RecommendationAccepted';
  readonly recommendationId: string;
  readonly commitment: string;
  readonly plannedCompletionDate: string | null;
}

export interface RecommendationPartiallyAccepted {
  readonly type: 'RecommendationPartiallyAccepted';
  readonly recommendationId: string;
  readonly acceptedScope: string;
  readonly notAcceptedScope: string;
  readonly reason: string;
  readonly plannedCompletionDate: string | null;
}

export interface RecommendationRejected {
  readonly type: 'RecommendationRejected';
  readonly recommendationId: string;
  readonly reason: string;
}

export interface RecommendationOwnerAssigned {
  readonly type: 'RecommendationOwnerAssigned';
  readonly recommendationId: string;
  readonly owner: string;
  readonly organisation: string;
  readonly previousOwner: string | null;
}

/** Accepted (or partially accepted) -> InProgress, when an owner is assigned or progress first recorded. */
export interface RecommendationWorkStarted {
  readonly type: 'RecommendationWorkStarted';
  readonly recommendationId: string;
}

/** The first target date: the "original" one that slippage is measured from. */
export interface RecommendationTargetDateSet {
  readonly type: 'RecommendationTargetDateSet';
  readonly recommendationId: string;
  readonly targetDate: string;
}

export interface RecommendationTargetDateChangeRequested {
  readonly type: 'RecommendationTargetDateChangeRequested';
  readonly recommendationId: string;
  readonly from: string;
  readonly to: string;
  readonly reason: string;
  /** Actor id of the requester. */
  readonly requestedBy: string;
}

/** The target date is now `to`. */
export interface RecommendationTargetDateChangeApproved {
  readonly type: 'RecommendationTargetDateChangeApproved';
  readonly recommendationId: string;
  readonly from: string;
  readonly to: string;
  /** The requester's reason, repeated so that a revision reads whole. */
  readonly reason: string;
  readonly requestedBy: string;
  /** Actor id of the approver. */
  readonly approvedBy: string;
  readonly comment: string | null;
}

export interface RecommendationTargetDateChangeRefused {
  readonly type: 'RecommendationTargetDateChangeRefused';
  readonly recommendationId: string;
  readonly from: string;
  readonly to: string;
  readonly requestedBy: string;
  /** Actor id of the person who refused. */
  readonly refusedBy: string;
  /** Why it was refused. */
  readonly reason: string;
}

export interface RecommendationActionAdded {
  readonly type: 'RecommendationActionAdded';
  readonly recommendationId: string;
  readonly actionId: string;
  readonly description: string;
  readonly owner: string;
  readonly dueDate: string;
}

export interface RecommendationActionCompleted {
  readonly type: 'RecommendationActionCompleted';
  readonly recommendationId: string;
  readonly actionId: string;
}

export interface RecommendationProgressRecorded {
  readonly type: 'RecommendationProgressRecorded';
  readonly recommendationId: string;
  readonly narrative: string;
  readonly percentComplete: number | null;
  readonly rag: SelfAssessedRag;
}

export interface RecommendationDependencyFlagged {
  readonly type: 'RecommendationDependencyFlagged';
  readonly recommendationId: string;
  readonly dependencyId: string;
  readonly dependsOn: string;
  readonly description: string;
}

export interface RecommendationDependencyCleared {
  readonly type: 'RecommendationDependencyCleared';
  readonly recommendationId: string;
  readonly dependencyId: string;
  readonly note: string | null;
}

export interface RecommendationEvidenceSubmitted {
  readonly type: 'RecommendationEvidenceSubmitted';
  readonly recommendationId: string;
  readonly evidenceId: string;
  readonly title: string;
  readonly reference: string;
  /** Lower-case hex. */
  readonly sha256: string;
  readonly classification: EvidenceClassification;
}

export interface RecommendationMarkedComplete {
  readonly type: 'RecommendationMarkedComplete';
  readonly recommendationId: string;
  readonly summary: string;
  readonly evidenceIds: readonly string[];
  /** Actor id of the person who marked it complete: they may not verify it. */
  readonly markedCompleteBy: string;
}

export interface RecommendationCompletionVerified {
  readonly type: 'RecommendationCompletionVerified';
  readonly recommendationId: string;
  /** Actor id of the verifier. */
  readonly verifiedBy: string;
  readonly markedCompleteBy: string;
  readonly comment: string | null;
}

export interface RecommendationReturnedForFurtherWork {
  readonly type: 'RecommendationReturnedForFurtherWork';
  readonly recommendationId: string;
  readonly reason: string;
}

export interface RecommendationClosed {
  readonly type: 'RecommendationClosed';
  readonly recommendationId: string;
  readonly comment: string | null;
}

export interface RecommendationInspectorateStatusRecorded {
  readonly type: 'RecommendationInspectorateStatusRecorded';
  readonly recommendationId: string;
  readonly statusText: string;
  readonly statusDate: string;
  readonly source: string;
  readonly mappedStatus: InspectorateMappedStatus;
}

export interface RecommendationInspectorateClosureRecorded {
  readonly type: 'RecommendationInspectorateClosureRecorded';
  readonly recommendationId: string;
  readonly outcome: InspectorateClosureOutcome;
  readonly closedOn: string;
  readonly source: string;
}

export interface RecommendationSuperseded {
  readonly type: 'RecommendationSuperseded';
  readonly recommendationId: string;
  readonly supersededBy: string;
  readonly reason: string;
}

export interface RecommendationMarkedNoLongerRelevant {
  readonly type: 'RecommendationMarkedNoLongerRelevant';
  readonly recommendationId: string;
  readonly reason: string;
}

/** Any terminal status -> InProgress. */
export interface RecommendationReopened {
  readonly type: 'RecommendationReopened';
  readonly recommendationId: string;
  readonly reason: string;
  readonly previousStatus: RecommendationStatus;
}

export interface RecommendationEntryCorrected {
  readonly type: 'RecommendationEntryCorrected';
  readonly recommendationId: string;
  readonly correctsEventId: string;
  readonly whatWasWrong: string;
  readonly reason: string;
}

/**
 * An earlier entry happened on `correctOccurredAt`, not on `recordedOccurredAt` as recorded: from
 * this event on, the entry and the events its command recorded with it (`redatedEventIds`, the
 * corrected one first) are dated `correctOccurredAt`. The entries themselves stay as recorded.
 */
export interface RecommendationEntryDateCorrected {
  readonly type: 'RecommendationEntryDateCorrected';
  readonly recommendationId: string;
  readonly correctsEventId: string;
  readonly redatedEventIds: readonly string[];
  /** The date being replaced: the entry's occurredAt as it stood (after any earlier correction). */
  readonly recordedOccurredAt: string;
  readonly correctOccurredAt: string;
  readonly reason: string;
}

export type RecommendationEvent =
  | FindingIssued
  | RecommendationApplicabilityAssessed
  | RecommendationAccepted
  | RecommendationPartiallyAccepted
  | RecommendationRejected
  | RecommendationOwnerAssigned
  | RecommendationWorkStarted
  | RecommendationTargetDateSet
  | RecommendationTargetDateChangeRequested
  | RecommendationTargetDateChangeApproved
  | RecommendationTargetDateChangeRefused
  | RecommendationActionAdded
  | RecommendationActionCompleted
  | RecommendationProgressRecorded
  | RecommendationDependencyFlagged
  | RecommendationDependencyCleared
  | RecommendationEvidenceSubmitted
  | RecommendationMarkedComplete
  | RecommendationCompletionVerified
  | RecommendationReturnedForFurtherWork
  | RecommendationClosed
  | RecommendationInspectorateStatusRecorded
  | RecommendationInspectorateClosureRecorded
  | RecommendationSuperseded
  | RecommendationMarkedNoLongerRelevant
  | RecommendationReopened
  | RecommendationEntryCorrected
  | RecommendationEntryDateCorrected;

export type RecommendationEventType = RecommendationEvent['type'];

/** One event's shape by its type name: `RecommendationEventOf<'RecommendationAccepted'>`. */
export type RecommendationEventOf<T extends RecommendationEventType> = Extract<RecommendationEvent, { type: T }>;

// A record keyed by the union makes the compiler refuse a list that misses or invents a type.
const EVENT_TYPES: Record<RecommendationEventType, true> = {
  FindingIssued: true,
  RecommendationApplicabilityAssessed: true,
  RecommendationAccepted: true,
  RecommendationPartiallyAccepted: true,
  RecommendationRejected: true,
  RecommendationOwnerAssigned: true,
  RecommendationWorkStarted: true,
  RecommendationTargetDateSet: true,
  RecommendationTargetDateChangeRequested: true,
  RecommendationTargetDateChangeApproved: true,
  RecommendationTargetDateChangeRefused: true,
  RecommendationActionAdded: true,
  RecommendationActionCompleted: true,
  RecommendationProgressRecorded: true,
  RecommendationDependencyFlagged: true,
  RecommendationDependencyCleared: true,
  RecommendationEvidenceSubmitted: true,
  RecommendationMarkedComplete: true,
  RecommendationCompletionVerified: true,
  RecommendationReturnedForFurtherWork: true,
  RecommendationClosed: true,
  RecommendationInspectorateStatusRecorded: true,
  RecommendationInspectorateClosureRecorded: true,
  RecommendationSuperseded: true,
  RecommendationMarkedNoLongerRelevant: true,
  RecommendationReopened: true,
  RecommendationEntryCorrected: true,
  RecommendationEntryDateCorrected: true,
};

/** Every event type a recommendation stream can hold, for projections to subscribe to. */
export const RECOMMENDATION_EVENT_TYPES = Object.keys(EVENT_TYPES) as readonly RecommendationEventType[];
