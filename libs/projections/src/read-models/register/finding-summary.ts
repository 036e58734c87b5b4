import {
  occurredTimes,
  recommendationFactsAfter,
  type FindingType,
  type InspectorateClosureOutcome,
  type InspectorateMappedStatus,
  type PendingTargetDateChange,
  type RecommendationApplicability,
  type RecommendationDecision,
  type RecommendationEvent,
  type RecommendationFacts,
  type RecommendationStatus,
  type SelfAssessedRag,
} from '@ledger/domain';
import type { RecordedEvent } from '@ledger/event-store';
import { domainEventOf, envelopeOf } from '../shared/envelope';

export interface OpenDependency {
  dependencyId: string;
  dependsOn: string;
  description: string;
}

export interface LatestProgress {
  narrative: string;
  percentComplete: number | null;
  rag: SelfAssessedRag;
  /** London date the progress was reported (its occurredAt). */
  reportedOn: string;
}

/** The dates taken from an event's day (occurredAt), each by the id of the event that set it. */
export interface DatedBy {
  reportedOn?: string;
  completedOn?: string;
  verifiedOn?: string;
  closedOn?: string;
}

type EventDate = keyof DatedBy;

export interface InspectorateView {
  statusText: string;
  statusDate: string;
  mappedStatus: InspectorateMappedStatus;
  source: string;
}

/**
 * One finding of the register as the log says it stands. Status, decision, applicability, owner,
 * target date, the pending change of it and the open actions are the domain's facts
 * (`recommendationFactsAfter`, folded by the domain's own evolve from these fields alone), so the
 * register can never disagree with what the deciders see; the rest is what a reader asks for and
 * no decision needs. No copy of the domain's state is kept. Nothing here depends on today:
 * overdue, RAG and blocked are worked out when the register is read.
 */
export interface FindingSummary extends RecommendationFacts {
  recommendationId: string;
  inspectionId: string;
  reference: string;
  number: number;
  findingType: FindingType;
  text: string;
  subItems: string[];
  addressees: string[];
  /** The inspectorate's own due date. */
  dueDate: string | null;
  immediate: boolean;
  status: RecommendationStatus;
  decision: RecommendationDecision | null;
  applicability: RecommendationApplicability;
  owner: string | null;
  ownerOrganisation: string | null;
  /** The first target date set: slippage is measured from it. */
  originalTargetDate: string | null;
  targetDate: string | null;
  pendingTargetDateChange: PendingTargetDateChange | null;
  /** Approved changes of the target date. */
  targetDateRevisions: number;
  openDependencies: OpenDependency[];
  openActions: number;
  /** What the next fold of `openActions` starts from; queries show the count alone. */
  openActionIds: string[];
  latestProgress: LatestProgress | null;
  /** London date of the completion that currently stands (cleared when returned or reopened). */
  completedOn: string | null;
  verifiedOn: string | null;
  closedOn: string | null;
  inspectorate: InspectorateView | null;
  inspectorateClosure: { outcome: InspectorateClosureOutcome; closedOn: string } | null;
  /** So that a date correction of an event moves the dates it set; queries do not show it. */
  datedBy: DatedBy;
  issuedAt: string;
  lastChangedAt: string;
}

