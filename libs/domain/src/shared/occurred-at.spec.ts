import { occurredDay, occurredSortKey, parseOccurredAt } from './occurred-at';

describe('occurredAt: a day or an instant, never an invented time', () => {
  it('reads a calendar day as a day and an instant as a UTC instant', () => {
    expect(parseOccurredAt('2024-10-10')).toEqual({ kind: 'day', day: '2024-10-10' });
    expect(parseOccurredAt('2024-10-10T09:30:00+01:00')).toEqual({ kind: 'instant', instant: '2024-10-10T08:30:00.000Z' });
  });

  it('refuses days and instants that do not exist', () => {
    expect(parseOccurredAt('2025-02-30')).toBeUndefined();
    expect(parseOccurredAt('2025-02-30T10:00:00Z')).toBeUndefined();
    expect(parseOccurredAt('10/10/2024')).toBeUndefined();
  });

  it('gives the London day, across midnight in summer time', () => {
    expect(occurredDay('2024-10-10')).toBe('2024-10-10');
    expect(occurredDay('2024-06-30T23:30:00Z')).toBe('2024-07-01');
  });

  it('sorts a day before the instants of that London day, and instants by time', () => {
    const keys = ['2024-07-01T08:00:00Z', '2024-07-01', '2024-06-30T23:30:00Z', '2024-06-30'].map((at) => [occurredSortKey(at), at] as const);
    expect(keys.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, at]) => at)).toEqual([
      '2024-06-30',
      '2024-07-01',
      '2024-06-30T23:30:00Z',
      '2024-07-01T08:00:00Z',
    ]);
  });
});
