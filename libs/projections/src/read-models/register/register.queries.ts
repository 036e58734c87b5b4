import { OPEN_RECOMMENDATION_STATUSES, type FindingType, type InspectionType, type RecommendationStatus, type Service } from '@ledger/domain';
import { Conditions, containsPattern, pageOf, type Page, type PageRequest, type ReadModelReader } from '../shared/reader';
import type { FindingSummary } from './finding-summary';
import { findingToday, OVERDUE_STATUSES, type FindingToday } from './finding-today';
import type { InspectionSummary } from './inspection-summary';
import { REGISTER } from './register.projection';

export interface RegisterFilter {
  inspectionId?: string;
  inspectionType?: InspectionType;
  findingType?: FindingType;
  service?: Service;
  /** Part of the owner's name, any case. */
  owner?: string;
  /** Any of these statuses. */
  statuses?: readonly RecommendationStatus[];
  overdue?: boolean;
  blocked?: boolean;
}

/** The inspection a finding belongs to, as the register lists it. */
export interface InspectionHeading {
  inspectionId: string;
  title: string;
  inspectionType: InspectionType;
  service: Service;
  publishedOn: string;
}

/** A finding as the register shows it on a given day. */
export type RegisterEntry = Omit<FindingSummary, 'openActionIds' | 'datedBy'> & FindingToday & { inspection: InspectionHeading | null };

interface FindingRow {
  summary: string;
  inspection: string | null;
}

function toRegisterEntry(row: FindingRow, today: string): RegisterEntry {
  const summary = JSON.parse(row.summary) as FindingSummary;
  const { openActionIds: _openActionIds, datedBy: _datedBy, ...finding } = summary;
  const inspection = row.inspection === null ? null : headingOf(JSON.parse(row.inspection) as InspectionSummary);
  return { ...finding, ...findingToday(summary, today), inspection };
}

function headingOf(inspection: InspectionSummary): InspectionHeading {
  const { inspectionId, title, inspectionType, service, publishedOn } = inspection;
  return { inspectionId, title, inspectionType, service, publishedOn };
}

/**
 * Overdue as an SQL condition on the findings table `f`, for today's date in `@today`: open work
 * past the inspectorate's due date or past the current target date (findingToday's `overdue`).
 */
const OVERDUE_SQL = `(f.status IN (${OVERDUE_STATUSES.map((s) => `'${s}'`).join(', ')}) AND (f.target_date < @today OR f.due_date < @today))`;

const OPEN_SQL_LIST = OPEN_RECOMMENDATION_STATUSES.map((s) => `'${s}'`).join(', ');
const BLOCKED_SQL = `(f.status IN (${OPEN_SQL_LIST}) AND f.open_dependencies > 0)`;

/** The register of findings, newest inspection first, findings in their report order. */
export function queryRegister(reader: ReadModelReader, filter: RegisterFilter, page: PageRequest, today: string): Page<RegisterEntry> {
  return pageOf<FindingRow, RegisterEntry>(
    reader,
    () => ({
      columns: 'f.summary AS summary, i.summary AS inspection',
      from: `${reader.table(REGISTER, 'findings')} f LEFT JOIN ${reader.table(REGISTER, 'inspections')} i ON i.inspection_id = f.inspection_id`,
      where: registerConditions(filter, today),
      orderBy: 'i.published_on DESC, f.inspection_id, f.number, f.reference',
    }),
    page,
    (row) => toRegisterEntry(row, today),
  );
}

export function registerConditions(filter: RegisterFilter, today: string): Conditions {
  const where = new Conditions();
  if (filter.inspectionId !== undefined) where.add('f.inspection_id = @inspectionId', { inspectionId: filter.inspectionId });
  if (filter.inspectionType !== undefined) where.add('i.inspection_type = @inspectionType', { inspectionType: filter.inspectionType });
  if (filter.service !== undefined) where.add('i.service = @service', { service: filter.service });
  if (filter.findingType !== undefined) where.add('f.finding_type = @findingType', { findingType: filter.findingType });
  if (filter.owner !== undefined) where.add(`f.owner LIKE @owner ESCAPE '\\'`, { owner: containsPattern(filter.owner) });
  if (filter.statuses !== undefined && filter.statuses.length > 0) where.addIn('f.status', 'status', filter.statuses);
  if (filter.overdue !== undefined) where.add(filter.overdue ? OVERDUE_SQL : `NOT ${OVERDUE_SQL}`, { today });
  if (filter.blocked !== undefined) where.add(filter.blocked ? BLOCKED_SQL : `NOT ${BLOCKED_SQL}`);
  return where;
}

/** One finding with its inspection, or null when the register has no such finding. */
export function findRegisterEntry(reader: ReadModelReader, recommendationId: string, today: string): RegisterEntry | null {
  const row = reader.read(
    () =>
      reader.db
        .prepare(
          `SELECT f.summary AS summary, i.summary AS inspection FROM ${reader.table(REGISTER, 'findings')} f
           LEFT JOIN ${reader.table(REGISTER, 'inspections')} i ON i.inspection_id = f.inspection_id WHERE f.recommendation_id = ?`,
        )
        .get(recommendationId) as FindingRow | undefined,
  );
  return row ? toRegisterEntry(row, today) : null;
}

export interface InspectionFilter {
  inspectionType?: InspectionType;
  service?: Service;
}

/** An inspection with counts of its findings on a given day. */
export interface InspectionEntry extends Omit<InspectionSummary, 'keyFindingsHtml'> {
  findings: { total: number; open: number; overdue: number; blocked: number };
}

export function queryInspections(reader: ReadModelReader, filter: InspectionFilter, page: PageRequest, today: string): Page<InspectionEntry> {
  return pageOf<{ summary: string; total: number; open: number; overdue: number; blocked: number }, InspectionEntry>(
    reader,
    () => {
      const where = new Conditions();
      if (filter.inspectionType !== undefined) where.add('i.inspection_type = @inspectionType', { inspectionType: filter.inspectionType });
      if (filter.service !== undefined) where.add('i.service = @service', { service: filter.service });
      where.bind({ today });
      const findings = reader.table(REGISTER, 'findings');
      const open = `f.status IN (${OPEN_SQL_LIST})`;
      return {
        columns: `i.summary AS summary,
          (SELECT count(*) FROM ${findings} f WHERE f.inspection_id = i.inspection_id) AS total,
          (SELECT count(*) FROM ${findings} f WHERE f.inspection_id = i.inspection_id AND ${open}) AS open,
          (SELECT count(*) FROM ${findings} f WHERE f.inspection_id = i.inspection_id AND ${OVERDUE_SQL}) AS overdue,
          (SELECT count(*) FROM ${findings} f WHERE f.inspection_id = i.inspection_id AND ${BLOCKED_SQL}) AS blocked`,
        from: `${reader.table(REGISTER, 'inspections')} i`,
        where,
        orderBy: 'i.published_on DESC, i.inspection_id',
      };
    },
    page,
    (row) => {
      const { keyFindingsHtml: _html, ...inspection } = JSON.parse(row.summary) as InspectionSummary;
      return { ...inspection, findings: { total: Number(row.total), open: Number(row.open), overdue: Number(row.overdue), blocked: Number(row.blocked) } };
    },
  );
}

export function findInspection(reader: ReadModelReader, inspectionId: string): InspectionSummary | null {
  const summary = reader.read(
    () => reader.db.prepare(`SELECT summary FROM ${reader.table(REGISTER, 'inspections')} WHERE inspection_id = ?`).pluck().get(inspectionId) as string | undefined,
  );
  return summary === undefined ? null : (JSON.parse(summary) as InspectionSummary);
}
