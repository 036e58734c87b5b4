import { daysBetween, isOpenRecommendationStatus, type RecommendationStatus } from '@ledger/domain';
import type { FindingSummary } from './finding-summary';

/**
 * The statuses in which a missed target date makes a finding overdue: the work is still to be
 * done. A completion handed in (AwaitingVerification) or checked (Verified) stops the clock; a
 * return for further work or a reopen starts it again, since the status goes back to InProgress.
 */
export const OVERDUE_STATUSES: readonly RecommendationStatus[] = ['Accepted', 'PartiallyAccepted', 'InProgress'];

/** A target date this close (in days, inclusive) turns the derived RAG amber. */
export const DUE_SOON_DAYS = 28;

export type DerivedRag = 'red' | 'amber' | 'green';

/** What a finding's position means on a given day. Never stored: "today" moves, the log does not. */
export interface FindingToday {
  overdue: boolean;
  /** Whole days past the current target date, when overdue. */
  daysOverdue: number | null;
  /** Days left until the current target date, while the work is open and not yet overdue. */
  daysUntilTarget: number | null;
  /** Still open and waiting on an uncleared dependency on someone outside the force. */
  blocked: boolean;
  /**
   * Red: overdue, or the owner's own latest assessment is red. Amber: blocked, a target-date
   * change awaits a decision, no target date yet, the target date is within DUE_SOON_DAYS, or
   * the owner says amber. Green otherwise; green too once completion is handed in or checked.
   * None for a finding not yet decided or no longer open.
   */
  rag: DerivedRag | null;
  /** Days the current target date lies after the original one. */
  slippageDays: number | null;
}

export function findingToday(summary: FindingSummary, today: string): FindingToday {
  const { status, targetDate, originalTargetDate } = summary;
  const working = OVERDUE_STATUSES.includes(status);
  const untilTarget = working && targetDate !== null ? daysBetween(today, targetDate) : null;
  const overdue = untilTarget !== null && untilTarget < 0;
  const blocked = isOpenRecommendationStatus(status) && summary.openDependencies.length > 0;
  return {
    overdue,
    daysOverdue: overdue ? -untilTarget : null,
    daysUntilTarget: untilTarget !== null && !overdue ? untilTarget : null,
    blocked,
    rag: ragOf(summary, working, overdue, untilTarget, blocked),
    slippageDays: originalTargetDate !== null && targetDate !== null ? daysBetween(originalTargetDate, targetDate) : null,
  };
}

function ragOf(summary: FindingSummary, working: boolean, overdue: boolean, untilTarget: number | null, blocked: boolean): DerivedRag | null {
  if (!isOpenRecommendationStatus(summary.status) || summary.status === 'Issued') return null;
  if (!working) return 'green';
  const own = summary.latestProgress?.rag ?? null;
  if (overdue || own === 'red') return 'red';
  const dueSoon = untilTarget !== null && untilTarget <= DUE_SOON_DAYS;
  if (blocked || summary.pendingTargetDateChange !== null || summary.targetDate === null || dueSoon || own === 'amber') return 'amber';
  return 'green';
}
