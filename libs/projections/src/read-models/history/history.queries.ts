import type Database from 'better-sqlite3';
import { OPEN_RECOMMENDATION_STATUSES, occurredTimes, type FindingType, type InspectionType, type Service } from '@ledger/domain';
import { findingToday, OVERDUE_STATUSES, type FindingToday } from '../register/finding-today';
import type { InspectionHeading, RegisterFilter } from '../register/register.queries';
import { Conditions, containsPattern, type Page, type PageRequest, type ReadModelReader } from '../shared/reader';
import type { SqlValue } from '../shared/rows';
import { standingWith, type FindingPositionThen, type StoredStanding } from './finding-then';
import { BASIS_MEANING, endOfDayKey, type Basis } from './history-keys';
import { HISTORY } from './history.projection';

/** What was committed to, as it stood then: the latest decision by the day asked. */
export interface CommitmentThen {
  what: string;
  plannedCompletionDate: string | null;
  occurredAt: string;
  recordedAt: string;
}

/** A finding as it stood at the end of a day, judged against that day. */
export type AsAtEntry = {
  recommendationId: string;
  inspectionId: string;
  reference: string;
  number: number;
  findingType: FindingType;
  text: string;
  /** The inspectorate's own due date. */
  dueDate: string | null;
  inspection: InspectionHeading | null;
  commitment: CommitmentThen | null;
  /** The latest progress reported by then, with its narrative. */
  latestProgress: (NonNullable<FindingPositionThen['latestProgress']> & { narrative: string }) | null;
} & Omit<FindingPositionThen, 'latestProgress'> &
  FindingToday;

export interface AsAtRegister extends Page<AsAtEntry> {
  /** The day asked for: the register at the end of it, Europe/London; overdue and RAG are judged on it. */
  date: string;
  basis: Basis;
  /** The basis in words, for the reader: which time this answer orders and judges by. */
  basisMeaning: string;
}

interface FindingRow {
  recommendation_id: string;
  inspection_id: string;
  reference: string;
  number: number;
  finding_type: FindingType;
  text: string;
  due_date: string | null;
  title: string | null;
  inspection_type: InspectionType | null;
  service: Service | null;
  published_on: string | null;
  standing: string | null;
}

/**
 * The register at the end of `date` (Europe/London) in one of two views: by occurredAt ("as it
 * stood", everything recorded to date counted on the day it happened) or by recordedAt ("as the
 * ledger showed it"). Each finding's standing is one primary-key seek into its history, done by
 * SQLite; the filters, on the inspection and on what changes over time alike, and the paging run
 * in SQL, so no finding outside the page is parsed or judged in JavaScript.
 */
