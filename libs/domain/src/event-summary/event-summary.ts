import type { ChallengeEvent } from '../challenge';
import type { InspectionDetails, InspectionEvent, InspectionKeyEvent } from '../inspection';
import type { RecommendationEvent } from '../recommendation';
import { statutoryDayNumber, type CorrectableStatutoryStep, type StatutoryResponseEvent } from '../statutory-response';
import { occurredDay } from '../shared/occurred-at';
import { type EventData, genericSummary } from './generic-summary';
import { clause, quote, text, words } from './summary-text';

/** An event of any of the ledger's aggregates, as the domain sees it: its type plus its data. */
export type AnyLedgerEvent = InspectionEvent | InspectionKeyEvent | RecommendationEvent | StatutoryResponseEvent | ChallengeEvent;

/** What a summary may name beyond the event itself: people by id, and things recorded earlier. */
export interface SummaryLookups {
  /** The person as a summary names them (see personLabel), or the id itself for someone unknown. */
  personName(actorId: string): string;
  actionDescription(actionId: string): string | undefined;
  dependsOn(dependencyId: string): string | undefined;
  evidenceTitle(evidenceId: string): string | undefined;
  /** The summary of an earlier entry, by event id. */
  entrySummary(eventId: string): string | undefined;
  /** The statutory timetable of the stream, when the event belongs to a statutory response. */
  timetable(): { reportPublishedOn: string; responsePeriodDays: number } | undefined;
}

/** How a summary names a person who acted in the ledger: name and role, "Performance Lead (office)". */
export function personLabel(person: { name: string; role: string }): string {
  return `${person.name} (${person.role})`;
}

/**
 * One readable line saying what the event changed, for a scrutiny panel rather than a developer:
 * the same line on the timeline and in the audit trail exports.
 */
