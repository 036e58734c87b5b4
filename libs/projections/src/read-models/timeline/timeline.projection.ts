import {
  occurredTimes,
  londonDayOfInstant,
  personLabel,
  recommendationStatusAfter,
  statutoryResponseDecider,
  summariseEvent,
  type AnyLedgerEvent,
  type CorrectableStatutoryStep,
  type RecommendationEvent,
  type RecommendationStatus,
  type StatutoryResponseEvent,
  type StatutoryResponseState,
  type SummaryLookups,
} from '@ledger/domain';
import type { RecordedEvent } from '@ledger/event-store';
import type { Projection, ProjectionContext } from '../../projection';
import { BatchRows, PerBatch } from '../shared/batch-rows';
import { aggregateOf, dataJsonOf, domainEventOf, envelopeOf, type AggregateKind } from '../shared/envelope';
import { cached, getRow, upsertSql } from '../shared/rows';

export const TIMELINE = 'timeline';

/** What a stream's entries are filed under, and the little of its state a summary or a status needs. */
interface StreamRow {
  stream_id: string;
  inspection_id: string | null;
  recommendation_id: string | null;
  challenge_id: string | null;
  reference: string | null;
  /** A finding's status, folded by the domain's recommendationStatusAfter. */
  status: RecommendationStatus | null;
  /** A statutory response's state (a few dates), for the day numbers its summaries give. */
  statutory_state: string | null;
}

/** Names of things a later event refers to by id only (an action's description, say), by kind. */
type LabelKind = 'action' | 'dependency' | 'evidence';

const ENTRY_COLUMNS = [
  'position',
  'event_id',
  'stream_id',
  'aggregate',
  'inspection_id',
  'recommendation_id',
  'challenge_id',
  'reference',
  'event_type',
  'summary',
  'changes',
  'actor_id',
  'actor_name',
  'actor_role',
  'actor_organisation',
  'on_behalf_of_name',
  'on_behalf_of_role',
  'on_behalf_of_organisation',
  'occurred_at',
  'recorded_at',
  'occurred_key',
  'occurred_on',
  'recorded_on',
  'source',
  'command_id',
  'correlation_id',
  'causation_id',
  'status_before',
  'status_after',
  'corrected_by',
  'occurred_as_recorded',
  'date_corrected_by',
] as const;

/** The streams a batch touches, read once and written once; and the people it has already written. */
class BatchStreams {
  readonly streams: BatchRows<StreamRow>;
  private readonly people = new Map<string, string>();

  constructor(private readonly context: ProjectionContext) {
    const select = context.statement(`SELECT * FROM ${context.table('streams')} WHERE stream_id = ?`);
    const columns = ['stream_id', 'inspection_id', 'recommendation_id', 'challenge_id', 'reference', 'status', 'statutory_state'] as const;
    const write = context.statement(upsertSql(context.table('streams'), ['stream_id'], columns));
    this.streams = new BatchRows<StreamRow>(
      (streamId) => select.get(streamId) as StreamRow | undefined,
      (row) => write.run(...columns.map((column) => row[column])),
    );
  }

  /** Writes the person unless this batch already wrote them as they are. */
  person(actor: { id: string; name: string; role: string; organisation: string }): void {
    const as = `${actor.name}\u0000${actor.role}\u0000${actor.organisation}`;
    if (this.people.get(actor.id) === as) return;
    this.context
      .statement(upsertSql(this.context.table('people'), ['actor_id'], ['actor_id', 'name', 'role', 'organisation']))
      .run(actor.id, actor.name, actor.role, actor.organisation);
    this.people.set(actor.id, as);
  }

  flush(): void {
    this.streams.flush();
    this.people.clear();
  }

  discard(): void {
    this.streams.discard();
    this.people.clear();
  }
}

const batches = new PerBatch((context) => new BatchStreams(context));

/**
 * Every ledger event as one entry of a timeline: who (actor, role, organisation, on behalf of),
 * when (occurred, a London day or an instant as recorded, and recorded, with their London days and
 * the key that orders occurrences), what changed (the event's data and a readable summary), and
 * for findings the status before and after in log order. Timelines are read in the order things
 * happened (occurredAt, then recordedAt); "what changed between two dates" reads them by either time.
 */