export function queryAsAt(reader: ReadModelReader, at: { date: string; basis: Basis }, filter: RegisterFilter, page: PageRequest): AsAtRegister {
  const { date, basis } = at;
  return reader.read(() => {
    const findings = reader.table(HISTORY, 'findings');
    const where = new Conditions().add(`f.first_${basis}_key < @end`).bind({ end: endOfDayKey(date), basis, date });
    if (filter.inspectionId !== undefined) where.add('f.inspection_id = @inspectionId', { inspectionId: filter.inspectionId });
    if (filter.inspectionType !== undefined) where.add('f.inspection_type = @inspectionType', { inspectionType: filter.inspectionType });
    if (filter.service !== undefined) where.add('f.service = @service', { service: filter.service });
    if (filter.findingType !== undefined) where.add('f.finding_type = @findingType', { findingType: filter.findingType });
    const standing = `(SELECT s.standing FROM ${reader.table(HISTORY, 'states')} s
      WHERE s.basis = @basis AND s.recommendation_id = f.recommendation_id AND s.from_key < @end ORDER BY s.from_key DESC, s.seq DESC LIMIT 1)`;
    const from = `${findings} f LEFT JOIN ${reader.table(HISTORY, 'inspections')} i ON i.inspection_id = f.inspection_id`;
    const order = 'ORDER BY f.published_on DESC, f.inspection_id, f.number, f.reference';
    const entryOf = (row: FindingRow) => toEntry(reader, row, date, basis);
    const answer = (total: number, items: AsAtEntry[]): AsAtRegister => ({ date, basis, basisMeaning: BASIS_MEANING[basis], total, limit: page.limit, offset: page.offset, items });

    const changing = changingConditions(filter);
    if (changing.length === 0) {
      const total = cached(reader, `SELECT count(*) FROM ${findings} f ${where.toSql()}`).pluck().get(where.params) as number;
      const rows = cached(reader, `SELECT f.*, i.title AS title, ${standing} AS standing FROM ${from} ${where.toSql()} ${order} LIMIT @__limit OFFSET @__offset`).all({
        ...where.params,
        __limit: page.limit,
        __offset: page.offset,
      }) as FindingRow[];
      return answer(Number(total), rows.map(entryOf));
    }
    // The spans that cover the end of the day, filtered and counted by index; only the page's findings are read in full.
    const spans = new Conditions().add('sp.basis = @basis AND sp.from_key < @end AND sp.to_key >= @end').bind({ end: endOfDayKey(date), basis, date });
    for (const condition of changing) spans.add(condition.sql, condition.params);
    if (filter.inspectionId !== undefined) spans.add('sp.inspection_id = @inspectionId', { inspectionId: filter.inspectionId });
    // The other filters are on the finding and its inspection: they join the findings.
    const joined = filter.inspectionType !== undefined || filter.service !== undefined || filter.findingType !== undefined;
    const covering = joined ? `${reader.table(HISTORY, 'spans')} sp JOIN ${findings} f ON f.recommendation_id = sp.recommendation_id` : `${reader.table(HISTORY, 'spans')} sp`;
    if (filter.inspectionType !== undefined) spans.add('f.inspection_type = @inspectionType', { inspectionType: filter.inspectionType });
    if (filter.service !== undefined) spans.add('f.service = @service', { service: filter.service });
    if (filter.findingType !== undefined) spans.add('f.finding_type = @findingType', { findingType: filter.findingType });
    const total = cached(reader, `SELECT count(*) FROM ${covering} ${spans.toSql()}`).pluck().get(spans.params) as number;
    const rows = cached(
      reader,
      `SELECT f.*, i.title AS title, ${standing} AS standing
       FROM (SELECT sp.recommendation_id FROM ${covering} ${spans.toSql()} ORDER BY sp.published_on DESC, sp.inspection_id, sp.number, sp.reference LIMIT @__limit OFFSET @__offset) p
       JOIN ${findings} f ON f.recommendation_id = p.recommendation_id LEFT JOIN ${reader.table(HISTORY, 'inspections')} i ON i.inspection_id = f.inspection_id ${order}`,
    ).all({ ...spans.params, __limit: page.limit, __offset: page.offset }) as FindingRow[];
    return answer(Number(total), rows.map(entryOf));
  });
}

/** A statement prepared once per database and SQL text (table names are in the text, so a swap prepares anew). */
const statements = new WeakMap<object, Map<string, Database.Statement>>();

function cached(reader: ReadModelReader, sql: string): Database.Statement {
  let forDb = statements.get(reader.db);
  if (forDb === undefined) statements.set(reader.db, (forDb = new Map()));
  let statement = forDb.get(sql);
  if (statement === undefined) {
    if (forDb.size > 200) forDb.clear();
    forDb.set(sql, (statement = reader.db.prepare(sql)));
  }
  return statement;
}

const quoted = (values: readonly string[]) => values.map((value) => `'${value}'`).join(', ');
/** findingToday's `overdue` on @date, in SQL over a span: open work past the due date or the target date. */
const OVERDUE = `(sp.status IN (${quoted(OVERDUE_STATUSES)}) AND (sp.target_date < @date OR sp.due_date < @date))`;
const BLOCKED = `(sp.status IN (${quoted(OPEN_RECOMMENDATION_STATUSES)}) AND sp.open_dependencies > 0)`;

/** The filters on what changes over time, as conditions on the span (`sp`) of each finding that covers the day. */
function changingConditions(filter: RegisterFilter): { sql: string; params: Record<string, SqlValue> }[] {
  const conditions: { sql: string; params: Record<string, SqlValue> }[] = [];
  if (filter.statuses !== undefined && filter.statuses.length > 0) {
    const names = filter.statuses.map((_, index) => `status${index}`);
    conditions.push({ sql: `sp.status IN (${names.map((n) => `@${n}`).join(', ')})`, params: Object.fromEntries(names.map((n, index) => [n, filter.statuses?.[index] ?? null])) });
  }
  if (filter.owner !== undefined) conditions.push({ sql: `sp.owner LIKE @owner ESCAPE '\\'`, params: { owner: containsPattern(filter.owner) } });
  if (filter.overdue !== undefined) conditions.push({ sql: filter.overdue ? OVERDUE : `NOT ${OVERDUE}`, params: {} });
  if (filter.blocked !== undefined) conditions.push({ sql: filter.blocked ? BLOCKED : `NOT ${BLOCKED}`, params: {} });
  return conditions;
}

