import { type AnyLedgerEvent, type SummaryLookups, genericSummary, personLabel, summariseEvent } from '@ledger/domain';
import { DEFAULT_UPCASTERS, type EventStore, type JsonObject, type JsonValue, type RecordedEvent } from '@ledger/event-store';
import { readLog } from '../log/read-log';

type Timetable = { reportPublishedOn: string; responsePeriodDays: number };

/** Things that later events of the same stream refer to by id only. */
type LabelKind = 'action' | 'dependency' | 'evidence';

/**
 * The audit trail's summary of each event: the very line the timeline shows (the domain's
 * summariseEvent), with what it names learnt as the log streams past in order, as the timeline
 * projection learns it: people from each event's actor, per stream the actions, dependencies and
 * evidence recorded earlier, each statutory response's timetable, and the summaries of the entries
 * that a later correction quotes. Memory grows with people, labels, statutory responses and
 * corrections, never with events.
 *
 * Give it every event of the log up to the export's head, in order: those exported to
 * `summarise`, those left out to `pass` (a summary may name someone who acted only in a stream the
 * export leaves out, as the timeline would).
 */
export class AuditTrailSummaries {
  private readonly people = new Map<string, string>();
  /** By labelKey(stream, kind, id). */
  private readonly labels = new Map<string, string>();
  private readonly timetables = new Map<string, Timetable>();
  private readonly quoted = new Map<string, string>();

  private constructor(private readonly corrected: ReadonlySet<string>) {}

  /**
   * A correction quotes the summary of the entry it corrects, which comes earlier in the log: one
   * read of the log first says which entries those are, so that only their summaries are kept.
   */
  static async forLog(store: EventStore, upTo: bigint | null): Promise<AuditTrailSummaries> {
    const corrected = new Set<string>();
    for await (const event of readLog(store, upTo)) AuditTrailSummaries.noteCorrection(event, corrected);
    return new AuditTrailSummaries(corrected);
  }

  /** For a caller that reads the whole log anyway before the rows: give every event to `noteCorrection` first. */
  static forCorrected(corrected: ReadonlySet<string>): AuditTrailSummaries {
    return new AuditTrailSummaries(corrected);
  }

  /** Adds to `corrected` the entry that `event` corrects, if it is a correction. */
  static noteCorrection(event: RecordedEvent, corrected: Set<string>): void {
    const correctsEventId = event.type === 'RecommendationEntryCorrected' || event.type === 'RecommendationEntryDateCorrected' ? event.data.correctsEventId : undefined;
    if (typeof correctsEventId === 'string') corrected.add(correctsEventId);
  }

  summarise(recorded: RecordedEvent): string {
    const data = this.learnBefore(recorded);
    const summary = data === null ? genericSummary(recorded.type, recorded.data) : this.summaryOf(recorded, data);
    this.learnAfter(recorded, data, summary);
    return summary;
  }

  pass(recorded: RecordedEvent): void {
    const data = this.learnBefore(recorded);
    this.learnAfter(recorded, data, data !== null && this.corrected.has(recorded.id) ? this.summaryOf(recorded, data) : undefined);
  }

  /**
   * The timeline projection's order: the actor before the summary (a summary may name the person
   * acting, the approver of a change), the timetable as it stands after the event; labels after.
   * Returns the event's data in its type's current shape, or null if this program cannot upcast it.
   */
  private learnBefore(recorded: RecordedEvent): JsonObject | null {
    const actor = recorded.metadata.actor;
    if (isObject(actor) && typeof actor.id === 'string' && typeof actor.name === 'string' && typeof actor.role === 'string') {
      this.people.set(actor.id, personLabel({ name: actor.name, role: actor.role }));
    }
    const data = currentData(recorded);
    if (data !== null) this.learnTimetable(recorded.streamId, recorded.type, data);
    return data;
  }

  private learnAfter(recorded: RecordedEvent, data: JsonObject | null, summary: string | undefined): void {
    if (summary !== undefined && this.corrected.has(recorded.id)) this.quoted.set(recorded.id, summary);
    if (data !== null) this.learnLabels(recorded.streamId, recorded.type, data);
  }

  private summaryOf(recorded: RecordedEvent, data: JsonObject): string {
    try {
      return summariseEvent({ ...data, type: recorded.type } as unknown as AnyLedgerEvent, this.lookups(recorded.streamId));
    } catch {
      // An export shows what is recorded: data the summary cannot read (where the timeline would
      // stop, reported) still gets the generic line, and the row keeps the event's hash.
      return genericSummary(recorded.type, data);
    }
  }

  private lookups(streamId: string): SummaryLookups {
    return {
      personName: (actorId) => this.people.get(actorId) ?? actorId,
      actionDescription: (actionId) => this.labels.get(labelKey(streamId, 'action', actionId)),
      dependsOn: (dependencyId) => this.labels.get(labelKey(streamId, 'dependency', dependencyId)),
      evidenceTitle: (evidenceId) => this.labels.get(labelKey(streamId, 'evidence', evidenceId)),
      entrySummary: (eventId) => this.quoted.get(eventId),
      timetable: () => this.timetables.get(streamId),
    };
  }

  /** As the statutory response's evolve keeps it: set on opening, revised only once opened. */
  private learnTimetable(streamId: string, type: string, data: JsonObject): void {
    if (type !== 'StatutoryResponseOpened' && !(type === 'StatutoryTimetableRevised' && this.timetables.has(streamId))) return;
    if (typeof data.reportPublishedOn === 'string' && typeof data.responsePeriodDays === 'number') {
      this.timetables.set(streamId, { reportPublishedOn: data.reportPublishedOn, responsePeriodDays: data.responsePeriodDays });
    }
  }

  private learnLabels(streamId: string, type: string, data: JsonObject): void {
    const [kind, id, label]: [LabelKind, JsonValue | undefined, JsonValue | undefined] | [null] =
      type === 'RecommendationActionAdded'
        ? ['action', data.actionId, data.description]
        : type === 'RecommendationDependencyFlagged'
          ? ['dependency', data.dependencyId, data.dependsOn]
          : type === 'RecommendationEvidenceSubmitted'
            ? ['evidence', data.evidenceId, data.title]
            : [null];
    if (kind !== null && typeof id === 'string' && typeof label === 'string') this.labels.set(labelKey(streamId, kind, id), label);
  }
}

function labelKey(streamId: string, kind: LabelKind, id: string): string {
  return JSON.stringify([streamId, kind, id]);
}

/** The timeline reads events upcast to their type's current shape; an export reads them as stored. */
function currentData(recorded: RecordedEvent): JsonObject | null {
  try {
    return DEFAULT_UPCASTERS.upcast(recorded).data;
  } catch {
    return null;
  }
}

function isObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
