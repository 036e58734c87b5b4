import {
  type IssuedRecommendationState,
  RECOMMENDATION_EVENT_TYPES,
  type RecommendationEvent,
  type RecommendationState,
  isRecommendationIssued,
  recommendationDecider,
} from '@ledger/domain/recommendation';
import type { JsonObject, JsonValue, RecordedEvent } from '@ledger/event-store';

/** What the register shows of one finding, folded from its stream. */
export interface FindingEntry {
  streamId: string;
  inspectionId: string;
  reference: string;
  findingType: string;
  text: string;
  dueDate: string | null;
  state: IssuedRecommendationState;
  originalTargetDate: string | null;
  approvedRevisions: number;
  /** The inspectorate's own latest words, with their date. */
  inspectorateStatusText: string | null;
  lastRecordedAt: string | null;
}

const RECOMMENDATION_TYPES: ReadonlySet<string> = new Set(RECOMMENDATION_EVENT_TYPES);

/**
 * What a row needs beyond its own event, learnt from the events before it in log order:
 * inspection titles, which inspection and finding reference each stream belongs to, each
 * finding's state (folded with the domain's own evolve, so statuses mean what the domain says),
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
    return this.findingsByStream.get(streamId)?.reference ?? this.streamReference.get(streamId) ?? '';
  }

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
    const entry = this.findingsByStream.get(event.streamId);
    const domainEvent = { ...event.data, type: event.type } as unknown as RecommendationEvent;
    let state: RecommendationState;
    try {
      state = recommendationDecider.evolve(entry?.state ?? recommendationDecider.initialState, domainEvent);
    } catch {
      // An export shows what is recorded; a stream the domain cannot fold keeps its last known state.
      return;
    }
    if (!isRecommendationIssued(state)) return;
    const data = event.data;
    const next: FindingEntry = entry ?? {
      streamId: event.streamId,
      inspectionId: state.inspectionId,
      reference: state.reference,
      findingType: state.findingType,
      text: typeof data.text === 'string' ? data.text : '',
      dueDate: state.dueDate,
      state,
      originalTargetDate: null,
      approvedRevisions: 0,
      inspectorateStatusText: null,
      lastRecordedAt: null,
    };
    next.state = state;
    if (event.type === 'RecommendationTargetDateSet') next.originalTargetDate ??= text(data.targetDate) ?? null;
    if (event.type === 'RecommendationTargetDateChangeApproved') next.approvedRevisions += 1;
    if (event.type === 'RecommendationInspectorateStatusRecorded') {
      next.inspectorateStatusText = [text(data.statusText), text(data.statusDate)].filter(Boolean).join(', ') || null;
    }
    next.lastRecordedAt = text(event.metadata.recordedAt) ?? next.lastRecordedAt;
    this.findingsByStream.set(event.streamId, next);
  }
}

function isObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: JsonValue | undefined): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}
