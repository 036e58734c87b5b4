import {
  INSPECTION_STREAM_PREFIX,
  PUBLIC_REGISTER_STREAM,
  STATUTORY_RESPONSE_STREAM_PREFIX,
  type FindingType,
  type InspectionEvent,
  type RecommendationEvent,
  type RecommendationStatus,
  type Service,
  type StatutoryResponseEvent,
  occurredDay,
  recommendationDecider,
  type RecommendationState,
} from '@ledger/domain';
import { type EventStore, type RecordedEvent, isBookkeepingStream } from '@ledger/event-store';
import { EMPTY_LEDGER_DIGEST, nextLedgerDigest } from '@ledger/integrity';
import { toDomainEvent } from '@ledger/application/pipeline/stored-event';

/** One revision of a finding's target date: the first setting, or an approved change with its reason. */
export interface TargetDateRevision {
  on: string;
  from: string | null;
  to: string;
  reason: string | null;
}

export interface CatalogueFinding {
  findingId: string;
  inspectionId: string;
  reference: string;
  number: number;
  findingType: FindingType;
  text: string;
  dueDate: string | null;
  status: RecommendationStatus | null;
  targetDate: string | null;
  /** How many times the target date was changed after it was first set: the calendar's SEQUENCE. */
  targetDateRevisions: TargetDateRevision[];
  ownerOrganisation: string | null;
  completedOn: string | null;
  closedOn: string | null;
  closedByInspectorateOn: string | null;
  state: RecommendationState;
}

export interface CatalogueInspection {
  inspectionId: string;
  title: string;
  service: Service;
  reportPublishedOn: string;
  reportUrl: string | null;
  responseDeadline: string | null;
  /** How many times the response's deadline was revised: the calendar's SEQUENCE. */
  deadlineRevisions: number;
  /** When the office published its response (police) or action plan (fire): from then on it is public. */
  responsePublishedOn: string | null;
  responseUrl: string | null;
  findingIds: string[];
}

/** Something that changed on the public record, for the Atom feed. */
export interface PublicChange {
  eventId: string;
  inspectionId: string;
  findingId: string | null;
  /** When it was recorded (UTC ISO-8601): the feed entry's `updated`. */
  recordedAt: string;
  /** When it happened, a London day. */
  on: string;
  title: string;
}

export interface CatalogueSnapshot {
  /** The ledger digest over every event read so far (the same figure `ledger verify` gives as at that event). */
  digest: string;
  events: number;
  position: bigint | null;
}

const PAGE_SIZE = 1000;

const PUBLIC_STATUS_WORDS: Partial<Record<RecommendationEvent['type'], string>> = {
  RecommendationAccepted: 'accepted',
  RecommendationPartiallyAccepted: 'partially accepted',
  RecommendationRejected: 'not accepted',
  RecommendationWorkStarted: 'in progress',
  RecommendationMarkedComplete: 'reported complete',
  RecommendationCompletionVerified: 'completion verified',
  RecommendationReturnedForFurtherWork: 'returned for further work',
  RecommendationClosed: 'closed',
  RecommendationInspectorateClosureRecorded: 'closed by the inspectorate',
  RecommendationSuperseded: 'superseded',
  RecommendationMarkedNoLongerRelevant: 'no longer relevant',
  RecommendationReopened: 'reopened',
};

/**
 * What the public register, the Atom feed and the calendars read: every inspection and finding
 * with its status and dates, folded from the log in position order, plus the running ledger
 * digest. It is held in memory and brought up to date from the last position it read on each
 * use, so it is disposable and rebuilt by reading the log again. People appear in it only as
 * organisations (owners), never by name.
 */
export class PublicCatalogue {
  private readonly inspections = new Map<string, CatalogueInspection>();
  private readonly findings = new Map<string, CatalogueFinding>();
  private readonly changes: PublicChange[] = [];
  private registerEnabled = false;
  private digest = EMPTY_LEDGER_DIGEST;
  private events = 0;
  private position: bigint | null = null;
  private catchingUp: Promise<void> = Promise.resolve();