/** Folds one event of a `recommendation-` stream into the finding's summary (undefined before FindingIssued). */
export function evolveFindingSummary(summary: FindingSummary | undefined, recorded: RecordedEvent): FindingSummary {
  const event = domainEventOf<RecommendationEvent>(recorded);
  const envelope = envelopeOf(recorded);
  // The domain refuses an event it cannot apply; the projection then stops on it, as it should.
  const facts = recommendationFactsAfter(summary ?? null, event);
  if (event.type === 'FindingIssued') return issued(event, facts, envelope.recordedAt);
  if (summary === undefined) throw new Error(`${event.type} in ${recorded.streamId} before the finding was issued`);

  const next: FindingSummary = {
    ...summary,
    status: facts.status,
    decision: facts.decision,
    applicability: facts.applicability,
    owner: facts.owner,
    targetDate: facts.targetDate,
    pendingTargetDateChange: facts.pendingTargetDateChange,
    openActions: facts.openActionIds.length,
    openActionIds: facts.openActionIds === summary.openActionIds ? summary.openActionIds : [...facts.openActionIds],
    lastChangedAt: envelope.recordedAt,
  };
  const on = occurredTimes(envelope.occurredAt).day;
  switch (event.type) {
    case 'RecommendationOwnerAssigned':
      return { ...next, ownerOrganisation: event.organisation };
    case 'RecommendationTargetDateSet':
      return { ...next, originalTargetDate: summary.originalTargetDate ?? event.targetDate };
    case 'RecommendationTargetDateChangeApproved':
      return { ...next, targetDateRevisions: summary.targetDateRevisions + 1 };
    case 'RecommendationDependencyFlagged':
      return { ...next, openDependencies: [...summary.openDependencies, { dependencyId: event.dependencyId, dependsOn: event.dependsOn, description: event.description }] };
    case 'RecommendationDependencyCleared':
      return { ...next, openDependencies: summary.openDependencies.filter((d) => d.dependencyId !== event.dependencyId) };
    case 'RecommendationProgressRecorded':
      return {
        ...next,
        latestProgress: { narrative: event.narrative, percentComplete: event.percentComplete, rag: event.rag, reportedOn: on },
        datedBy: { ...summary.datedBy, reportedOn: recorded.id },
      };
    case 'RecommendationMarkedComplete':
      return { ...next, completedOn: on, datedBy: { ...summary.datedBy, completedOn: recorded.id } };
    case 'RecommendationCompletionVerified':
      return { ...next, verifiedOn: on, datedBy: { ...summary.datedBy, verifiedOn: recorded.id } };
    case 'RecommendationReturnedForFurtherWork':
    case 'RecommendationReopened': {
      const { reportedOn } = summary.datedBy;
      return { ...next, completedOn: null, verifiedOn: null, closedOn: null, inspectorateClosure: null, datedBy: reportedOn === undefined ? {} : { reportedOn } };
    }
    case 'RecommendationClosed':
      return { ...next, closedOn: on, datedBy: { ...summary.datedBy, closedOn: recorded.id } };
    case 'RecommendationEntryDateCorrected':
      return redated(next, event.redatedEventIds, occurredTimes(event.correctOccurredAt).day);
    case 'RecommendationInspectorateStatusRecorded':
      return { ...next, inspectorate: { statusText: event.statusText, statusDate: event.statusDate, mappedStatus: event.mappedStatus, source: event.source } };
    case 'RecommendationInspectorateClosureRecorded':
      return { ...next, inspectorateClosure: { outcome: event.outcome, closedOn: event.closedOn } };
    default:
      return next;
  }
}

/** The summary with every date a re-dated event set moved to the corrected day. */
function redated(summary: FindingSummary, eventIds: readonly string[], day: string): FindingSummary {
  const moved = new Set<EventDate>();
  for (const [date, eventId] of Object.entries(summary.datedBy) as [EventDate, string][]) if (eventIds.includes(eventId)) moved.add(date);
  if (moved.size === 0) return summary;
  const { latestProgress } = summary;
  return {
    ...summary,
    ...(moved.has('completedOn') ? { completedOn: day } : {}),
    ...(moved.has('verifiedOn') ? { verifiedOn: day } : {}),
    ...(moved.has('closedOn') ? { closedOn: day } : {}),
    ...(moved.has('reportedOn') && latestProgress !== null ? { latestProgress: { ...latestProgress, reportedOn: day } } : {}),
  };
}

function issued(event: Extract<RecommendationEvent, { type: 'FindingIssued' }>, facts: RecommendationFacts, recordedAt: string): FindingSummary {
  return {
    recommendationId: event.recommendationId,
    inspectionId: event.inspectionId,
    reference: event.reference,
    number: event.number,
    findingType: event.findingType,
    text: event.text,
    subItems: [...event.subItems],
    addressees: [...event.addressees],
    dueDate: event.dueDate,
    immediate: event.immediate,
    status: facts.status,
    decision: facts.decision,
    applicability: facts.applicability,
    owner: null,
    ownerOrganisation: null,
    originalTargetDate: null,
    targetDate: null,
    pendingTargetDateChange: null,
    targetDateRevisions: 0,
    openDependencies: [],
    openActions: 0,
    openActionIds: [],
    latestProgress: null,
    completedOn: null,
    verifiedOn: null,
    closedOn: null,
    inspectorate: null,
    inspectorateClosure: null,
    datedBy: {},
    issuedAt: recordedAt,
    lastChangedAt: recordedAt,
  };
}
