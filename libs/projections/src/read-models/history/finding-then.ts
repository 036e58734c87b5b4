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

export function positionOf(summary: FindingSummary): FindingPositionThen {
  const progress = summary.latestProgress;
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
    latestProgress: progress === null ? null : { percentComplete: progress.percentComplete, rag: progress.rag, reportedOn: progress.reportedOn },
    completedOn: summary.completedOn,
    verifiedOn: summary.verifiedOn,
    closedOn: summary.closedOn,
  };
}