  constructor(private readonly store: EventStore) {}

  /** Reads what was appended since the last call, one read at a time; a failed read (store down) does not stop the next. */
  catchUp(): Promise<void> {
    const next = this.catchingUp.catch(() => undefined).then(() => this.readNew());
    this.catchingUp = next;
    return next;
  }

  private async readNew(): Promise<void> {
    for (;;) {
      let count = 0;
      for await (const event of this.store.readAll({ direction: 'forwards', ...(this.position === null ? {} : { after: this.position }), maxCount: PAGE_SIZE })) {
        count += 1;
        this.position = event.position;
        if (isBookkeepingStream(event.streamId)) continue;
        const hash = event.metadata.hash;
        if (typeof hash === 'string') {
          this.digest = nextLedgerDigest(this.digest, hash);
          this.events += 1;
        }
        this.apply(event);
      }
      if (count < PAGE_SIZE) return;
    }
  }

  snapshot(): CatalogueSnapshot {
    return { digest: this.digest, events: this.events, position: this.position };
  }

  isRegisterEnabled(): boolean {
    return this.registerEnabled;
  }

  /** Published inspections, the latest published first. */
  publishedInspections(): CatalogueInspection[] {
    return [...this.inspections.values()]
      .filter((inspection) => inspection.responsePublishedOn !== null)
      .sort((a, b) => (b.responsePublishedOn ?? '').localeCompare(a.responsePublishedOn ?? '') || a.title.localeCompare(b.title));
  }

  inspection(inspectionId: string): CatalogueInspection | undefined {
    return this.inspections.get(inspectionId);
  }

  allInspections(): CatalogueInspection[] {
    return [...this.inspections.values()];
  }

  findingsOf(inspectionId: string): CatalogueFinding[] {
    const inspection = this.inspections.get(inspectionId);
    if (!inspection) return [];
    return inspection.findingIds.flatMap((id) => {
      const finding = this.findings.get(id);
      return finding ? [finding] : [];
    });
  }

  /** Changes on published inspections, the latest first. */
  publicChanges(limit: number): PublicChange[] {
    const published = new Set(this.publishedInspections().map((inspection) => inspection.inspectionId));
    const selected: PublicChange[] = [];
    for (let i = this.changes.length - 1; i >= 0 && selected.length < limit; i--) {
      if (published.has(this.changes[i].inspectionId)) selected.push(this.changes[i]);
    }
    return selected;
  }

  private apply(recorded: RecordedEvent): void {
    const { streamId } = recorded;
    if (streamId === PUBLIC_REGISTER_STREAM) {
      this.registerEnabled = recorded.type === 'PublicRegisterEnabled';
    } else if (streamId.startsWith(INSPECTION_STREAM_PREFIX)) {
      this.applyInspection(toDomainEvent<InspectionEvent>(recorded));
    } else if (streamId.startsWith(STATUTORY_RESPONSE_STREAM_PREFIX)) {
      this.applyStatutory(toDomainEvent<StatutoryResponseEvent>(recorded), recorded);
    } else if (streamId.startsWith('recommendation-')) {
      this.applyRecommendation(toDomainEvent<RecommendationEvent>(recorded), recorded);
    }
  }

  private applyInspection(event: InspectionEvent): void {
    switch (event.type) {
      case 'InspectionRegistered':
        this.inspections.set(event.inspectionId, {
          inspectionId: event.inspectionId,
          title: event.title,
          service: event.service,
          reportPublishedOn: event.publishedOn,
          reportUrl: event.reportUrl,
          responseDeadline: null,
          deadlineRevisions: 0,
          responsePublishedOn: null,
          responseUrl: null,
          findingIds: event.findings.map((finding) => finding.findingId),
        });
        return;
      case 'InspectionDetailsAmended': {
        const inspection = this.inspections.get(event.inspectionId);
        if (!inspection) return;
        const { title, service, publishedOn, reportUrl } = event.changes;
        if (title !== undefined) inspection.title = title;
        if (service !== undefined) inspection.service = service;
        if (publishedOn !== undefined) inspection.reportPublishedOn = publishedOn;
        if (reportUrl !== undefined) inspection.reportUrl = reportUrl;
        return;
      }
      case 'FindingAdded':
        this.inspections.get(event.inspectionId)?.findingIds.push(event.finding.findingId);
        return;
    }
  }