export const timelineProjection: Projection = {
  name: TIMELINE,
  version: 5,
  tables: {
    entries: {
      // event_id is indexed with the query-only indexes: a random key, costly to index row by row during a load.
      columns: `position INTEGER PRIMARY KEY, event_id TEXT NOT NULL, stream_id TEXT NOT NULL, aggregate TEXT NOT NULL,
        inspection_id TEXT, recommendation_id TEXT, challenge_id TEXT, reference TEXT, event_type TEXT NOT NULL, summary TEXT NOT NULL,
        changes TEXT NOT NULL, actor_id TEXT NOT NULL, actor_name TEXT NOT NULL, actor_role TEXT NOT NULL, actor_organisation TEXT NOT NULL,
        on_behalf_of_name TEXT, on_behalf_of_role TEXT, on_behalf_of_organisation TEXT, occurred_at TEXT NOT NULL, recorded_at TEXT NOT NULL,
        occurred_key TEXT NOT NULL, occurred_on TEXT NOT NULL, recorded_on TEXT NOT NULL, source TEXT NOT NULL, command_id TEXT NOT NULL, correlation_id TEXT NOT NULL,
        causation_id TEXT NOT NULL, status_before TEXT, status_after TEXT, corrected_by TEXT, occurred_as_recorded TEXT, date_corrected_by TEXT`,
      queryIndexes: [
        'recommendation_id, occurred_key',
        'inspection_id, occurred_key',
        'challenge_id, occurred_key',
        'occurred_key',
        'recorded_on, position',
        'occurred_on, occurred_key, recorded_at, position',
        // Which findings moved in a period, grouped and counted from the index alone.
        'recorded_on, aggregate, recommendation_id',
        'occurred_on, aggregate, recommendation_id',
        'inspection_id, recorded_on',
        'inspection_id, occurred_on',
        // A correction finds the entry it corrects by it (see deferredCorrections).
        'event_id',
      ],
    },
    /** Corrections applied before the entries were indexed by event id: finished in afterIndexes. */
    deferred_corrections: {
      columns: 'position INTEGER PRIMARY KEY, corrects_event_id TEXT NOT NULL',
    },
    streams: {
      columns: `stream_id TEXT PRIMARY KEY, inspection_id TEXT, recommendation_id TEXT, challenge_id TEXT, reference TEXT, status TEXT,
        statutory_state TEXT`,
    },
    labels: {
      columns: 'stream_id TEXT NOT NULL, kind TEXT NOT NULL, label_id TEXT NOT NULL, label TEXT NOT NULL, PRIMARY KEY (stream_id, kind, label_id)',
    },
    people: {
      columns: 'actor_id TEXT PRIMARY KEY, name TEXT NOT NULL, role TEXT NOT NULL, organisation TEXT NOT NULL',
    },
  },
  apply(recorded: RecordedEvent, context: ProjectionContext): void {
    const aggregate = aggregateOf(recorded.streamId);
    if (aggregate === null) return;
    const envelope = envelopeOf(recorded);
    const event = domainEventOf<AnyLedgerEvent>(recorded);
    const batch = batches.of(context);
    const stream = batch.streams.get(recorded.streamId) ?? newStream(recorded.streamId, aggregate, event, batch);

    let statusBefore: string | null = null;
    let statusAfter: string | null = null;
    let statutory: StatutoryResponseState | null = null;
    let next = stream;
    if (aggregate === 'recommendation') {
      const after = recommendationStatusAfter(stream.status, event as RecommendationEvent);
      statusBefore = stream.status;
      statusAfter = after;
      next = { ...stream, status: after };
    } else if (aggregate === 'statutory-response') {
      const before = stream.statutory_state === null ? statutoryResponseDecider.initialState : (JSON.parse(stream.statutory_state) as StatutoryResponseState);
      statutory = statutoryResponseDecider.evolve(before, event as StatutoryResponseEvent);
      next = { ...stream, statutory_state: JSON.stringify(statutory) };
    }

    // The actor first, so that a summary can name the person doing it (the approver of a change).
    batch.person(envelope.actor);
    const summary = summariseEvent(event, lookups(context, recorded.streamId, statutory));
    rememberLabel(context, recorded.streamId, event);
    const reference = stream.reference ?? (event.type === 'FindingIssued' ? event.reference : null);
    batch.streams.set(recorded.streamId, { ...next, reference });

    const occurred = occurredTimes(envelope.occurredAt);
    cached(context, 'timeline entries', () => `INSERT OR REPLACE INTO ${context.table('entries')} (${ENTRY_COLUMNS.join(', ')}) VALUES (${ENTRY_COLUMNS.map(() => '?').join(', ')})`)
      .run(
        recorded.position,
        recorded.id,
        recorded.streamId,
        aggregate,
        stream.inspection_id,
        stream.recommendation_id,
        stream.challenge_id,
        reference,
        recorded.type,
        summary,
        // What changed: the event's data (its type has its own column).
        Object.hasOwn(recorded.data, 'type') ? JSON.stringify(withoutType(event)) : dataJsonOf(recorded),
        envelope.actor.id,
        envelope.actor.name,
        envelope.actor.role,
        envelope.actor.organisation,
        envelope.onBehalfOf?.name ?? null,
        envelope.onBehalfOf?.role ?? null,
        envelope.onBehalfOf?.organisation ?? null,
        envelope.occurredAt,
        envelope.recordedAt,
        occurred.sortKey,
        occurred.day,
        londonDayOfInstant(envelope.recordedAt),
        envelope.source,
        envelope.commandId,
        envelope.$correlationId,
        envelope.$causationId,
        statusBefore,
        statusAfter,
        null,
        null,
        null,
      );
    if (event.type === 'RecommendationEntryCorrected' || event.type === 'RecommendationEntryDateCorrected' || event.type === 'StatutoryDateCorrected') {
      if (entriesByEventId(context)) applyCorrection(context, recorded.id, recorded.position, event, stream.inspection_id);
      else defer(context, recorded.position, event.type === 'StatutoryDateCorrected' ? '' : event.correctsEventId);
    }
  },
  flush: (context) => batches.flush(context),
  discard: (context) => batches.discard(context),
  /** The corrections a load put off, in log order (a correction of a correction quotes it finished): as apply does them once indexed. */
  afterIndexes(context) {
    const deferred = context
      .statement(
        `SELECT d.position, e.event_id, e.event_type, e.stream_id, e.inspection_id, e.changes FROM ${context.table('deferred_corrections')} d
         JOIN ${context.table('entries')} e ON e.position = d.position ORDER BY d.position`,
      )
      .all() as Array<{ position: number | bigint; event_id: string; event_type: string; stream_id: string; inspection_id: string | null; changes: string }>;
    for (const row of deferred) {
      const event = { ...(JSON.parse(row.changes) as object), type: row.event_type } as CorrectionEvent;
      if (event.type !== 'StatutoryDateCorrected') {
        const summary = summariseEvent(event, lookups(context, row.stream_id, null));
        context.statement(`UPDATE ${context.table('entries')} SET summary = ? WHERE position = ?`).run(summary, row.position);
      }
      applyCorrection(context, row.event_id, row.position, event, row.inspection_id);
    }
    context.statement(`DELETE FROM ${context.table('deferred_corrections')}`).run();
  },
};

