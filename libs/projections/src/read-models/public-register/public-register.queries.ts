import type { FindingType, RecommendationStatus, Service } from '@ledger/domain';
import { EMPTY_LEDGER_DIGEST } from '@ledger/integrity';
import type { ReadModelReader } from '../shared/reader';
import { PUBLIC_REGISTER } from './public-register.projection';

/** One revision of a finding's target date: the first setting (no from, no reason), or an approved change with its reason. */
export interface PublicTargetDateRevision {
  on: string;
  from: string | null;
  to: string;
  reason: string | null;
}

export interface PublicInspection {
  inspectionId: string;
  title: string;
  service: Service;
  reportPublishedOn: string;
  reportUrl: string | null;
  responseDeadline: string | null;
  /** How many times the response's deadline was revised: the calendar's SEQUENCE. */
  deadlineRevisions: number;
  /** When the office published its response (police) or action plan (fire): from then on it is public. */
  responsePublishedOn: string | null;
  responseUrl: string | null;
}

export interface PublicFinding {
  findingId: string;
  inspectionId: string;
  reference: string;
  number: number;
  findingType: FindingType;
  text: string;
  dueDate: string | null;
  status: RecommendationStatus;
  targetDate: string | null;
  /** Settings and approved changes of the target date: one less is the calendar's SEQUENCE. */
  targetDateRevisions: number;
  ownerOrganisation: string | null;
  completedOn: string | null;
  closedOn: string | null;
  closedByInspectorateOn: string | null;
}

/** Something that changed on the public record, for the Atom feed. */
export interface PublicChange {
  eventId: string;
  inspectionId: string;
  findingId: string | null;
  /** When it was recorded (UTC ISO-8601): the feed entry's `updated`. */
  recordedAt: string;
  /** When it happened, a London day. */
  on: string;
  title: string;
}

/** The running ledger digest and the switch, as at the last event the projection applied. */
export interface PublicLedgerState {
  registerEnabled: boolean;
  /** The ledger digest over every event applied (the figure `ledger verify` gives as at that event). */
  digest: string;
  events: number;
  position: bigint | null;
}

interface InspectionRow {
  inspection_id: string;
  title: string;
  service: Service;
  report_published_on: string;
  report_url: string | null;
  response_deadline: string | null;
  deadline_revisions: number;
  response_published_on: string | null;
  response_url: string | null;
}

interface FindingRow {
  finding_id: string;
  inspection_id: string;
  reference: string;
  number: number;
  finding_type: FindingType;
  text: string;
  due_date: string | null;
  status: RecommendationStatus;
  target_date: string | null;
  target_date_revisions: number;
  owner_organisation: string | null;
  completed_on: string | null;
  closed_on: string | null;
  closed_by_inspectorate_on: string | null;
}

const table = (reader: ReadModelReader, name: string) => reader.table(PUBLIC_REGISTER, name);

export function publicLedgerState(reader: ReadModelReader): PublicLedgerState {
  // Safe integers: a log position (a byte offset in EventStoreDB) may pass 2^53.
  const row = reader.read(
    () =>
      reader.db.prepare(`SELECT register_enabled, digest, events, position FROM ${table(reader, 'ledger')} WHERE id = 1`).safeIntegers(true).get() as
        | { register_enabled: bigint; digest: string; events: bigint; position: bigint | null }
        | undefined,
  );
  if (!row) return { registerEnabled: false, digest: EMPTY_LEDGER_DIGEST, events: 0, position: null };
  return { registerEnabled: row.register_enabled === 1n, digest: row.digest, events: Number(row.events), position: row.position };
}

/** Published inspections, the latest published first. */
export function publishedInspections(reader: ReadModelReader): PublicInspection[] {
  return reader.read(() =>
    (reader.db.prepare(`SELECT * FROM ${table(reader, 'inspections')} WHERE response_published_on IS NOT NULL ORDER BY response_published_on DESC, title`).all() as InspectionRow[]).map(toInspection),
  );
}

