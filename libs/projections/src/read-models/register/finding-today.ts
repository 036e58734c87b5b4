import { isOpenRecommendationStatus, type RecommendationStatus } from '@ledger/domain';
import { daysFromTo } from '../shared/day-count';
import type { FindingSummary } from './finding-summary';

/**
 * The statuses in which a missed date makes a finding overdue: the work is still to be done. A
 * completion handed in (AwaitingVerification) or checked (Verified) stops the clock; a return for
 * further work or a reopen starts it again, since the status goes back to InProgress.
 */
export const OVERDUE_STATUSES: readonly RecommendationStatus[] = ['Accepted', 'PartiallyAccepted', 'InProgress'];

/** A date this close (in days, inclusive) turns the derived RAG amber. */
export const DUE_SOON_DAYS = 28;

export type DerivedRag = 'red' | 'amber' | 'green';

/**
 * What a finding's position means on a given day. Never stored: "today" moves, the log does not.
 * Lateness is judged twice: against the inspectorate's own due date (which never moves) and against
 * the force's current target date (which moves when a change is approved); both are shown, and the
 * summary fields (`overdue`, `daysOverdue`, `rag`) take the worse of the two.
 */
export interface FindingToday {
  /** Open work past the inspectorate's due date or past the current target date. */
  overdue: boolean;
  /** Whole days past the later-missed of the two dates (the larger count), when overdue. */
  daysOverdue: number | null;
  overdueAgainstDueDate: boolean;
  /** Whole days past the inspectorate's due date, while the work is open. */
  daysPastDueDate: number | null;
  overdueAgainstTargetDate: boolean;
  /** Whole days past the current target date, while the work is open. */
  daysPastTargetDate: number | null;
  /** Days left until the current target date, while the work is open and not yet past it. */
  daysUntilTarget: number | null;
  /** Days left until the inspectorate's due date, while the work is open and not yet past it. */
  daysUntilDueDate: number | null;
  /** Still open and waiting on an uncleared dependency on someone outside the force. */
  blocked: boolean;
  /**
   * The worse of `ragAgainstDueDate` and `ragAgainstTargetDate`. None for a finding not yet
   * decided or no longer open; green once completion is handed in or checked.
   */
  rag: DerivedRag | null;
  /**
   * Against the inspectorate's due date (none when it set no date): red when past it or the
   * owner's latest assessment is red; amber when blocked, a target-date change awaits a decision,
   * the date is within DUE_SOON_DAYS, or the owner says amber; green otherwise.
   */
  ragAgainstDueDate: DerivedRag | null;
  /** Against the current target date, by the same rules; amber too while there is no target date. */
  ragAgainstTargetDate: DerivedRag | null;
  /** Days the current target date lies after the original one. */
  slippageDays: number | null;
}

/** The parts of a finding the day's judgement needs. */
export type FindingPosition = Pick<FindingSummary, 'status' | 'dueDate' | 'targetDate' | 'originalTargetDate' | 'pendingTargetDateChange'> & {
  openDependencies: readonly unknown[] | number;
  latestProgress: Pick<NonNullable<FindingSummary['latestProgress']>, 'rag'> | null;
};

interface Against {
  overdue: boolean;
  daysPast: number | null;
  daysUntil: number | null;
  rag: DerivedRag | null;
}

export function findingToday(finding: FindingPosition, today: string): FindingToday {
  const { status, targetDate, originalTargetDate, dueDate } = finding;
  const working = OVERDUE_STATUSES.includes(status);
  const dependencies = typeof finding.openDependencies === 'number' ? finding.openDependencies : finding.openDependencies.length;
  const blocked = isOpenRecommendationStatus(status) && dependencies > 0;
  const judged = isOpenRecommendationStatus(status) && status !== 'Issued';
  const against = (date: string | null, missingIsAmber: boolean): Against => {
    const until = working && date !== null ? daysFromTo(today, date) : null;
    const overdue = until !== null && until < 0;
    const rag = !judged ? null : date === null && !missingIsAmber ? null : ragOf(finding, working, overdue, until, blocked, date === null);
    return { overdue, daysPast: overdue ? -(until as number) : null, daysUntil: until !== null && !overdue ? until : null, rag };
  };
  const due = against(dueDate, false);
  const target = against(targetDate, true);
  const overdue = due.overdue || target.overdue;
  return {
    overdue,
    daysOverdue: overdue ? Math.max(due.daysPast ?? 0, target.daysPast ?? 0) : null,
    overdueAgainstDueDate: due.overdue,
    daysPastDueDate: due.daysPast,
    overdueAgainstTargetDate: target.overdue,
    daysPastTargetDate: target.daysPast,
    daysUntilTarget: target.daysUntil,
    daysUntilDueDate: due.daysUntil,
    blocked,
    rag: worse(due.rag, target.rag),
    ragAgainstDueDate: due.rag,
    ragAgainstTargetDate: target.rag,
    slippageDays: originalTargetDate !== null && targetDate !== null ? daysFromTo(originalTargetDate, targetDate) : null,
  };
}

function ragOf(finding: FindingPosition, working: boolean, overdue: boolean, untilDate: number | null, blocked: boolean, noDate: boolean): DerivedRag {
  if (!working) return 'green';
  const own = finding.latestProgress?.rag ?? null;
  if (overdue || own === 'red') return 'red';
  const dueSoon = untilDate !== null && untilDate <= DUE_SOON_DAYS;
  if (blocked || finding.pendingTargetDateChange !== null || noDate || dueSoon || own === 'amber') return 'amber';
  return 'green';
}

const RANK: Record<DerivedRag, number> = { green: 0, amber: 1, red: 2 };

function worse(a: DerivedRag | null, b: DerivedRag | null): DerivedRag | null {
  if (a === null) return b;
  if (b === null) return a;
  return RANK[a] >= RANK[b] ? a : b;
}
