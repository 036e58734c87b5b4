import type {
  CopyRecipient,
  Finding,
  FindingType,
  InspectionDetails,
  InspectionEvent,
  OnBehalfOf,
  RecommendationEvent,
  Service,
  StatutoryResponseEvent,
} from '@ledger/domain';
import { inspectionStream, recommendationStream, statutoryResponseStream } from '@ledger/domain';
import type { RecordedEvent } from '@ledger/event-store';
import { toDomainEvent } from '@ledger/application/pipeline/stored-event';

/** What a recommendation's decision says, as the page prints it. */
export type PublishedDecision =
  | { kind: 'accepted'; commitment: string; plannedCompletionDate: string | null }
  | { kind: 'partially-accepted'; acceptedScope: string; notAcceptedScope: string; reason: string; plannedCompletionDate: string | null }
  | { kind: 'rejected'; reason: string }
  | { kind: 'not-applicable'; reason: string | null };

export interface PublishedFinding extends Finding {
  decision: PublishedDecision | null;
  /** The current target date, when one has been set. */
  targetDate: string | null;
}

/** Everything the published statutory response (police) or action plan (fire) shows, read from the log. */
export interface ResponseDocument {
  inspectionId: string;
  inspection: InspectionDetails;
  findings: PublishedFinding[];
  commissionerComments: string | null;
  commissionerCommentsMadeOn: string | null;
  chiefOfficerComments: string | null;
  chiefOfficerCommentsReceivedOn: string | null;
  /** Whose statement it is, as recorded (on behalf of); null when recorded without one. */
  chiefOfficer: OnBehalfOf | null;
  reply: string | null;
  /** The statutory deadline (police) or the policy's deadline (fire). */
  deadline: string | null;
  publishedOn: string | null;
  url: string | null;
  copiesSent: { recipient: CopyRecipient; sentOn: string }[];
  /** The log position of the latest event the document was built from. */
  position: bigint;
}

/** Reads one stream in order; [] when it does not exist. */
export type StreamReader = (streamId: string) => Promise<RecordedEvent[]>;

function applyInspection(details: InspectionDetails | null, findings: Finding[], event: InspectionEvent): InspectionDetails | null {
  switch (event.type) {
    case 'InspectionRegistered': {
      const { type: _type, inspectionId: _id, findings: registered, ...registeredDetails } = event;
      findings.push(...registered);
      return registeredDetails;
    }
    case 'InspectionDetailsAmended':
      return details === null ? null : { ...details, ...event.changes };
    case 'FindingAdded':
      findings.push(event.finding);
      return details;
  }
}

function applyRecommendation(finding: PublishedFinding, event: RecommendationEvent): void {
  switch (event.type) {
    case 'RecommendationAccepted':
      finding.decision = { kind: 'accepted', commitment: event.commitment, plannedCompletionDate: event.plannedCompletionDate };
      return;
    case 'RecommendationPartiallyAccepted':
      finding.decision = {
        kind: 'partially-accepted',
        acceptedScope: event.acceptedScope,
        notAcceptedScope: event.notAcceptedScope,
        reason: event.reason,
        plannedCompletionDate: event.plannedCompletionDate,
      };
      return;
    case 'RecommendationRejected':
      finding.decision = { kind: 'rejected', reason: event.reason };
      return;
    case 'RecommendationApplicabilityAssessed':
      if (!event.applicable) finding.decision = { kind: 'not-applicable', reason: event.reason };
      return;
    case 'RecommendationTargetDateSet':
      finding.targetDate = event.targetDate;
      return;
    case 'RecommendationTargetDateChangeApproved':
      finding.targetDate = event.to;
      return;
    default:
      return;
  }
}

const TYPE_ORDER: Record<FindingType, number> = { 'cause-of-concern': 0, recommendation: 1, 'area-for-improvement': 2 };

/**
 * The response document for one inspection, from its own streams: the inspection (with its
 * amendments and added findings), its statutory response and each finding's stream. Null when
 * the inspection is not registered.
 */
export async function readResponseDocument(read: StreamReader, inspectionId: string): Promise<ResponseDocument | null> {
  const inspectionEvents = await read(inspectionStream(inspectionId));
  let details: InspectionDetails | null = null;
  const registered: Finding[] = [];
  let position = 0n;
  const seen = (event: RecordedEvent) => {
    if (event.position > position) position = event.position;
  };
  for (const event of inspectionEvents) {
    seen(event);
    details = applyInspection(details, registered, toDomainEvent<InspectionEvent>(event));
  }
  if (details === null) return null;

  const document: ResponseDocument = {
    inspectionId,
    inspection: details,
    findings: [],
    commissionerComments: null,
    commissionerCommentsMadeOn: null,
    chiefOfficerComments: null,
    chiefOfficerCommentsReceivedOn: null,
    chiefOfficer: null,
    reply: null,
    deadline: null,
    publishedOn: null,
    url: null,
    copiesSent: [],
    position,
  };
  for (const event of await read(statutoryResponseStream(inspectionId))) {
    seen(event);
    applyStatutory(document, event);
  }
  for (const finding of registered) {
    const published: PublishedFinding = { ...finding, decision: null, targetDate: null };
    for (const event of await read(recommendationStream(finding.findingId))) {
      seen(event);
      applyRecommendation(published, toDomainEvent<RecommendationEvent>(event));
    }
    document.findings.push(published);
  }
  document.findings.sort((a, b) => TYPE_ORDER[a.findingType] - TYPE_ORDER[b.findingType] || a.number - b.number);
  document.position = position;
  return document;
}

function applyStatutory(document: ResponseDocument, recorded: RecordedEvent): void {
  const event = toDomainEvent<StatutoryResponseEvent>(recorded);
  switch (event.type) {
    case 'StatutoryResponseOpened':
    case 'StatutoryTimetableRevised':
      document.deadline = event.deadline;
      return;
    case 'CommissionerCommentsRecorded':
      document.commissionerComments = event.comments;
      document.commissionerCommentsMadeOn = event.madeOn;
      return;
    case 'ChiefOfficerCommentsRecorded':
      document.chiefOfficerComments = event.comments;
      document.chiefOfficerCommentsReceivedOn = event.receivedOn;
      document.chiefOfficer = (recorded.metadata.onBehalfOf as unknown as OnBehalfOf | undefined) ?? null;
      return;
    case 'ReplyToChiefOfficerRecorded':
      document.reply = event.reply;
      return;
    case 'StatutoryResponsePublished':
    case 'ActionPlanPublished':
      document.publishedOn = event.publishedOn;
      document.url = event.url;
      return;
    case 'StatutoryResponseCopySent':
      document.copiesSent.push({ recipient: event.recipient, sentOn: event.sentOn });
      return;
    default:
      return;
  }
}

/** Police answer under the Police Act 1996 s.55; fire with an action plan. */
export function isFire(document: { inspection: { service: Service } }): boolean {
  return document.inspection.service === 'fire';
}
