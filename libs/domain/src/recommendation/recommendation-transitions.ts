import type { RecommendationCommandType } from './recommendation-commands';
import { OPEN_RECOMMENDATION_STATUSES, RECOMMENDATION_STATUSES, TERMINAL_RECOMMENDATION_STATUSES, type RecommendationStatus } from './recommendation-status';

/** Accepted, fully or partly, and not yet handed in as complete: the work itself. */
const WORKING: readonly RecommendationStatus[] = ['Accepted', 'PartiallyAccepted', 'InProgress'];
/** Delivery can still slip or gather evidence while the completion awaits its check. */
const DELIVERING: readonly RecommendationStatus[] = [...WORKING, 'AwaitingVerification'];

/**
 * The lifecycle as a table: the statuses each command is allowed from. Anything else is an
 * illegal transition. Issuing is not here: it is the only command for a stream not yet issued.
 */
export const ALLOWED_FROM: Readonly<Record<Exclude<RecommendationCommandType, 'IssueFinding'>, readonly RecommendationStatus[]>> = {
  AssessApplicability: ['Issued'],
  AcceptRecommendation: ['Issued'],
  PartiallyAcceptRecommendation: ['Issued'],
  RejectRecommendation: ['Issued'],
  AssignOwner: [...DELIVERING, 'Verified'],
  SetTargetDate: DELIVERING,
  RequestTargetDateChange: DELIVERING,
  ApproveTargetDateChange: DELIVERING,
  RefuseTargetDateChange: DELIVERING,
  AddAction: WORKING,
  CompleteAction: WORKING,
  RecordProgress: WORKING,
  FlagDependency: OPEN_RECOMMENDATION_STATUSES,
  // A national body may deliver after the recommendation was closed; recording that is still true.
  ClearDependency: RECOMMENDATION_STATUSES,
  SubmitEvidence: DELIVERING,
  MarkComplete: ['InProgress'],
  VerifyCompletion: ['AwaitingVerification'],
  ReturnForFurtherWork: ['AwaitingVerification'],
  CloseRecommendation: ['Verified'],
  // The inspectorate's view is its own, whatever the local status.
  RecordInspectorateStatus: RECOMMENDATION_STATUSES,
  RecordInspectorateClosure: ['Closed'],
  Supersede: OPEN_RECOMMENDATION_STATUSES,
  MarkNoLongerRelevant: OPEN_RECOMMENDATION_STATUSES,
  Reopen: TERMINAL_RECOMMENDATION_STATUSES,
  CorrectEntry: RECOMMENDATION_STATUSES,
  CorrectEntryDate: RECOMMENDATION_STATUSES,
};

/** Accepted but not yet started: the first owner or progress report moves it to InProgress. */
export function isAwaitingStart(status: RecommendationStatus): boolean {
  return status === 'Accepted' || status === 'PartiallyAccepted';
}