type CorrectionEvent = Extract<AnyLedgerEvent, { type: 'RecommendationEntryCorrected' | 'RecommendationEntryDateCorrected' | 'StatutoryDateCorrected' }>;

function defer(context: ProjectionContext, position: bigint, correctsEventId: string): void {
  context.statement(`INSERT OR REPLACE INTO ${context.table('deferred_corrections')} (position, corrects_event_id) VALUES (?, ?)`).run(position, correctsEventId);
}

/** What a correction does to the entries it corrects, once they can be found by event id. */
function applyCorrection(context: ProjectionContext, correctionId: string, position: bigint | number, event: CorrectionEvent, inspectionId: string | null): void {
  if (event.type === 'RecommendationEntryCorrected') return markCorrected(context, correctionId, event.correctsEventId);
  if (event.type === 'RecommendationEntryDateCorrected') return redate(context, correctionId, event.redatedEventIds, event.correctOccurredAt);
  // The step's latest event of its kind before the correction is the one its date was read from.
  const stepEvent = context
    .statement(
      `SELECT event_id FROM ${context.table('entries')} WHERE inspection_id = ? AND aggregate = 'statutory-response' AND position < ?
       AND event_type IN (SELECT value FROM json_each(?)) ORDER BY position DESC LIMIT 1`,
    )
    .pluck()
    .get(inspectionId, position, JSON.stringify(STATUTORY_STEP_EVENTS[event.step])) as string | undefined;
  if (stepEvent !== undefined) redate(context, correctionId, [stepEvent], event.correctDate);
}

/** The events that record each correctable step of a statutory response. */
const STATUTORY_STEP_EVENTS: Record<CorrectableStatutoryStep, StatutoryResponseEvent['type'][]> = {
  invitation: ['ChiefOfficerCommentsInvited'],
  chiefOfficerComments: ['ChiefOfficerCommentsRecorded'],
  commissionerComments: ['CommissionerCommentsRecorded'],
  replyToChiefOfficer: ['ReplyToChiefOfficerRecorded'],
  publication: ['StatutoryResponsePublished', 'ActionPlanPublished'],
};

/**
 * A date correction moves its entries to the day they happened, in the order and in every period
 * read by it; the date first recorded is kept beside it (an SQL SET reads the row as it was).
 */
function redate(context: ProjectionContext, correctionId: string, eventIds: readonly string[], occurredAt: string): void {
  const occurred = occurredTimes(occurredAt);
  const update = context.statement(
    `UPDATE ${context.table('entries')} SET occurred_as_recorded = coalesce(occurred_as_recorded, occurred_at), occurred_at = ?, occurred_key = ?, occurred_on = ?, date_corrected_by = ? WHERE event_id = ?`,
  );
  for (const eventId of eventIds) update.run(occurredAt, occurred.sortKey, occurred.day, correctionId, eventId);
}

