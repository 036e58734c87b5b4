import type { InspectionEvent } from '../inspection/events';
import type { RecommendationEvent } from '../recommendation/recommendation-events';
import type { StatutoryResponseEvent } from '../statutory-response/events';

/** The events of a published inspection's streams: its own, its statutory response's and its findings'. */
export type PublishedStreamEvent = InspectionEvent | StatutoryResponseEvent | RecommendationEvent;

type FieldsOf<E> = { [T in PublishedStreamEvent['type']]: readonly Exclude<keyof Extract<E, { type: T }>, 'type'>[] };

/**
 * What the public register publishes of each event, by type: the data fields it shows (status,
 * dates, target-date changes with their reasons, the finding's text, the office-holders'
 * statements and the decisions as the published response prints them), and nothing else. The
 * public register's pages, the published response and the public export all rely on this one
 * list; a field left out here is withheld from the public export. No field here names a person:
 * owners, requesters, approvers, verifiers and every recorder (the events' metadata) are withheld.
 */
export const PUBLIC_EVENT_FIELDS: FieldsOf<PublishedStreamEvent> = {
  InspectionRegistered: ['inspectionId', 'title', 'hmicfrsReference', 'inspectionType', 'typeAsWritten', 'scope', 'service', 'publishedOn', 'reportUrl', 'keyFindingsHtml', 'findings'],
  InspectionDetailsAmended: ['inspectionId', 'changes'],
  FindingAdded: ['inspectionId', 'finding'],

  StatutoryResponseOpened: ['inspectionId', 'deadline'],
  StatutoryTimetableRevised: ['inspectionId', 'deadline'],
  ChiefOfficerCommentsInvited: ['inspectionId'],
  ChiefOfficerCommentsRecorded: ['inspectionId', 'receivedOn', 'comments'],
  CommissionerCommentsRecorded: ['inspectionId', 'madeOn', 'comments'],
  ReplyToChiefOfficerRecorded: ['inspectionId', 'madeOn', 'reply'],
  StatutoryResponsePublished: ['inspectionId', 'publishedOn', 'url'],
  StatutoryResponseCopySent: ['inspectionId', 'recipient', 'sentOn'],
  ActionPlanPublished: ['inspectionId', 'publishedOn', 'url'],
  StatutoryDateCorrected: ['inspectionId'],

  FindingIssued: ['recommendationId', 'inspectionId', 'reference', 'number', 'findingType', 'text', 'subItems', 'addressees', 'dueDate', 'immediate'],
  RecommendationApplicabilityAssessed: ['recommendationId', 'applicable', 'reason'],
  RecommendationAccepted: ['recommendationId', 'commitment', 'plannedCompletionDate'],
  RecommendationPartiallyAccepted: ['recommendationId', 'acceptedScope', 'notAcceptedScope', 'reason', 'plannedCompletionDate'],
  RecommendationRejected: ['recommendationId', 'reason'],
  RecommendationOwnerAssigned: ['recommendationId'],
  RecommendationWorkStarted: ['recommendationId'],
  RecommendationTargetDateSet: ['recommendationId', 'targetDate'],
  RecommendationTargetDateChangeRequested: ['recommendationId'],
  RecommendationTargetDateChangeApproved: ['recommendationId', 'from', 'to', 'reason'],
  RecommendationTargetDateChangeRefused: ['recommendationId'],
  RecommendationActionAdded: ['recommendationId'],
  RecommendationActionCompleted: ['recommendationId'],
  RecommendationProgressRecorded: ['recommendationId'],
  RecommendationDependencyFlagged: ['recommendationId'],
  RecommendationDependencyCleared: ['recommendationId'],
  RecommendationEvidenceSubmitted: ['recommendationId'],
  RecommendationMarkedComplete: ['recommendationId'],
  RecommendationCompletionVerified: ['recommendationId'],
  RecommendationReturnedForFurtherWork: ['recommendationId'],
  RecommendationClosed: ['recommendationId'],
  RecommendationInspectorateStatusRecorded: ['recommendationId'],
  RecommendationInspectorateClosureRecorded: ['recommendationId', 'outcome', 'closedOn'],
  RecommendationSuperseded: ['recommendationId'],
  RecommendationMarkedNoLongerRelevant: ['recommendationId'],
  RecommendationReopened: ['recommendationId'],
  RecommendationEntryCorrected: ['recommendationId'],
  // When things happened is public (occurredAt is), so a corrected date is too; the reason is not.
  RecommendationEntryDateCorrected: ['recommendationId', 'correctsEventId', 'redatedEventIds', 'recordedOccurredAt', 'correctOccurredAt'],
};

/** The envelope's public facts: when it happened and when it was recorded (the hashes are the chain's). */
export const PUBLIC_METADATA_FIELDS = ['occurredAt', 'recordedAt'] as const;

/** The data fields published for an event of this type; none for a type the list does not know. */
export function publicFieldsOf(type: string): readonly string[] {
  return Object.hasOwn(PUBLIC_EVENT_FIELDS, type) ? (PUBLIC_EVENT_FIELDS[type as PublishedStreamEvent['type']] as readonly string[]) : [];
}

/** The part of an event's data the public register publishes, verbatim; absent fields stay absent. */
export function publicDataOf<D extends Record<string, unknown>>(type: string, data: D): Partial<D> {
  const disclosed: Partial<D> = {};
  for (const field of publicFieldsOf(type)) if (Object.hasOwn(data, field)) disclosed[field as keyof D] = data[field as keyof D];
  return disclosed;
}
