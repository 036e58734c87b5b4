import type { FindingType } from '../inspection/vocabulary';
import type { EvidenceClassification, InspectorateClosureOutcome, InspectorateMappedStatus, SelfAssessedRag } from './vocabulary';

/**
 * Commands on one finding's stream (`recommendation-{recommendationId}`), whatever its type.
 * Who sends a command is never a field: it is the principal in the decision context.
 * Optional fields may be left out or sent as null.
 */

/** Sent by the application when an inspection is registered or a finding added; `recommendationId` is the finding's id. */
export interface IssueFinding {
  readonly type: 'IssueFinding';
  readonly recommendationId: string;
  readonly inspectionId: string;
  /** As written on the report: "REC 03", "AFI 2". */
  readonly reference: string;
  readonly number: number;
  readonly findingType: FindingType;
  readonly text: string;
  readonly subItems: readonly string[];
  readonly addressees: readonly string[];
  /** The inspectorate's due date ("By 31 January 2025"), or null when it gives none. */
  readonly dueDate: string | null;
  /** "With immediate effect". */
  readonly immediate: boolean;
}

export interface AssessApplicability {
  readonly type: 'AssessApplicability';
  readonly recommendationId: string;
  readonly applicable: boolean;
  /** Required when the finding is assessed not applicable: that is the explained "no action". */
  readonly reason?: string | null;
}

export interface AcceptRecommendation {
  readonly type: 'AcceptRecommendation';
  readonly recommendationId: string;
  readonly commitment: string;
  /** Becomes the first target date when given. */
  readonly plannedCompletionDate?: string | null;
}

export interface PartiallyAcceptRecommendation {
  readonly type: 'PartiallyAcceptRecommendation';
  readonly recommendationId: string;
  readonly acceptedScope: string;
  readonly notAcceptedScope: string;
  readonly reason: string;
  readonly plannedCompletionDate?: string | null;
}

export interface RejectRecommendation {
  readonly type: 'RejectRecommendation';
  readonly recommendationId: string;
  readonly reason: string;
}

export interface AssignOwner {
  readonly type: 'AssignOwner';
  readonly recommendationId: string;
  /** The person or team answerable for delivery, as the office names them. */
  readonly owner: string;
  readonly organisation: string;
}

/** The first target date only; any later change goes through a request and its approval. */
export interface SetTargetDate {
  readonly type: 'SetTargetDate';
  readonly recommendationId: string;
  readonly targetDate: string;
}

export interface RequestTargetDateChange {
  readonly type: 'RequestTargetDateChange';
  readonly recommendationId: string;
  /** The target date the requester believes is current; refused if it has moved meanwhile. */
  readonly from: string;
  readonly to: string;
  readonly reason: string;
}

export interface ApproveTargetDateChange {
  readonly type: 'ApproveTargetDateChange';
  readonly recommendationId: string;
  readonly comment?: string | null;
}

export interface RefuseTargetDateChange {
  readonly type: 'RefuseTargetDateChange';
  readonly recommendationId: string;
  readonly reason: string;
}

export interface AddAction {
  readonly type: 'AddAction';
  readonly recommendationId: string;
  readonly actionId: string;
  readonly description: string;
  readonly owner: string;
  readonly dueDate: string;
}

export interface CompleteAction {
  readonly type: 'CompleteAction';
  readonly recommendationId: string;
  readonly actionId: string;
}

export interface RecordProgress {
  readonly type: 'RecordProgress';
  readonly recommendationId: string;
  readonly narrative: string;
  /** 0 to 100. */
  readonly percentComplete?: number | null;
  readonly rag: SelfAssessedRag;
}

/** Delivery is waiting on someone outside the force (a national body, typically). */
export interface FlagDependency {
  readonly type: 'FlagDependency';
  readonly recommendationId: string;
  readonly dependencyId: string;
  readonly dependsOn: string;
  readonly description: string;
}

export interface ClearDependency {
  readonly type: 'ClearDependency';
  readonly recommendationId: string;
  readonly dependencyId: string;
  readonly note?: string | null;
}

