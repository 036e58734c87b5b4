import { daysBetween, statutoryDayNumber, type Service } from '@ledger/domain';
import { Conditions, pageOf, type Page, type PageRequest, type ReadModelReader } from '../shared/reader';
import { endOfDayKey, type AsAt } from '../history/history-keys';
import { STATUTORY } from './statutory.projection';

export const STATUTORY_STATES = ['due', 'overdue', 'published-on-time', 'published-late'] as const;
/** due: not yet published, deadline not passed; overdue: not published, deadline passed. */
export type StatutoryState = (typeof STATUTORY_STATES)[number];

export interface StatutoryFilter {
  inspectionId?: string;
  service?: Service;
  states?: readonly StatutoryState[];
}

export interface StatutoryEntry {
  inspectionId: string;
  title: string | null;
  service: Service;
  reportPublishedOn: string;
  responsePeriodDays: number;
  /** The last day of the period (publication day is day 1). */
  dueDate: string;
  timetableRevisedBecause: string | null;
  invitation: { invitedOn: string; commentsDueBy: string | null } | null;
  chiefOfficerCommentsReceivedOn: string | null;
  commissionerCommentsMadeOn: string | null;
  replyMadeOn: string | null;
  publishedOn: string | null;
  publishedAs: 'statutory-response' | 'action-plan' | null;
  url: string | null;
  /** Day of the period on which it was published or, while unpublished, today. */
  dayNumber: number;
  /** Published within the period; false once the period ended unpublished; null while still due. */
  onTime: boolean | null;
  state: StatutoryState;
  /** Days left, while due. */
  daysRemaining: number | null;
  /** Days after the due date it was published, or has gone unpublished. */
  daysLate: number | null;
  copiesSent: { HMICFRS: string | null; HomeSecretary: string | null };
}

interface ResponseRow {
  inspection_id: string;
  title: string | null;
  service: Service;
  report_published_on: string;
  response_period_days: number;
  deadline: string;
  timetable_revised_because: string | null;
  invited_on: string | null;
  comments_due_by: string | null;
  chief_officer_comments_on: string | null;
  commissioner_comments_on: string | null;
  reply_on: string | null;
  published_on: string | null;
  published_as: 'statutory-response' | 'action-plan' | null;
  url: string | null;
  copy_to_hmicfrs_on: string | null;
  copy_to_home_secretary_on: string | null;
  state: StatutoryState;
}

const STATE_SQL = `CASE
  WHEN published_on IS NOT NULL THEN CASE WHEN published_on <= deadline THEN 'published-on-time' ELSE 'published-late' END
  WHEN deadline < @today THEN 'overdue'
  ELSE 'due' END`;

/** Statutory responses, the earliest due first. */
export function queryStatutory(reader: ReadModelReader, filter: StatutoryFilter, page: PageRequest, today: string): Page<StatutoryEntry> {
  return pageOf<ResponseRow, StatutoryEntry>(
    reader,
    () => ({ columns: `*, ${STATE_SQL} AS state`, from: reader.table(STATUTORY, 'responses'), where: statutoryConditions(filter, today), orderBy: 'deadline, inspection_id' }),
    page,
    (row) => toEntry(row, today),
  );
}

/** How many responses are in each state on a given day. */
export function countStatutory(reader: ReadModelReader, filter: StatutoryFilter, today: string): Record<StatutoryState, number> {
  const counts = Object.fromEntries(STATUTORY_STATES.map((state) => [state, 0])) as Record<StatutoryState, number>;
  reader.read(() => {
    const where = statutoryConditions(filter, today);
    const rows = reader.db
      .prepare(`SELECT ${STATE_SQL} AS state, count(*) AS n FROM ${reader.table(STATUTORY, 'responses')} ${where.toSql()} GROUP BY 1`)
      .all(where.params) as { state: StatutoryState; n: number | bigint }[];
    for (const row of rows) counts[row.state] = Number(row.n);
  });
  return counts;
}

