import { daysBetween } from '@ledger/domain';
import type { Person, Represented } from '../shared/envelope';
import { Conditions, pageOf, type Page, type PageRequest, type ReadModelReader } from '../shared/reader';
import { endOfDayKey, type AsAt } from '../history/history-keys';
import { londonDayOf } from '../shared/envelope';
import { CHALLENGES, type ChallengeAnswer } from './challenges.projection';

export const CHALLENGE_STATUSES = ['open', 'closed', 'all'] as const;
export type ChallengeStatusFilter = (typeof CHALLENGE_STATUSES)[number];

export interface ChallengeFilter {
  /** Open ones unless asked otherwise. */
  status: ChallengeStatusFilter;
  inspectionId?: string;
  recommendationId?: string;
  /** Only challenges past their answer date with no answer (true), or the others (false). */
  answerOverdue?: boolean;
}

export interface ChallengeEntry {
  challengeId: string;
  forum: string;
  meetingDate: string;
  question: string;
  answerDueBy: string;
  inspectionId: string | null;
  recommendationId: string | null;
  reference: string | null;
  raisedBy: Person;
  /** Whom the challenge was raised for (a panel member, by the office); null when the recorder raised it for themselves. */
  raisedOnBehalfOf: Represented | null;
  raisedAt: string;
  /** When the ledger recorded the challenge (raisedAt is when it was raised). */
  raisedRecordedAt: string;
  answers: ChallengeAnswer[];
  status: 'open' | 'closed';
  closedOn: string | null;
  outcome: string | null;
  closedBy: Person | null;
  closedOnBehalfOf: Represented | null;
  /** Open, unanswered and past its answer date. */
  answerOverdue: boolean;
  daysOverdue: number | null;
  /** The first answer came after the answer date. */
  answeredLate: boolean | null;
}

interface ChallengeRow {
  challenge_id: string;
  forum: string;
  meeting_date: string;
  question: string;
  answer_due_by: string;
  inspection_id: string | null;
  recommendation_id: string | null;
  reference: string | null;
  raised_by: string;
  raised_at: string;
  raised_recorded_at: string;
  answers: string;
  first_answered_on: string | null;
  closed_on: string | null;
  outcome: string | null;
  closed_by: string | null;
  raised_on_behalf_of: string | null;
  closed_on_behalf_of: string | null;
}

const OVERDUE_SQL = '(closed_on IS NULL AND first_answered_on IS NULL AND answer_due_by < @today)';

/** Scrutiny challenges, the earliest answer date first. */
export function queryChallenges(reader: ReadModelReader, filter: ChallengeFilter, page: PageRequest, today: string): Page<ChallengeEntry> {
  return pageOf<ChallengeRow, ChallengeEntry>(
    reader,
    () => {
      const where = new Conditions().bind({ today });
      if (filter.status === 'open') where.add('closed_on IS NULL');
      if (filter.status === 'closed') where.add('closed_on IS NOT NULL');
      if (filter.inspectionId !== undefined) where.add('inspection_id = @inspectionId', { inspectionId: filter.inspectionId });
      if (filter.recommendationId !== undefined) where.add('recommendation_id = @recommendationId', { recommendationId: filter.recommendationId });
      if (filter.answerOverdue !== undefined) where.add(filter.answerOverdue ? OVERDUE_SQL : `NOT ${OVERDUE_SQL}`);
      return { columns: '*', from: reader.table(CHALLENGES, 'challenges'), where, orderBy: 'answer_due_by, position' };
    },
    page,
    (row) => toEntry(row, today),
  );
}

/** One challenge by its id, or null. */
export function findChallenge(reader: ReadModelReader, challengeId: string, today: string): ChallengeEntry | null {
  const row = reader.read(
    () => reader.db.prepare(`SELECT * FROM ${reader.table(CHALLENGES, 'challenges')} WHERE challenge_id = ?`).get(challengeId) as ChallengeRow | undefined,
  );
  return row === undefined ? null : toEntry(row, today);
}

/**
 * Scrutiny challenges as they stood at the end of a day in its basis: those raised (or recorded)
 * by then, with the answers given (or recorded) by then, open unless closed (or the closing
 * recorded) by then, and judged on that day.
 */
export function queryChallengesAsAt(reader: ReadModelReader, filter: Omit<ChallengeFilter, 'answerOverdue'>, page: PageRequest, asAt: AsAt): Page<ChallengeEntry> {
  const raised = `raised_${asAt.basis}_key`;
  const closed = `closed_${asAt.basis}_key`;
  return pageOf<ChallengeRow & { closed_then: number }, ChallengeEntry>(
    reader,
    () => {
      const where = new Conditions().add(`${raised} < @end`, { end: endOfDayKey(asAt.date) });
      if (filter.status === 'open') where.add(`(${closed} IS NULL OR ${closed} >= @end)`);
      if (filter.status === 'closed') where.add(`${closed} < @end`);
      if (filter.inspectionId !== undefined) where.add('inspection_id = @inspectionId', { inspectionId: filter.inspectionId });
      if (filter.recommendationId !== undefined) where.add('recommendation_id = @recommendationId', { recommendationId: filter.recommendationId });
      return { columns: `*, coalesce(${closed} < @end, 0) AS closed_then`, from: reader.table(CHALLENGES, 'challenges'), where, orderBy: 'answer_due_by, position' };
    },
    page,
    (row) => toEntry(challengeThen(row, asAt), asAt.date),
  );
}

/** A challenge's row with only the answers and the closing given (or recorded) by the end of the day. */
function challengeThen(row: ChallengeRow & { closed_then: number }, asAt: AsAt): ChallengeRow {
  const answers = (JSON.parse(row.answers) as ChallengeAnswer[]).filter((answer) => (asAt.basis === 'occurred' ? answer.answeredOn : londonDayOf(answer.recordedAt)) <= asAt.date);
  const first = answers.reduce<string | null>((earliest, answer) => (earliest === null || answer.answeredOn < earliest ? answer.answeredOn : earliest), null);
  const closing = row.closed_then === 1 ? {} : { closed_on: null, outcome: null, closed_by: null, closed_on_behalf_of: null };
  return { ...row, answers: JSON.stringify(answers), first_answered_on: first, ...closing };
}

function toEntry(row: ChallengeRow, today: string): ChallengeEntry {
  const open = row.closed_on === null;
  const late = daysBetween(row.answer_due_by, today);
  const overdue = open && row.first_answered_on === null && late > 0;
  return {
    challengeId: row.challenge_id,
    forum: row.forum,
    meetingDate: row.meeting_date,
    question: row.question,
    answerDueBy: row.answer_due_by,
    inspectionId: row.inspection_id,
    recommendationId: row.recommendation_id,
    reference: row.reference,
    raisedBy: JSON.parse(row.raised_by) as Person,
    raisedOnBehalfOf: row.raised_on_behalf_of === null ? null : (JSON.parse(row.raised_on_behalf_of) as Represented),
    raisedAt: row.raised_at,
    raisedRecordedAt: row.raised_recorded_at,
    answers: JSON.parse(row.answers) as ChallengeAnswer[],
    status: open ? 'open' : 'closed',
    closedOn: row.closed_on,
    outcome: row.outcome,
    closedBy: row.closed_by === null ? null : (JSON.parse(row.closed_by) as Person),
    closedOnBehalfOf: row.closed_on_behalf_of === null ? null : (JSON.parse(row.closed_on_behalf_of) as Represented),
    answerOverdue: overdue,
    daysOverdue: overdue ? late : null,
    answeredLate: row.first_answered_on === null ? null : row.first_answered_on > row.answer_due_by,
  };
}
