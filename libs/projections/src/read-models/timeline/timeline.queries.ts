import type { RecommendationStatus } from '@ledger/domain';
import type { Person, Represented } from '../shared/envelope';
import { Conditions, pageOf, type Page, type PageRequest, type ReadModelReader } from '../shared/reader';
import { TIMELINE } from './timeline.projection';

/** One event as the timeline shows it. */
export interface TimelineEntry {
  /** Log position, as a decimal string (it is a 64-bit number). */
  position: string;
  eventId: string;
  streamId: string;
  aggregate: string;
  inspectionId: string | null;
  recommendationId: string | null;
  challengeId: string | null;
  reference: string | null;
  eventType: string;
  /** What changed, in words. */
  summary: string;
  /** What changed, as recorded: the event's data. */
  changes: Record<string, unknown>;
  actor: Person;
  onBehalfOf: Represented | null;
  occurredAt: string;
  recordedAt: string;
  occurredOn: string;
  recordedOn: string;
  source: string;
  commandId: string;
  correlationId: string;
  causationId: string;
  statusBefore: RecommendationStatus | null;
  statusAfter: RecommendationStatus | null;
  /** The event id of a later correction of this entry: the entry stays as recorded. */
  correctedBy: string | null;
}

interface EntryRow {
  position: number | bigint;
  event_id: string;
  stream_id: string;
  aggregate: string;
  inspection_id: string | null;
  recommendation_id: string | null;
  challenge_id: string | null;
  reference: string | null;
  event_type: string;
  summary: string;
  changes: string;
  actor_id: string;
  actor_name: string;
  actor_role: string;
  actor_organisation: string;
  on_behalf_of_name: string | null;
  on_behalf_of_role: string | null;
  on_behalf_of_organisation: string | null;
  occurred_at: string;
  recorded_at: string;
  occurred_on: string;
  recorded_on: string;
  source: string;
  command_id: string;
  correlation_id: string;
  causation_id: string;
  status_before: RecommendationStatus | null;
  status_after: RecommendationStatus | null;
  corrected_by: string | null;
}

function toEntry(row: EntryRow): TimelineEntry {
  return {
    position: String(row.position),
    eventId: row.event_id,
    streamId: row.stream_id,
    aggregate: row.aggregate,
    inspectionId: row.inspection_id,
    recommendationId: row.recommendation_id,
    challengeId: row.challenge_id,
    reference: row.reference,
    eventType: row.event_type,
    summary: row.summary,
    changes: JSON.parse(row.changes) as Record<string, unknown>,
    actor: { id: row.actor_id, name: row.actor_name, role: row.actor_role, organisation: row.actor_organisation },
    onBehalfOf:
      row.on_behalf_of_name === null ? null : { name: row.on_behalf_of_name, role: row.on_behalf_of_role ?? '', organisation: row.on_behalf_of_organisation ?? '' },
    occurredAt: row.occurred_at,
    recordedAt: row.recorded_at,
    occurredOn: row.occurred_on,
    recordedOn: row.recorded_on,
    source: row.source,
    commandId: row.command_id,
    correlationId: row.correlation_id,
    causationId: row.causation_id,
    statusBefore: row.status_before,
    statusAfter: row.status_after,
    correctedBy: row.corrected_by,
  };
}

/** Every entry filed under one finding (its own events and challenges about it), in log order. */
export function recommendationTimeline(reader: ReadModelReader, recommendationId: string): TimelineEntry[] {
  return reader.read(() =>
    (reader.db.prepare(`SELECT * FROM ${reader.table(TIMELINE, 'entries')} WHERE recommendation_id = ? ORDER BY position`).all(recommendationId) as EntryRow[]).map(toEntry),
  );
}

export interface TimelineFilter {
  inspectionId?: string;
  recommendationId?: string;
  challengeId?: string;
  eventType?: string;
}

export function queryTimeline(reader: ReadModelReader, filter: TimelineFilter, page: PageRequest): Page<TimelineEntry> {
  return pageOf<EntryRow, TimelineEntry>(
    reader,
    () => ({ columns: '*', from: reader.table(TIMELINE, 'entries'), where: timelineConditions(filter), orderBy: 'position' }),
    page,
    toEntry,
  );
}

function timelineConditions(filter: TimelineFilter): Conditions {
  const where = new Conditions();
  if (filter.inspectionId !== undefined) where.add('inspection_id = @inspectionId', { inspectionId: filter.inspectionId });
  if (filter.recommendationId !== undefined) where.add('recommendation_id = @recommendationId', { recommendationId: filter.recommendationId });
  if (filter.challengeId !== undefined) where.add('challenge_id = @challengeId', { challengeId: filter.challengeId });
  if (filter.eventType !== undefined) where.add('event_type = @eventType', { eventType: filter.eventType });
  return where;
}

/**
 * Which dates "between" compares: when the ledger recorded an event (the default: what the
 * panel could have known), or when it says the thing happened.
 */
export type ChangeBasis = 'recorded' | 'occurred';

export interface ChangesFilter extends TimelineFilter {
  /** First day, inclusive (YYYY-MM-DD, Europe/London). */
  from: string;
  /** Last day, inclusive. */
  to: string;
  basis: ChangeBasis;
}

/** How one finding moved in the period. */
export interface FindingChange {
  recommendationId: string;
  inspectionId: string | null;
  reference: string | null;
  statusAtStart: RecommendationStatus | null;
  statusAtEnd: RecommendationStatus | null;
  events: number;
}

export interface Changes extends Page<TimelineEntry> {
  from: string;
  to: string;
  basis: ChangeBasis;
  /** Every finding with an event of its own in the period (not paged). */
  findings: FindingChange[];
}

/** What changed between two dates, inclusive: the entries, and each finding's status at both ends. */
export function queryChanges(reader: ReadModelReader, filter: ChangesFilter, page: PageRequest): Changes {
  const day = filter.basis === 'recorded' ? 'recorded_on' : 'occurred_on';
  const where = () => timelineConditions(filter).add(`${day} BETWEEN @from AND @to`, { from: filter.from, to: filter.to });
  return reader.read(() => {
    const entries = pageOf<EntryRow, TimelineEntry>(reader, () => ({ columns: '*', from: reader.table(TIMELINE, 'entries'), where: where(), orderBy: 'position' }), page, toEntry);
    const table = reader.table(TIMELINE, 'entries');
    const conditions = where().add(`aggregate = 'recommendation'`);
    const findings = reader.db
      .prepare(
        `SELECT w.recommendation_id AS recommendationId, w.inspection_id AS inspectionId, w.reference AS reference, w.events AS events,
           (SELECT status_before FROM ${table} WHERE position = w.first) AS statusAtStart,
           (SELECT status_after FROM ${table} WHERE position = w.last) AS statusAtEnd
         FROM (SELECT recommendation_id, max(inspection_id) AS inspection_id, max(reference) AS reference, count(*) AS events,
                 min(position) AS first, max(position) AS last
               FROM ${table} ${conditions.toSql()} GROUP BY recommendation_id) w
         ORDER BY w.inspection_id, w.reference`,
      )
      .all(conditions.params) as (Omit<FindingChange, 'events'> & { events: number | bigint })[];
    return {
      from: filter.from,
      to: filter.to,
      basis: filter.basis,
      ...entries,
      findings: findings.map((finding) => ({ ...finding, events: Number(finding.events) })),
    };
  });
}
