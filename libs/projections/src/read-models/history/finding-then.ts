import type { FindingSummary } from '../register/finding-summary';

/**
 * Where a finding stood after an event: the compact part of its summary that changes over time
 * and that "as at" shows or judges by. What never changes (reference, text, due date) is kept
 * once per finding.
 */
export interface FindingPositionThen {
  status: FindingSummary['status'];
  decision: FindingSummary['decision'];
  owner: string | null;
  originalTargetDate: string | null;
  targetDate: string | null;
  targetDateRevisions: number;
  pendingTargetDateChange: FindingSummary['pendingTargetDateChange'];
  openDependencies: number;
  openActions: number;
  latestProgress: { percentComplete: number | null; rag: NonNullable<FindingSummary['latestProgress']>['rag']; reportedOn: string } | null;
  completedOn: string | null;
  verifiedOn: string | null;
  closedOn: string | null;
}

/**
 * What a history row keeps of a standing: all of it but the latest progress, which changes with
 * nearly every event of a finding (most are progress reports) and is read instead from the
 * history's copy of the latest report by the day asked (`progressThen`). A row is written only
 * when this changes: a few per finding instead of one per event.
 */
export type StoredStanding = Omit<FindingPositionThen, 'latestProgress'>;

/** The standing again, with its latest progress in the place it always had. */
export function standingWith(stored: StoredStanding, latestProgress: FindingPositionThen['latestProgress']): FindingPositionThen {
  return {
    status: stored.status,
    decision: stored.decision,
    owner: stored.owner,
    originalTargetDate: stored.originalTargetDate,
    targetDate: stored.targetDate,
    targetDateRevisions: stored.targetDateRevisions,
    pendingTargetDateChange: stored.pendingTargetDateChange,
    openDependencies: stored.openDependencies,
    openActions: stored.openActions,
    latestProgress,
    completedOn: stored.completedOn,
    verifiedOn: stored.verifiedOn,
    closedOn: stored.closedOn,
  };
}

export function positionOf(summary: FindingSummary): StoredStanding {
  return {
    status: summary.status,
    decision: summary.decision,
    owner: summary.owner,
    originalTargetDate: summary.originalTargetDate,
    targetDate: summary.targetDate,
    targetDateRevisions: summary.targetDateRevisions,
    pendingTargetDateChange: summary.pendingTargetDateChange,
    openDependencies: summary.openDependencies.length,
    openActions: summary.openActions,
    completedOn: summary.completedOn,
    verifiedOn: summary.verifiedOn,
    closedOn: summary.closedOn,
  };
}