  private applyStatutory(event: StatutoryResponseEvent, recorded: RecordedEvent): void {
    const inspection = this.inspections.get(event.inspectionId);
    if (!inspection) return;
    switch (event.type) {
      case 'StatutoryResponseOpened':
        inspection.responseDeadline = event.deadline;
        return;
      case 'StatutoryTimetableRevised':
        inspection.responseDeadline = event.deadline;
        inspection.deadlineRevisions += 1;
        return;
      case 'StatutoryResponsePublished':
      case 'ActionPlanPublished':
        inspection.responsePublishedOn = event.publishedOn;
        inspection.responseUrl = event.url;
        this.changes.push({
          eventId: recorded.id,
          inspectionId: inspection.inspectionId,
          findingId: null,
          recordedAt: recordedAt(recorded),
          on: event.publishedOn,
          title: `${event.type === 'ActionPlanPublished' ? 'Action plan' : 'Statutory response'} published: ${inspection.title}`,
        });
        return;
      default:
        return;
    }
  }

  private applyRecommendation(event: RecommendationEvent, recorded: RecordedEvent): void {
    if (event.type === 'FindingIssued') {
      this.findings.set(event.recommendationId, {
        findingId: event.recommendationId,
        inspectionId: event.inspectionId,
        reference: event.reference,
        number: event.number,
        findingType: event.findingType,
        text: event.text,
        dueDate: event.dueDate,
        status: null,
        targetDate: null,
        targetDateRevisions: [],
        ownerOrganisation: null,
        completedOn: null,
        closedOn: null,
        closedByInspectorateOn: null,
        state: recommendationDecider.evolve(recommendationDecider.initialState, event),
      });
    }
    const finding = this.findings.get(event.recommendationId);
    if (!finding) return;
    if (event.type !== 'FindingIssued') finding.state = recommendationDecider.evolve(finding.state, event);
    finding.status = finding.state.status;
    const on = occurredDay(String(recorded.metadata.occurredAt ?? recordedAt(recorded)));
    switch (event.type) {
      case 'RecommendationTargetDateSet':
        finding.targetDate = event.targetDate;
        finding.targetDateRevisions.push({ on, from: null, to: event.targetDate, reason: null });
        this.change(recorded, finding, on, `${finding.reference}: target date set to ${event.targetDate}`);
        return;
      case 'RecommendationTargetDateChangeApproved':
        finding.targetDate = event.to;
        finding.targetDateRevisions.push({ on, from: event.from, to: event.to, reason: event.reason });
        this.change(recorded, finding, on, `${finding.reference}: target date changed from ${event.from} to ${event.to}`);
        return;
      case 'RecommendationOwnerAssigned':
        finding.ownerOrganisation = event.organisation;
        return;
      case 'RecommendationMarkedComplete':
        finding.completedOn = on;
        break;
      case 'RecommendationClosed':
        finding.closedOn = on;
        break;
      case 'RecommendationInspectorateClosureRecorded':
        finding.closedByInspectorateOn = event.closedOn;
        break;
      case 'RecommendationReopened':
        finding.completedOn = null;
        finding.closedOn = null;
        finding.closedByInspectorateOn = null;
        break;
      default:
        break;
    }
    const words = PUBLIC_STATUS_WORDS[event.type];
    if (words) this.change(recorded, finding, on, `${finding.reference}: ${words}`);
  }

  private change(recorded: RecordedEvent, finding: CatalogueFinding, on: string, title: string): void {
    this.changes.push({ eventId: recorded.id, inspectionId: finding.inspectionId, findingId: finding.findingId, recordedAt: recordedAt(recorded), on, title });
  }
}

function recordedAt(recorded: RecordedEvent): string {
  const value = recorded.metadata.recordedAt;
  return typeof value === 'string' ? value : recorded.created.toISOString();
}
