/** The local status of a finding in the office's own lifecycle (the inspectorate's view is recorded separately). */
export const RECOMMENDATION_STATUSES = [
  'Issued',
  'Accepted',
  'PartiallyAccepted',
  'NotAccepted',
  'NotApplicable',
  'InProgress',
  'AwaitingVerification',
  'Verified',
  'Closed',
  'ClosedByInspectorate',
  'Superseded',
  'NoLongerRelevant',
] as const;

export type RecommendationStatus = (typeof RECOMMENDATION_STATUSES)[number];

/** Nothing more happens locally in these statuses until the recommendation is reopened. */
export const TERMINAL_RECOMMENDATION_STATUSES: readonly RecommendationStatus[] = [
  'NotAccepted',
  'NotApplicable',
  'Closed',
  'ClosedByInspectorate',
  'Superseded',
  'NoLongerRelevant',
];

export const OPEN_RECOMMENDATION_STATUSES: readonly RecommendationStatus[] = RECOMMENDATION_STATUSES.filter(
  (status) => !TERMINAL_RECOMMENDATION_STATUSES.includes(status),
);

/** Open statuses are the ones a target date can be missed in (overdue is derived from this). */
export function isOpenRecommendationStatus(status: RecommendationStatus): boolean {
  return OPEN_RECOMMENDATION_STATUSES.includes(status);
}


/** Each status in the words a reader uses: pages and exports show these, never the stable code. */
export const RECOMMENDATION_STATUS_WORDS: Readonly<Record<RecommendationStatus, string>> = {
  Issued: 'Issued',
  Accepted: 'Accepted',
  PartiallyAccepted: 'Partially accepted',
  NotAccepted: 'Not accepted',
  NotApplicable: 'Not applicable',
  InProgress: 'In progress',
  AwaitingVerification: 'Awaiting verification',
  Verified: 'Verified',
  Closed: 'Closed',
  ClosedByInspectorate: 'Closed by inspectorate',
  Superseded: 'Superseded',
  NoLongerRelevant: 'No longer relevant',
};