function markCorrected(context: ProjectionContext, correctionId: string, correctedId: string): void {
  context.statement(`UPDATE ${context.table('entries')} SET corrected_by = ? WHERE event_id = ?`).run(correctionId, correctedId);
}

/** Generations whose entries are indexed by event id (an index is never dropped from a generation). */
const indexedByEventId = new WeakSet<ProjectionContext>();

/**
 * Whether this generation's entries can be found by event id: not while it loads without its
 * query-only indexes, when a correction is put off until they are built (deferred_corrections).
 */
function entriesByEventId(context: ProjectionContext): boolean {
  if (indexedByEventId.has(context)) return true;
  const [schema] = context.table('entries').split('.');
  const indexed = context
    .statement(`SELECT count(*) FROM ${schema}.sqlite_schema WHERE type = 'index' AND tbl_name = 'entries' AND sql LIKE '%(event_id)'`)
    .pluck()
    .get() as number;
  if (indexed > 0) indexedByEventId.add(context);
  return indexed > 0;
}

/** The ids a stream's entries are filed under, from its first event. */
function newStream(streamId: string, aggregate: AggregateKind, event: AnyLedgerEvent, batch: BatchStreams): StreamRow {
  const row: StreamRow = {
    stream_id: streamId,
    inspection_id: null,
    recommendation_id: null,
    challenge_id: null,
    reference: null,
    status: null,
    statutory_state: null,
  };
  const data = event as unknown as Record<string, unknown>;
  switch (aggregate) {
    case 'inspection':
    case 'statutory-response':
      return { ...row, inspection_id: String(data['inspectionId']) };
    case 'recommendation':
      return { ...row, inspection_id: typeof data['inspectionId'] === 'string' ? data['inspectionId'] : null, recommendation_id: String(data['recommendationId']) };
    case 'challenge': {
      // A challenge about a finding is filed under the finding and its inspection too.
      const recommendationId = typeof data['recommendationId'] === 'string' ? data['recommendationId'] : null;
      const finding = recommendationId === null ? undefined : batch.streams.get(`recommendation-${recommendationId}`);
      const inspectionId = typeof data['inspectionId'] === 'string' ? data['inspectionId'] : (finding?.inspection_id ?? null);
      return { ...row, challenge_id: String(data['challengeId']), recommendation_id: recommendationId, inspection_id: inspectionId, reference: finding?.reference ?? null };
    }
  }
}

function lookups(context: ProjectionContext, streamId: string, statutory: StatutoryResponseState | null): SummaryLookups {
  const label = (kind: LabelKind, id: string) =>
    context.statement(`SELECT label FROM ${context.table('labels')} WHERE stream_id = ? AND kind = ? AND label_id = ?`).pluck().get(streamId, kind, id) as string | undefined;
  return {
    personName(actorId) {
      const person = getRow<{ name: string; role: string }>(context, 'people', 'actor_id', actorId);
      return person ? personLabel(person) : actorId;
    },
    actionDescription: (actionId) => label('action', actionId),
    dependsOn: (dependencyId) => label('dependency', dependencyId),
    evidenceTitle: (evidenceId) => label('evidence', evidenceId),
    // Asked only by a correction; put off while the entries are not indexed by event id.
    entrySummary: (eventId) => (entriesByEventId(context) ? getRow<{ summary: string }>(context, 'entries', 'event_id', eventId)?.summary : undefined),
    timetable() {
      return statutory?.opened ? { reportPublishedOn: statutory.reportPublishedOn, responsePeriodDays: statutory.responsePeriodDays } : undefined;
    },
  };
}

function rememberLabel(context: ProjectionContext, streamId: string, event: AnyLedgerEvent): void {
  const remember = (kind: LabelKind, id: string, text: string) =>
    context.statement(`INSERT OR REPLACE INTO ${context.table('labels')} (stream_id, kind, label_id, label) VALUES (?, ?, ?, ?)`).run(streamId, kind, id, text);
  if (event.type === 'RecommendationActionAdded') remember('action', event.actionId, event.description);
  else if (event.type === 'RecommendationDependencyFlagged') remember('dependency', event.dependencyId, event.dependsOn);
  else if (event.type === 'RecommendationEvidenceSubmitted') remember('evidence', event.evidenceId, event.title);
}

function withoutType(event: AnyLedgerEvent): Omit<AnyLedgerEvent, 'type'> {
  const { type: _type, ...changes } = event;
  return changes;
}
