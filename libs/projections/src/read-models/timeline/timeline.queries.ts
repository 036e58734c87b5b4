import type { RecommendationStatus } from '@ledger/domain';
import { BASIS_MEANING, endOfDayKey, startOfDayKey, type Basis } from '../history/history-keys';
import { HISTORY } from '../history/history.projection';
import type { Person, Represented } from '../shared/envelope';
import { Conditions, pageOf, type Page, type PageRequest, type ReadModelReader } from '../shared/reader';
import { recordingLag, type RecordingLag } from '../shared/recording-lag';
import { TIMELINE } from './timeline.projection';

/** One event as the timeline shows it, with both its times. */
export interface TimelineEntry extends RecordingLag {
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
  /** When it happened: a London day (YYYY-MM-DD) when only the day is known, or a UTC instant. */
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
  /** When a date correction re-dated this entry: the occurredAt first recorded (occurredAt is the corrected one). */
  occurredAsRecorded: string | null;
  /** The event id of the date correction that dates this entry now. */
  dateCorrectedBy: string | null;
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
  occurred_as_recorded: string | null;
  date_corrected_by: string | null;
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
    ...recordingLag(row.occurred_at, row.occurred_on, row.recorded_on),
    source: row.source,
    commandId: row.command_id,
    correlationId: row.correlation_id,
    causationId: row.causation_id,
    statusBefore: row.status_before,
    statusAfter: row.status_after,
    correctedBy: row.corrected_by,
    occurredAsRecorded: row.occurred_as_recorded,
    dateCorrectedBy: row.date_corrected_by,
  };
}

/** The timeline's order: when things happened (a day before any instant of that day), then when they were recorded. */
const OCCURRED_ORDER = 'occurred_key, recorded_at, position';

/** Every entry filed under one finding (its own events and challenges about it), oldest occurrence first. */
export function recommendationTimeline(reader: ReadModelReader, recommendationId: string): TimelineEntry[] {
  return reader.read(() =>
    (reader.db.prepare(`SELECT * FROM ${reader.table(TIMELINE, 'entries')} WHERE recommendation_id = ? ORDER BY ${OCCURRED_ORDER}`).all(recommendationId) as EntryRow[]).map(toEntry),
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
    () => ({ columns: '*', from: reader.table(TIMELINE, 'entries'), where: timelineConditions(filter), orderBy: OCCURRED_ORDER }),
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

/** Which dates "between" compares: when things happened (occurred) or when the ledger recorded them. */
export type ChangeBasis = Basis;

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
  /** Its status at the end of the day before `from`, in the basis asked for (null: not yet issued then). */
  statusAtStart: RecommendationStatus | null;
  /** Its status at the end of `to`, in the basis asked for. */
  statusAtEnd: RecommendationStatus | null;
  events: number;
}

export interface Changes extends Page<TimelineEntry> {
  from: string;
  to: string;
  basis: ChangeBasis;
  /** The basis in words: which time the period and the statuses are read by. */
  basisMeaning: string;
  /** The findings with an event of its own in the period, paged with the same limit and offset as the entries. */
  findings: FindingChange[];
  /** How many findings had an event of their own in the period. */
  findingsTotal: number;
}

/**
 * What changed between two dates, inclusive, by either time: the entries whose day (occurred or
 * recorded) falls in the period, in that time's order, and each finding's status at both ends
 * taken from its history in the same basis, so "by when it happened" takes statuses from the
 * dates of the events, whatever order they were recorded in.
 */
export function queryChanges(reader: ReadModelReader, filter: ChangesFilter, page: PageRequest): Changes {
  // Each order leads with the day column the period is on, so that an index walks the period in order: no sort.
  const day = filter.basis === 'recorded' ? 'recorded_on' : 'occurred_on';
  const order = filter.basis === 'recorded' ? 'recorded_on, position' : `occurred_on, ${OCCURRED_ORDER}`;
  const where = () => timelineConditions(filter).add(`${day} BETWEEN @from AND @to`, { from: filter.from, to: filter.to });
  return reader.read(() => {
    const entries = pageOf<EntryRow, TimelineEntry>(reader, () => ({ columns: '*', from: reader.table(TIMELINE, 'entries'), where: where(), orderBy: order }), page, toEntry);
    const conditions = where().add(`aggregate = 'recommendation'`);
    const table = reader.table(TIMELINE, 'entries');
    const findingsTotal = reader.db.prepare(`SELECT count(DISTINCT recommendation_id) FROM ${table} ${conditions.toSql()}`).pluck().get(conditions.params) as number | bigint;
    // Each finding's status at both ends from its span in the basis asked: one seek, no standing parsed. The findings are
    // counted and grouped from an index of the period; only the page of them is looked up and judged.
    const statusAt = (key: string) =>
      `(SELECT sp.status FROM ${reader.table(HISTORY, 'spans')} sp WHERE sp.basis = @basis AND sp.recommendation_id = m.recommendationId AND sp.from_key < ${key} AND sp.to_key >= ${key})`;
    const moved = reader.db
      .prepare(
        `SELECT m.*, ${statusAt('@startKey')} AS statusAtStart, ${statusAt('@endKey')} AS statusAtEnd FROM (
           SELECT g.recommendationId, f.inspection_id AS inspectionId, f.reference AS reference, g.events
           FROM (SELECT recommendation_id AS recommendationId, count(*) AS events FROM ${table} ${conditions.toSql()} GROUP BY recommendation_id) g
           LEFT JOIN ${reader.table(HISTORY, 'findings')} f ON f.recommendation_id = g.recommendationId
           ORDER BY 2, 3, 1 LIMIT @__limit OFFSET @__offset) m ORDER BY 2, 3, 1`,
      )
      .all({ ...conditions.params, basis: filter.basis, startKey: startOfDayKey(filter.from), endKey: endOfDayKey(filter.to), __limit: page.limit, __offset: page.offset }) as (Omit<
      FindingChange,
      'events'
    > & { events: number | bigint })[];
    const findings = moved.map((finding) => ({ ...finding, events: Number(finding.events) }));
    return { from: filter.from, to: filter.to, basis: filter.basis, basisMeaning: BASIS_MEANING[filter.basis], ...entries, findings, findingsTotal: Number(findingsTotal) };
  });
}
