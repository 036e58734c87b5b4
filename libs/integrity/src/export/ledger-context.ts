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

/** What the workbook's later sheets need of a finding once it has been folded whole. */
interface SettledFinding {
  reference: string;
  originalTargetDate: string | null;
}

/**
 * `findings`: every finding folded whole, as the register read model folds it. `statuses`: only
 * each finding's status and reference, from the domain's `recommendationStatusAfter`, for the
 * audit trail's "Status after event": a tenth of the memory and of the work per event. `listed`:
 * only which streams are findings, in the register's order, without their state: the workbook
 * folds each finding from its own stream as it writes the register (`foldListedFindings`), so
 * that one finding is held at a time, not every finding.
 */
export type FindingFold = 'findings' | 'statuses' | 'listed';

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
  /** In the `listed` fold: each finding's stream, in the order of the FindingIssued that opened it; settled once folded. */
  private readonly listed = new Map<string, SettledFinding | null>();

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
    return (
      this.findingsByStream.get(streamId)?.reference ??
      this.statuses.get(streamId)?.reference ??
      this.listed.get(streamId)?.reference ??
      this.streamReference.get(streamId) ??
      ''
    );
  }

  /** The first target date set for the finding, as it stands: in the `findings` fold, or the `listed` one once settled. */
  originalTargetDateOf(streamId: string): string | null {
    return (this.findingsByStream.get(streamId) ?? this.listed.get(streamId))?.originalTargetDate ?? null;
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

  /** The streams of the findings, in the register's order: in the `listed` fold only. */
  listedStreams(): IterableIterator<string> {
    return this.listed.keys();
  }

  /** Keeps what later sheets need of a listed finding, once it has been folded whole. */
  settle(finding: FindingEntry): void {
    if (this.listed.has(finding.streamId)) this.listed.set(finding.streamId, { reference: finding.reference, originalTargetDate: finding.originalTargetDate });
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
    if (this.fold === 'listed') {
      // A finding is listed where the whole fold would first hold it: at the first FindingIssued
      // it accepts, since every other event is refused before one.
      if (event.type === 'FindingIssued' && !this.listed.has(event.streamId) && foldFinding(undefined, event) !== undefined) this.listed.set(event.streamId, null);
      return;
    }
    const entry = foldFinding(this.findingsByStream.get(event.streamId), event);
    if (entry !== undefined) this.findingsByStream.set(event.streamId, entry);
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

/**
 * The finding after one more of its stream's events, as the register read model folds it;
 * undefined for an event of another kind, or one the domain refuses.
 */
export function foldFinding(previous: FindingEntry | undefined, event: RecordedEvent): FindingEntry | undefined {
  if (!RECOMMENDATION_TYPES.has(event.type)) return undefined;
  let summary: FindingSummary;
  try {
    summary = evolveFindingSummary(previous, event);
  } catch {
    // An export shows what is recorded; a stream the domain cannot fold keeps its last known state.
    return undefined;
  }
  // The fold copies the previous entry, streamId included: only a new finding needs it set.
  const entry = summary as FindingEntry;
  entry.streamId = event.streamId;
  return entry;
}

function isObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: JsonValue | undefined): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}
