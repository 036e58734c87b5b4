import type { FindingType, InspectionType, Service } from '@ledger/domain';
import { findingToday, type FindingToday } from '../register/finding-today';
import type { InspectionHeading, RegisterFilter } from '../register/register.queries';
import { Conditions, type Page, type PageRequest, type ReadModelReader } from '../shared/reader';
import type { FindingPositionThen } from './finding-then';
import { basisKey, BASIS_MEANING, endOfDayKey, type Basis } from './history-keys';
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
} & FindingPositionThen &
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
}

/**
 * The register at the end of `date` (Europe/London) in one of two views: by occurredAt ("as it
 * stood", everything recorded to date counted on the day it happened) or by recordedAt ("as the
 * ledger showed it"). Each finding's row is one index seek into its history; the inspection-level
 * filters and the paging run in SQL, so an unfiltered page costs a count and a page of seeks. The
 * filters on what changes over time (status, owner, overdue, blocked) look at every finding the
 * inspection-level filters leave.
 */
export function queryAsAt(reader: ReadModelReader, at: { date: string; basis: Basis }, filter: RegisterFilter, page: PageRequest): AsAtRegister {
  const { date, basis } = at;
  return reader.read(() => {
    const findings = reader.table(HISTORY, 'findings');
    const where = new Conditions().add(`f.first_${basis}_key < @end`, { end: endOfDayKey(date) });
    if (filter.inspectionId !== undefined) where.add('f.inspection_id = @inspectionId', { inspectionId: filter.inspectionId });
    if (filter.inspectionType !== undefined) where.add('f.inspection_type = @inspectionType', { inspectionType: filter.inspectionType });
    if (filter.service !== undefined) where.add('f.service = @service', { service: filter.service });
    if (filter.findingType !== undefined) where.add('f.finding_type = @findingType', { findingType: filter.findingType });
    const select = `SELECT f.*, i.title AS title FROM ${findings} f LEFT JOIN ${reader.table(HISTORY, 'inspections')} i ON i.inspection_id = f.inspection_id
      ${where.toSql()} ORDER BY f.published_on DESC, f.inspection_id, f.number, f.reference`;
    const standing = standingStatement(reader, basis);
    const entryOf = (row: FindingRow) => toEntry(reader, row, standing(row.recommendation_id, endOfDayKey(date)), date, basis);
    const answer = (total: number, items: AsAtEntry[]): AsAtRegister => ({ date, basis, basisMeaning: BASIS_MEANING[basis], total, limit: page.limit, offset: page.offset, items });

    if (!changesOverTime(filter)) {
      const total = reader.db.prepare(`SELECT count(*) FROM ${findings} f ${where.toSql()}`).pluck().get(where.params) as number;
      const rows = reader.db.prepare(`${select} LIMIT @__limit OFFSET @__offset`).all({ ...where.params, __limit: page.limit, __offset: page.offset }) as FindingRow[];
      return answer(Number(total), rows.map(entryOf));
    }
    const matching = (reader.db.prepare(select).all(where.params) as FindingRow[]).map(entryOf).filter((entry) => matches(entry, filter));
    return answer(matching.length, matching.slice(page.offset, page.offset + page.limit));
  });
}

/**
 * Where one finding stood at a key in a basis (the last history row below it), or null when the
 * finding had no history yet. Run it inside `reader.read`.
 */
export function standingStatement(reader: ReadModelReader, basis: Basis): (recommendationId: string, beforeKey: string) => FindingPositionThen | null {
  const statement = reader.db
    .prepare(`SELECT standing FROM ${reader.table(HISTORY, 'states')} WHERE basis = ? AND recommendation_id = ? AND from_key < ? ORDER BY from_key DESC, seq DESC LIMIT 1`)
    .pluck();
  return (recommendationId, beforeKey) => {
    const json = statement.get(basis, recommendationId, beforeKey) as string | undefined;
    return json === undefined ? null : (JSON.parse(json) as FindingPositionThen);
  };
}

function changesOverTime(filter: RegisterFilter): boolean {
  return (filter.statuses !== undefined && filter.statuses.length > 0) || filter.owner !== undefined || filter.overdue !== undefined || filter.blocked !== undefined;
}

function matches(entry: AsAtEntry, filter: RegisterFilter): boolean {
  if (filter.statuses !== undefined && filter.statuses.length > 0 && !filter.statuses.includes(entry.status)) return false;
  if (filter.owner !== undefined && !(entry.owner ?? '').toLowerCase().includes(filter.owner.toLowerCase())) return false;
  if (filter.overdue !== undefined && entry.overdue !== filter.overdue) return false;
  if (filter.blocked !== undefined && entry.blocked !== filter.blocked) return false;
  return true;
}

function toEntry(reader: ReadModelReader, row: FindingRow, then: FindingPositionThen | null, date: string, basis: Basis): AsAtEntry {
  if (then === null) throw new Error(`history of ${row.recommendation_id} has no row before the end of ${date}, although the finding is listed from then`);
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
    ...findingToday(position, date),
  };
}

const DECISIONS = `('RecommendationAccepted', 'RecommendationPartiallyAccepted')`;

/** The latest acceptance by the key: a finding has one or two, so they are read and compared here. */
function commitmentThen(reader: ReadModelReader, recommendationId: string, beforeKey: string, basis: Basis): CommitmentThen | null {
  const rows = reader.db
    .prepare(`SELECT type, data, occurred_at, recorded_at, position FROM ${reader.table(HISTORY, 'events')} WHERE recommendation_id = ? AND type IN ${DECISIONS} ORDER BY position`)
    .all(recommendationId) as { type: string; data: string; occurred_at: string; recorded_at: string }[];
  let latest: { key: string; row: (typeof rows)[number] } | null = null;
  for (const row of rows) {
    const key = basisKey(basis, { occurredAt: row.occurred_at, recordedAt: row.recorded_at });
    if (key < beforeKey && (latest === null || key >= latest.key)) latest = { key, row };
  }
  if (latest === null) return null;
  const data = JSON.parse(latest.row.data) as { commitment?: string; acceptedScope?: string; plannedCompletionDate: string | null };
  return {
    what: data.commitment ?? data.acceptedScope ?? '',
    plannedCompletionDate: data.plannedCompletionDate,
    occurredAt: latest.row.occurred_at,
    recordedAt: latest.row.recorded_at,
  };
}
