import { OPEN_RECOMMENDATION_STATUSES, type RecommendationStatus } from '@ledger/domain';
import { OVERDUE_STATUSES, type TimelineEntry } from '@ledger/projections/read-models';

/** Open and overdue findings at the end of one day. */
export interface FindingsOnDay {
  day: string;
  open: number;
  overdue: number;
}

interface Change {
  day: string;
  status?: RecommendationStatus;
  targetDate?: string;
}

/**
 * How many findings were open, and how many overdue, at the end of each month from the first
 * thing that happened to today, by when things happened (occurredOn) rather than when they were
 * recorded. A finding is open in any status but the ending ones; overdue when it is being worked
 * on (OVERDUE_STATUSES, as the register counts it) and the target date in force has passed.
 */
export function findingsOverTime(timeline: readonly TimelineEntry[], recommendationIds: ReadonlySet<string>, today: string): FindingsOnDay[] {
  const byFinding = new Map<string, Change[]>();
  for (const entry of timeline) {
    if (entry.recommendationId === null || !recommendationIds.has(entry.recommendationId) || entry.aggregate !== 'recommendation') continue;
    const change: Change = { day: entry.occurredOn };
    if (entry.statusAfter !== null) change.status = entry.statusAfter;
    const targetDate = targetDateOf(entry);
    if (targetDate !== undefined) change.targetDate = targetDate;
    const changes = byFinding.get(entry.recommendationId) ?? [];
    changes.push(change);
    byFinding.set(entry.recommendationId, changes);
  }
  // Log order within a day; days in the order things happened.
  for (const changes of byFinding.values()) changes.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
  const first = [...byFinding.values()].map((changes) => changes[0].day).sort()[0];
  if (first === undefined || first > today) return [];
  return monthEnds(first, today).map((day) => {
    let open = 0;
    let overdue = 0;
    for (const changes of byFinding.values()) {
      let status: RecommendationStatus | undefined;
      let targetDate: string | undefined;
      for (const change of changes) {
        if (change.day > day) break;
        status = change.status ?? status;
        targetDate = change.targetDate ?? targetDate;
      }
      if (status === undefined || !OPEN_RECOMMENDATION_STATUSES.includes(status)) continue;
      open++;
      if (OVERDUE_STATUSES.includes(status) && targetDate !== undefined && targetDate < day) overdue++;
    }
    return { day, open, overdue };
  });
}

function targetDateOf(entry: TimelineEntry): string | undefined {
  if (entry.eventType === 'RecommendationTargetDateSet') return entry.changes.targetDate as string;
  if (entry.eventType === 'RecommendationTargetDateChangeApproved') return entry.changes.to as string;
  return undefined;
}

/** The last day of each month from `from`'s month up to, and ending with, `to`. */
export function monthEnds(from: string, to: string): string[] {
  const days: string[] = [];
  let [year, month] = from.split('-').map(Number);
  for (;;) {
    const last = new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
    if (last >= to) break;
    days.push(last);
    [year, month] = month === 12 ? [year + 1, 1] : [year, month + 1];
  }
  days.push(to);
  return days;
}