function toEntry(reader: ReadModelReader, row: FindingRow, date: string, basis: Basis): AsAtEntry {
  if (row.standing === null) throw new Error(`history of ${row.recommendation_id} has no row before the end of ${date}, although the finding is listed from then`);
  const progress = progressThen(reader, row.recommendation_id, endOfDayKey(date), basis);
  const then = standingWith(JSON.parse(row.standing) as StoredStanding, progress === null ? null : { percentComplete: progress.percentComplete, rag: progress.rag, reportedOn: progress.reportedOn });
  const position = { ...then, dueDate: row.due_date };
  return {
    recommendationId: row.recommendation_id,
    inspectionId: row.inspection_id,
    reference: row.reference,
    number: Number(row.number),
    findingType: row.finding_type,
    text: row.text,
    dueDate: row.due_date,
    inspection:
      row.title === null || row.inspection_type === null || row.service === null || row.published_on === null
        ? null
        : { inspectionId: row.inspection_id, title: row.title, inspectionType: row.inspection_type, service: row.service, publishedOn: row.published_on },
    commitment: commitmentThen(reader, row.recommendation_id, endOfDayKey(date), basis),
    ...then,
    latestProgress: progress,
    ...findingToday(position, date),
  };
}

const DECISIONS = `('RecommendationAccepted', 'RecommendationPartiallyAccepted')`;

/** The latest acceptance by the key: a finding has one or two. */
function commitmentThen(reader: ReadModelReader, recommendationId: string, beforeKey: string, basis: Basis): CommitmentThen | null {
  const row = cached(
    reader,
    // As the ledger showed it, a re-dated decision keeps the date first recorded until its correction was recorded.
    `SELECT data, ${basis === 'recorded' ? `CASE WHEN redated_recorded_key >= @beforeKey THEN first_occurred_at ELSE occurred_at END AS occurred_at` : 'occurred_at'}, recorded_at
     FROM ${reader.table(HISTORY, 'events')} WHERE recommendation_id = @recommendationId AND type IN ${DECISIONS} AND ${basis}_key < @beforeKey
     ORDER BY ${basis}_key DESC, recorded_at DESC, position DESC LIMIT 1`,
  ).get({ recommendationId, beforeKey }) as { data: string; occurred_at: string; recorded_at: string } | undefined;
  if (row === undefined) return null;
  const data = JSON.parse(row.data) as { commitment?: string; acceptedScope?: string; plannedCompletionDate: string | null };
  return { what: data.commitment ?? data.acceptedScope ?? '', plannedCompletionDate: data.plannedCompletionDate, occurredAt: row.occurred_at, recordedAt: row.recorded_at };
}

type ProgressThen = NonNullable<AsAtEntry['latestProgress']>;

/**
 * The latest progress report by the key, in the basis order the standing was folded in, as the
 * fold saw it: reported on the day it happened; as the ledger showed it, on the day first recorded
 * (a date correction refolds only the history as it stood).
 */
function progressThen(reader: ReadModelReader, recommendationId: string, beforeKey: string, basis: Basis): ProgressThen | null {
  const row = cached(
    reader,
    `SELECT data, ${basis === 'recorded' ? 'coalesce(first_occurred_at, occurred_at)' : 'occurred_at'} AS occurred_at FROM ${reader.table(HISTORY, 'events')}
     WHERE recommendation_id = ? AND type = 'RecommendationProgressRecorded' AND ${basis}_key < ?
     ORDER BY ${basis}_key DESC, recorded_at DESC, position DESC LIMIT 1`,
  ).get(recommendationId, beforeKey) as { data: string; occurred_at: string } | undefined;
  if (row === undefined) return null;
  const data = JSON.parse(row.data) as { narrative?: unknown; percentComplete: number | null; rag: ProgressThen['rag'] };
  return { percentComplete: data.percentComplete, rag: data.rag, reportedOn: occurredTimes(row.occurred_at).day, narrative: String(data.narrative ?? '') };
}
