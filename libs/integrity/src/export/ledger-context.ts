import { RECOMMENDATION_EVENT_TYPES, type RecommendationEvent, type RecommendationStatus, recommendationStatusAfter } from '@ledger/domain/recommendation';
import { type FindingSummary, evolveFindingSummary } from '@ledger/projections/read-models/register/finding-summary';
import { domainEventOf, envelopeOf } from '@ledger/projections/read-models/shared/envelope';
import type { JsonObject, JsonValue, RecordedEvent } from '@ledger/event-store';

/** One finding as the register read model folds it, with the stream it is kept in. */
export type FindingEntry = FindingSummary & { streamId: string };

const RECOMMENDATION_TYPES: ReadonlySet<string> = new Set(RECOMMENDATION_EVENT_TYPES);

/** What rows that show each event's status after it need of a finding. */
interface FindingStatus {
  status: RecommendationStatus;
  reference: string;
}

/**
 * `findings`: every finding folded whole, as the register read model folds it (the register and
 * slippage sheets). `statuses`: only each finding's status and reference, from the domain's
 * `recommendationStatusAfter`, for the audit trail's "Status after event": a tenth of the memory
 * and of the work per event.
 */
export type FindingFold = 'findings' | 'statuses';

/**
 * What a row needs beyond its own event, learnt from the events before it in log order:
 * inspection titles, which inspection and finding reference each stream belongs to, each
 * finding as it stands (folded as the register read model folds it, from the domain's facts),
 * and actor names for the ids that events carry. Memory grows with inspections, findings and
 * people, never with events.
 */
export class LedgerContext {
  private readonly titles = new Map<string, string>();
  private readonly services = new Map<string, string>();
  private readonly streamInspection = new Map<string, string>();
  private readonly findingReference = new Map<string, { inspectionId: string; reference: string }>();
  private readonly streamReference = new Map<string, string>();
  private readonly findingsByStream = new Map<string, FindingEntry>();
  private readonly actorNames = new Map<string, string>();
  private readonly statuses = new Map<string, FindingStatus>();

  constructor(private readonly fold: FindingFold = 'findings') {}

  apply(event: RecordedEvent): void {
    const { data, metadata, streamId } = event;
    const actor = metadata.actor;
    if (isObject(actor) && typeof actor.id === 'string' && typeof actor.name === 'string') this.actorNames.set(actor.id, actor.name);

    const inspectionId = text(data.inspectionId) ?? this.findingReference.get(text(data.recommendationId) ?? '')?.inspectionId;
    if (inspectionId !== undefined && !this.streamInspection.has(streamId)) this.streamInspection.set(streamId, inspectionId);
    const linkedReference = this.findingReference.get(text(data.recommendationId) ?? '')?.reference;
    if (linkedReference !== undefined && !this.streamReference.has(streamId)) this.streamReference.set(streamId, linkedReference);

    if (inspectionId !== undefined && (event.type === 'InspectionRegistered' || event.type === 'InspectionDetailsAmended')) {
      const details = event.type === 'InspectionRegistered' ? data : isObject(data.changes) ? data.changes : {};
      if (typeof details.title === 'string') this.titles.set(inspectionId, details.title);
      if (typeof details.service === 'string') this.services.set(inspectionId, details.service);
    }
    if (inspectionId !== undefined) {
      const findings = Array.isArray(data.findings) ? data.findings : data.finding !== undefined ? [data.finding] : [];
      for (const finding of findings) {
        if (isObject(finding) && typeof finding.findingId === 'string' && typeof finding.reference === 'string') {
          this.findingReference.set(finding.findingId, { inspectionId, reference: finding.reference });
        }
      }
    }
    if (RECOMMENDATION_TYPES.has(event.type)) this.applyToFinding(event);
  }

  inspectionOf(streamId: string): string | null {
    return this.streamInspection.get(streamId) ?? null;
  }

  inspectionName(inspectionId: string | null): string {
    if (inspectionId === null) return '';
    return this.titles.get(inspectionId) ?? inspectionId;
  }

  serviceOf(inspectionId: string): string {
    return this.services.get(inspectionId) ?? '';
  }

  referenceOf(streamId: string): string {
    return this.findingsByStream.get(streamId)?.reference ?? this.statuses.get(streamId)?.reference ?? this.streamReference.get(streamId) ?? '';
  }

  /** The finding's status after the events applied so far, in either fold; null for a stream that is not a finding. */
  statusOf(streamId: string): RecommendationStatus | null {
    return (this.fold === 'findings' ? this.findingsByStream.get(streamId)?.status : this.statuses.get(streamId)?.status) ?? null;
  }

  /** The finding folded whole: in the `findings` fold only. */
  finding(streamId: string): FindingEntry | undefined {
    return this.findingsByStream.get(streamId);
  }

  findings(): IterableIterator<FindingEntry> {
    return this.findingsByStream.values();
  }

  actorName(id: JsonValue | undefined): string {
    if (typeof id !== 'string') return '';
    return this.actorNames.get(id) ?? id;
  }

  private applyToFinding(event: RecordedEvent): void {
    if (this.fold === 'statuses') {
      this.applyToStatus(event);
      return;
    }
    let summary: FindingSummary;
    try {
      summary = evolveFindingSummary(this.findingsByStream.get(event.streamId), event);
    } catch {
      // An export shows what is recorded; a stream the domain cannot fold keeps its last known state.
      return;
    }
    // The fold copies the previous entry, streamId included: only a new finding needs it set.
    const entry = summary as FindingEntry;
    entry.streamId = event.streamId;
    this.findingsByStream.set(event.streamId, entry);
  }

  /** As applyToFinding, keeping the status alone: an event the fold would refuse leaves it as it was. */
  private applyToStatus(recorded: RecordedEvent): void {
    const previous = this.statuses.get(recorded.streamId);
    let status: RecommendationStatus;
    let event: RecommendationEvent;
    try {
      envelopeOf(recorded);
      event = domainEventOf<RecommendationEvent>(recorded);
      status = recommendationStatusAfter(previous?.status ?? null, event);
    } catch {
      return;
    }
    if (event.type === 'FindingIssued') this.statuses.set(recorded.streamId, { status, reference: event.reference });
    else if (previous !== undefined) previous.status = status;
  }
}

function isObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: JsonValue | undefined): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}
