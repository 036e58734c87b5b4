import type { RecommendationStatus } from '@ledger/domain';

/** What "published" means here, said on the register itself and in the README. */
export const PUBLISHED_DEFINITION =
  'An inspection appears here once the office has recorded its statutory response (police) or its action plan (fire) as published. ' +
  'From then on this register shows the inspection, its findings, where each stands, its target dates and every change of target date with its reason, ' +
  'as the ledger holds them now. Nothing about an inspection whose response has not been published is shown, and no one is named.';

export const STATUS_WORDS: Record<RecommendationStatus, string> = {
  Issued: 'Awaiting a decision',
  Accepted: 'Accepted',
  PartiallyAccepted: 'Partially accepted',
  NotAccepted: 'Not accepted',
  NotApplicable: 'Not applicable',
  InProgress: 'In progress',
  AwaitingVerification: 'Reported complete, being checked',
  Verified: 'Completion verified',
  Closed: 'Closed',
  ClosedByInspectorate: 'Closed by the inspectorate',
  Superseded: 'Superseded',
  NoLongerRelevant: 'No longer relevant',
};