/** Every inspection, published or not (the calendars of signed-in people). */
export function allPublicRegisterInspections(reader: ReadModelReader): PublicInspection[] {
  return reader.read(() => (reader.db.prepare(`SELECT * FROM ${table(reader, 'inspections')} ORDER BY inspection_id`).all() as InspectionRow[]).map(toInspection));
}

export function findPublicInspection(reader: ReadModelReader, inspectionId: string): PublicInspection | undefined {
  const row = reader.read(() => reader.db.prepare(`SELECT * FROM ${table(reader, 'inspections')} WHERE inspection_id = ?`).get(inspectionId) as InspectionRow | undefined);
  return row && toInspection(row);
}

/** An inspection's issued findings, in the inspection's order. */
export function publicFindingsOf(reader: ReadModelReader, inspectionId: string): PublicFinding[] {
  return reader.read(() =>
    (
      reader.db
        .prepare(`SELECT * FROM ${table(reader, 'findings')} WHERE inspection_id = ? AND reference IS NOT NULL AND ordinal >= 0 ORDER BY ordinal`)
        .all(inspectionId) as FindingRow[]
    ).map(toFinding),
  );
}

/** Each finding's target-date revisions, in log order, by finding id, for one inspection. */
export function publicTargetDateRevisions(reader: ReadModelReader, inspectionId: string): Map<string, PublicTargetDateRevision[]> {
  const rows = reader.read(
    () =>
      reader.db
        .prepare(
          `SELECT r.finding_id, r.on_day, r.from_date, r.to_date, r.reason FROM ${table(reader, 'revisions')} r
           JOIN ${table(reader, 'findings')} f ON f.finding_id = r.finding_id WHERE f.inspection_id = ? ORDER BY r.position`,
        )
        .all(inspectionId) as { finding_id: string; on_day: string; from_date: string | null; to_date: string; reason: string | null }[],
  );
  const byFinding = new Map<string, PublicTargetDateRevision[]>();
  for (const row of rows) {
    const list = byFinding.get(row.finding_id) ?? [];
    list.push({ on: row.on_day, from: row.from_date, to: row.to_date, reason: row.reason });
    byFinding.set(row.finding_id, list);
  }
  return byFinding;
}

/** Changes on published inspections, the latest first. */
export function publicChanges(reader: ReadModelReader, limit: number): PublicChange[] {
  return reader.read(() =>
    (
      reader.db
        .prepare(
          `SELECT c.event_id, c.inspection_id, c.finding_id, c.recorded_at, c.on_day, c.title FROM ${table(reader, 'changes')} c
           JOIN ${table(reader, 'inspections')} i ON i.inspection_id = c.inspection_id
           WHERE i.response_published_on IS NOT NULL ORDER BY c.position DESC LIMIT ?`,
        )
        .all(limit) as { event_id: string; inspection_id: string; finding_id: string | null; recorded_at: string; on_day: string; title: string }[]
    ).map((row) => ({ eventId: row.event_id, inspectionId: row.inspection_id, findingId: row.finding_id, recordedAt: row.recorded_at, on: row.on_day, title: row.title })),
  );
}

function toInspection(row: InspectionRow): PublicInspection {
  return {
    inspectionId: row.inspection_id,
    title: row.title,
    service: row.service,
    reportPublishedOn: row.report_published_on,
    reportUrl: row.report_url,
    responseDeadline: row.response_deadline,
    deadlineRevisions: Number(row.deadline_revisions),
    responsePublishedOn: row.response_published_on,
    responseUrl: row.response_url,
  };
}

function toFinding(row: FindingRow): PublicFinding {
  return {
    findingId: row.finding_id,
    inspectionId: row.inspection_id,
    reference: row.reference,
    number: Number(row.number),
    findingType: row.finding_type,
    text: row.text,
    dueDate: row.due_date,
    status: row.status,
    targetDate: row.target_date,
    targetDateRevisions: Number(row.target_date_revisions),
    ownerOrganisation: row.owner_organisation,
    completedOn: row.completed_on,
    closedOn: row.closed_on,
    closedByInspectorateOn: row.closed_by_inspectorate_on,
  };
}