export function summariseEvent(event: AnyLedgerEvent, lookups: SummaryLookups): string {
  switch (event.type) {
    case 'InspectionRegistered':
      return `Inspection registered: ${quote(event.title)} (${event.typeAsWritten ?? words(event.inspectionType)}, ${event.service}), published ${event.publishedOn}, with ${count(event.findings.length, 'finding')}`;
    case 'InspectionDetailsAmended':
      return `Inspection details amended (${amendedFields(event.changes, event.previous)}); reason: ${text(event.reason)}`;
    case 'FindingAdded':
      return `Finding ${event.finding.reference} added${event.reason ? `; reason: ${text(event.reason)}` : ''}`;

    case 'FindingIssued':
      return `${event.reference} issued (${words(event.findingType)})${event.dueDate ? `, inspectorate due date ${event.dueDate}` : ''}${event.immediate ? ', with immediate effect' : ''}`;
    case 'RecommendationApplicabilityAssessed':
      return event.applicable ? 'Assessed as applicable' : `Assessed as not applicable: ${text(event.reason ?? '')}`;
    case 'RecommendationAccepted':
      return `Accepted; commitment: ${quote(event.commitment)}${planned(event.plannedCompletionDate)}`;
    case 'RecommendationPartiallyAccepted':
      return `Partially accepted; accepted: ${quote(event.acceptedScope)}; not accepted: ${quote(event.notAcceptedScope)}; reason: ${clause(event.reason)}${planned(event.plannedCompletionDate)}`;
    case 'RecommendationRejected':
      return `Not accepted: ${text(event.reason)}`;
    case 'RecommendationOwnerAssigned':
      return event.previousOwner === null
        ? `Owner assigned: ${event.owner} (${event.organisation})`
        : `Owner changed from ${event.previousOwner} to ${event.owner} (${event.organisation})`;
    case 'RecommendationWorkStarted':
      return 'Work started: now in progress';
    case 'RecommendationTargetDateSet':
      return `Target date set: ${event.targetDate}`;
    case 'RecommendationTargetDateChangeRequested':
      return `Change of target date from ${event.from} to ${event.to} requested by ${lookups.personName(event.requestedBy)}; reason: ${text(event.reason)}`;
    case 'RecommendationTargetDateChangeApproved':
      return `Target date moved from ${event.from} to ${event.to}, requested by ${lookups.personName(event.requestedBy)} and approved by ${lookups.personName(event.approvedBy)}; reason: ${clause(event.reason)}${comment(event.comment)}`;
    case 'RecommendationTargetDateChangeRefused':
      return `Change of target date from ${event.from} to ${event.to}, requested by ${lookups.personName(event.requestedBy)}, refused by ${lookups.personName(event.refusedBy)}: the target date stays ${event.from}; reason: ${text(event.reason)}`;
    case 'RecommendationActionAdded':
      return `Action added: ${quote(event.description)}, owner ${event.owner}, due ${event.dueDate}`;
    case 'RecommendationActionCompleted':
      return `Action completed: ${quote(lookups.actionDescription(event.actionId) ?? event.actionId)}`;
    case 'RecommendationProgressRecorded':
      return `Progress reported${event.percentComplete === null ? '' : ` (${event.percentComplete}% complete)`}, self-assessed ${event.rag.toUpperCase()}: ${text(event.narrative)}`;
    case 'RecommendationDependencyFlagged':
      return `Waiting on ${event.dependsOn}: ${text(event.description)}`;
    case 'RecommendationDependencyCleared':
      return `No longer waiting on ${lookups.dependsOn(event.dependencyId) ?? event.dependencyId}${event.note ? `: ${text(event.note)}` : ''}`;
    case 'RecommendationEvidenceSubmitted':
      return `Evidence submitted: ${quote(event.title)} (${event.reference}, ${event.classification}, SHA-256 ${event.sha256.slice(0, 12)}…)`;
    case 'RecommendationMarkedComplete':
      return `Marked complete: ${clause(event.summary)}; evidence: ${event.evidenceIds.map((id) => quote(lookups.evidenceTitle(id) ?? id)).join(', ')}`;
    case 'RecommendationCompletionVerified':
      return `Completion verified by ${lookups.personName(event.verifiedBy)}, marked complete by ${lookups.personName(event.markedCompleteBy)}${comment(event.comment)}`;
    case 'RecommendationReturnedForFurtherWork':
      return `Returned for further work: ${text(event.reason)}`;
    case 'RecommendationClosed':
      return `Closed with the PFCC's sign-off${comment(event.comment)}`;
    case 'RecommendationInspectorateStatusRecorded':
      return `Inspectorate status on ${event.statusDate}: ${quote(event.statusText)} (read as ${event.mappedStatus}; source: ${event.source})`;
    case 'RecommendationInspectorateClosureRecorded':
      return `The inspectorate ${event.outcome} it on ${event.closedOn} (source: ${event.source})`;
    case 'RecommendationSuperseded':
      return `Superseded by ${event.supersededBy}: ${text(event.reason)}`;
    case 'RecommendationMarkedNoLongerRelevant':
      return `Marked no longer relevant: ${text(event.reason)}`;
    case 'RecommendationReopened':
      return `Reopened (was ${words(event.previousStatus)}): ${text(event.reason)}`;
    case 'RecommendationEntryCorrected': {
      const corrected = lookups.entrySummary(event.correctsEventId);
      return `Correction of an earlier entry${corrected ? ` (${quote(corrected)})` : ` (${event.correctsEventId})`}: ${clause(event.whatWasWrong)}; reason: ${text(event.reason)}`;
    }
    case 'RecommendationEntryDateCorrected': {
      const corrected = lookups.entrySummary(event.correctsEventId);
      return `Date of an earlier entry${corrected ? ` (${quote(corrected)})` : ` (${event.correctsEventId})`} corrected from ${occurredDay(event.recordedOccurredAt)} to ${event.correctOccurredAt}; reason: ${text(event.reason)}`;
    }

    case 'StatutoryResponseOpened':
      return `Statutory response due by ${event.deadline}: ${event.responsePeriodDays} days from the report's publication on ${event.reportPublishedOn}`;
    case 'StatutoryTimetableRevised':
      return `Statutory response timetable revised: due by ${event.deadline} (${event.responsePeriodDays} days from ${event.reportPublishedOn}); reason: ${text(event.reason)}`;
    case 'ChiefOfficerCommentsInvited':
      return `Chief officer's comments invited on ${event.invitedOn}, due by ${event.commentsDueBy}`;
    case 'ChiefOfficerCommentsRecorded':
      return `Chief officer's comments received on ${event.receivedOn}`;
    case 'CommissionerCommentsRecorded':
      return `Commissioner's comments made on ${event.madeOn}`;
    case 'ReplyToChiefOfficerRecorded':
      return `Reply to the chief officer made on ${event.madeOn}`;
    case 'StatutoryResponsePublished':
      return `Statutory response published on ${event.publishedOn}${dayOfPeriod(event.publishedOn, lookups)}${event.url === null ? '' : `: ${event.url}`}`;
    case 'ActionPlanPublished':
      return `Action plan published on ${event.publishedOn}${dayOfPeriod(event.publishedOn, lookups)}${event.url === null ? '' : `: ${event.url}`}`;
    case 'StatutoryDateCorrected':
      return `Date of the ${STATUTORY_STEP_WORDS[event.step]} corrected from ${event.recordedDate} to ${event.correctDate}; reason: ${text(event.reason)}`;
    case 'StatutoryResponseCopySent':
      return `Copy of the response sent to ${event.recipient === 'HomeSecretary' ? 'the Home Secretary' : event.recipient} on ${event.sentOn}`;

    case 'InspectionKeyReserved':
      return `${event.kind === 'report-url' ? 'Report address' : 'Title and publication date'} ${quote(event.key)} reserved for inspection ${event.inspectionId}: it cannot be registered twice`;
    case 'InspectionKeyReleased':
      return `${event.kind === 'report-url' ? 'Report address' : 'Title and publication date'} ${quote(event.key)} released: inspection ${event.inspectionId} was not registered`;

    case 'ChallengeRaised':
      return `${event.forum} (meeting of ${event.meetingDate}) asked: ${quote(event.question)}; answer due by ${event.answerDueBy}`;
    case 'ChallengeAnswered':
      return `Challenge answered on ${event.answeredOn}: ${text(event.answer)}`;
    case 'ChallengeClosed':
      return `Challenge closed on ${event.closedOn}: ${text(event.outcome)}`;
    default: {
      // A type recorded by a later version of the ledger still reads as a line, from its data.
      const { type, ...data } = event as { type: string } & EventData;
      return genericSummary(type, data);
    }
  }
}