function statutoryConditions(filter: StatutoryFilter, today: string): Conditions {
  // A row holding only an inspection's title waits for its response to be opened.
  const where = new Conditions().add('deadline IS NOT NULL').bind({ today });
  if (filter.inspectionId !== undefined) where.add('inspection_id = @inspectionId', { inspectionId: filter.inspectionId });
  if (filter.service !== undefined) where.add('service = @service', { service: filter.service });
  if (filter.states !== undefined && filter.states.length > 0) where.addIn(`(${STATE_SQL})`, 'state', filter.states);
  return where;
}

function toEntry(row: ResponseRow, today: string): StatutoryEntry {
  const period = Number(row.response_period_days);
  const dayNumber = statutoryDayNumber(row.report_published_on, row.published_on ?? today);
  const published = row.published_on !== null;
  const late = daysBetween(row.deadline, row.published_on ?? today);
  return {
    inspectionId: row.inspection_id,
    title: row.title,
    service: row.service,
    reportPublishedOn: row.report_published_on,
    responsePeriodDays: period,
    dueDate: row.deadline,
    timetableRevisedBecause: row.timetable_revised_because,
    invitation: row.invited_on === null ? null : { invitedOn: row.invited_on, commentsDueBy: row.comments_due_by },
    chiefOfficerCommentsReceivedOn: row.chief_officer_comments_on,
    commissionerCommentsMadeOn: row.commissioner_comments_on,
    replyMadeOn: row.reply_on,
    publishedOn: row.published_on,
    publishedAs: row.published_as,
    url: row.url,
    dayNumber,
    onTime: published ? dayNumber <= period : late > 0 ? false : null,
    state: row.state,
    daysRemaining: !published && late <= 0 ? -late : null,
    daysLate: late > 0 ? late : null,
    copiesSent: { HMICFRS: row.copy_to_hmicfrs_on, HomeSecretary: row.copy_to_home_secretary_on },
  };
}

/**
 * One inspection's statutory response as it stood at the end of a day, from its kept steps: in
 * the `occurred` basis each step as now known (corrections included) if it had happened by then;
 * in the `recorded` basis each step as the ledger held it then. Judged on that day. Null when no
 * response had been opened by then.
 */
export function queryStatutoryAsAt(reader: ReadModelReader, inspectionId: string, asAt: AsAt): StatutoryEntry | null {
  return reader.read(() => {
    const steps = reader.table(STATUTORY, 'steps');
    const kept =
      asAt.basis === 'occurred'
        ? `SELECT fields FROM ${steps} WHERE inspection_id = @inspectionId AND corrected = 0 AND occurred_key < @end ORDER BY position`
        : `SELECT fields FROM ${steps} WHERE inspection_id = @inspectionId AND recorded_key < @end ORDER BY position`;
    const rows = reader.db.prepare(kept).all({ inspectionId, end: endOfDayKey(asAt.date) }) as { fields: string }[];
    const fields = Object.assign({}, ...rows.map((row) => JSON.parse(row.fields) as Partial<ResponseRow>)) as Partial<ResponseRow>;
    if (fields.deadline === undefined) return null;
    const title = reader.db.prepare(`SELECT title FROM ${reader.table(STATUTORY, 'responses')} WHERE inspection_id = ?`).pluck().get(inspectionId) as string | null | undefined;
    const row = { ...EMPTY_STEPS, ...fields, inspection_id: inspectionId, title: title ?? null } as Omit<ResponseRow, 'state'>;
    return toEntry({ ...row, state: stateOn(row, asAt.date) }, asAt.date);
  });
}

const EMPTY_STEPS: Partial<ResponseRow> = {
  timetable_revised_because: null,
  invited_on: null,
  comments_due_by: null,
  chief_officer_comments_on: null,
  commissioner_comments_on: null,
  reply_on: null,
  published_on: null,
  published_as: null,
  url: null,
  copy_to_hmicfrs_on: null,
  copy_to_home_secretary_on: null,
};

/** STATE_SQL, for a row put together from its steps. */
function stateOn(row: Pick<ResponseRow, 'published_on' | 'deadline'>, today: string): StatutoryState {
  if (row.published_on !== null) return row.published_on <= row.deadline ? 'published-on-time' : 'published-late';
  return row.deadline < today ? 'overdue' : 'due';
}