/** A reference to a document held elsewhere and its hash; the ledger never holds the document. */
export interface SubmitEvidence {
  readonly type: 'SubmitEvidence';
  readonly recommendationId: string;
  readonly evidenceId: string;
  readonly title: string;
  /** A document reference or a URI. */
  readonly reference: string;
  /** SHA-256 of the document, 64 hex digits. */
  readonly sha256: string;
  readonly classification: EvidenceClassification;
}

export interface MarkComplete {
  readonly type: 'MarkComplete';
  readonly recommendationId: string;
  readonly summary: string;
  readonly evidenceIds: readonly string[];
}

export interface VerifyCompletion {
  readonly type: 'VerifyCompletion';
  readonly recommendationId: string;
  readonly comment?: string | null;
}

export interface ReturnForFurtherWork {
  readonly type: 'ReturnForFurtherWork';
  readonly recommendationId: string;
  readonly reason: string;
}

/** The PFCC's sign-off of a verified recommendation. */
export interface CloseRecommendation {
  readonly type: 'CloseRecommendation';
  readonly recommendationId: string;
  readonly comment?: string | null;
}

export interface RecordInspectorateStatus {
  readonly type: 'RecordInspectorateStatus';
  readonly recommendationId: string;
  /** The inspectorate's own words, verbatim. */
  readonly statusText: string;
  readonly statusDate: string;
  /** Where the status was read: a monitoring portal, a letter, a revisit report. */
  readonly source: string;
  readonly mappedStatus: InspectorateMappedStatus;
}

export interface RecordInspectorateClosure {
  readonly type: 'RecordInspectorateClosure';
  readonly recommendationId: string;
  readonly outcome: InspectorateClosureOutcome;
  readonly closedOn: string;
  readonly source: string;
}

export interface Supersede {
  readonly type: 'Supersede';
  readonly recommendationId: string;
  /** What replaces it, in words ("REC 2 of the 2025 PEEL report"). */
  readonly supersededBy: string;
  readonly reason: string;
}

export interface MarkNoLongerRelevant {
  readonly type: 'MarkNoLongerRelevant';
  readonly recommendationId: string;
  readonly reason: string;
}

export interface Reopen {
  readonly type: 'Reopen';
  readonly recommendationId: string;
  readonly reason: string;
}

/** Says that an earlier event of this stream was wrong and why; the earlier event stays as it was. */
export interface CorrectEntry {
  readonly type: 'CorrectEntry';
  readonly recommendationId: string;
  readonly correctsEventId: string;
  readonly whatWasWrong: string;
  readonly reason: string;
}

/**
 * Says that an earlier entry of this stream happened on another day than recorded (a page imported
 * with the wrong response date). The entry stays as recorded; the correction re-dates it, and the
 * events recorded with it by the same command, from then on.
 */
export interface CorrectEntryDate {
  readonly type: 'CorrectEntryDate';
  readonly recommendationId: string;
  readonly correctsEventId: string;
  /** The day it actually happened (YYYY-MM-DD, Europe/London). */
  readonly correctOccurredAt: string;
  readonly reason: string;
}

export type RecommendationCommand =
  | IssueFinding
  | AssessApplicability
  | AcceptRecommendation
  | PartiallyAcceptRecommendation
  | RejectRecommendation
  | AssignOwner
  | SetTargetDate
  | RequestTargetDateChange
  | ApproveTargetDateChange
  | RefuseTargetDateChange
  | AddAction
  | CompleteAction
  | RecordProgress
  | FlagDependency
  | ClearDependency
  | SubmitEvidence
  | MarkComplete
  | VerifyCompletion
  | ReturnForFurtherWork
  | CloseRecommendation
  | RecordInspectorateStatus
  | RecordInspectorateClosure
  | Supersede
  | MarkNoLongerRelevant
  | Reopen
  | CorrectEntry
  | CorrectEntryDate;

export type RecommendationCommandType = RecommendationCommand['type'];

/** One command's shape by its type name: `RecommendationCommandOf<'AcceptRecommendation'>`. */
export type RecommendationCommandOf<T extends RecommendationCommandType> = Extract<RecommendationCommand, { type: T }>;