const STATUTORY_STEP_WORDS: Record<CorrectableStatutoryStep, string> = {
  invitation: "invitation to the chief officer's comments",
  chiefOfficerComments: "chief officer's comments",
  commissionerComments: "commissioner's comments",
  replyToChiefOfficer: 'reply to the chief officer',
  publication: 'publication of the response',
};

/** Day number and lateness of a publication; not a value of today, so it may be stored. */
function dayOfPeriod(publishedOn: string, lookups: SummaryLookups): string {
  const timetable = lookups.timetable();
  if (!timetable) return '';
  const day = statutoryDayNumber(timetable.reportPublishedOn, publishedOn);
  return `, day ${day} of ${timetable.responsePeriodDays} (${day <= timetable.responsePeriodDays ? 'on time' : 'late'})`;
}

function amendedFields(changes: Partial<InspectionDetails>, previous: Partial<InspectionDetails>): string {
  return (Object.keys(changes) as (keyof InspectionDetails)[])
    .map((field) => (field === 'keyFindingsHtml' ? 'key findings' : `${words(field)}: ${shown(previous[field])} → ${shown(changes[field])}`))
    .join('; ');
}

function shown(value: unknown): string {
  return value === null || value === undefined || value === '' ? '(none)' : text(String(value));
}

function planned(date: string | null): string {
  return date === null ? '' : `; planned completion ${date}`;
}

function comment(value: string | null): string {
  return value ? `; comment: ${text(value)}` : '';
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
