import type { TimelineEntry } from '@ledger/projections/read-models';
import { findingsOverTime, monthEnds } from './findings-over-time';

const entry = (recommendationId: string, occurredOn: string, eventType: string, statusAfter: TimelineEntry['statusAfter'], changes: Record<string, unknown> = {}) =>
  ({ recommendationId, aggregate: 'recommendation', occurredOn, eventType, statusAfter, changes }) as TimelineEntry;

describe('findings over time', () => {
  it('counts month ends from the first month to today, today last', () => {
    expect(monthEnds('2024-11-15', '2025-02-10')).toEqual(['2024-11-30', '2024-12-31', '2025-01-31', '2025-02-10']);
    expect(monthEnds('2024-02-03', '2024-02-29')).toEqual(['2024-02-29']);
  });

  it('given findings issued, accepted with a target date, one moved and one closed, when counted by month, then open and overdue follow what happened when', () => {
    const timeline = [
      entry('a', '2024-11-01', 'RecommendationIssued', 'Issued'),
      entry('b', '2024-11-01', 'RecommendationIssued', 'Issued'),
      entry('a', '2024-11-10', 'RecommendationAccepted', 'Accepted'),
      entry('a', '2024-11-10', 'RecommendationTargetDateSet', 'Accepted', { targetDate: '2024-12-15' }),
      entry('b', '2024-11-12', 'RecommendationAccepted', 'Accepted'),
      entry('b', '2024-11-12', 'RecommendationTargetDateSet', 'Accepted', { targetDate: '2024-12-15' }),
      // Recorded in log order after the target date passed, but decided before the month ended.
      entry('b', '2024-12-20', 'RecommendationTargetDateChangeApproved', 'Accepted', { from: '2024-12-15', to: '2025-03-31' }),
      entry('a', '2025-01-05', 'RecommendationClosed', 'Closed'),
      entry('c', '2024-11-01', 'RecommendationIssued', 'Issued'),
    ];
    expect(findingsOverTime(timeline, new Set(['a', 'b']), '2025-02-10')).toEqual([
      { day: '2024-11-30', open: 2, overdue: 0 },
      { day: '2024-12-31', open: 2, overdue: 1 },
      { day: '2025-01-31', open: 1, overdue: 0 },
      { day: '2025-02-10', open: 1, overdue: 0 },
    ]);
  });

  it('is empty when nothing has happened to the findings asked about', () => {
    expect(findingsOverTime([entry('c', '2024-11-01', 'RecommendationIssued', 'Issued')], new Set(['a']), '2025-02-10')).toEqual([]);
  });
});
