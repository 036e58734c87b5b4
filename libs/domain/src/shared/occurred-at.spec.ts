import { londonDate } from './calendar-date';
import { londonDayOfInstant, occurredDay, occurredSortKey, occurredTimes, parseOccurredAt } from './occurred-at';

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

  it('gives the same day, key and refusals through occurredTimes, the remembered form the read models use', () => {
    const valid = ['2024-10-10', '2024-02-29', '2024-10-10T09:30:00+01:00', '2024-06-30T23:30:00Z', '2024-03-31T00:59:59.999Z', '2024-03-31T01:00:00.000Z', '2024-10-27T00:30:00.000Z', '2024-10-27T01:30:00.000Z', '2024-12-31T23:59:59.999Z'];
    for (const at of [...valid, ...valid]) {
      expect(occurredTimes(at)).toEqual({ kind: parseOccurredAt(at)?.kind, day: occurredDay(at), sortKey: occurredSortKey(at) });
    }
    for (const bad of ['2025-02-30', '2025-02-30T10:00:00Z', '10/10/2024', '2023-02-29', '']) {
      expect(() => occurredTimes(bad)).toThrow(`Not an occurredAt: "${bad}"`);
    }
  });

  it('gives the London day of every hour across both clock changes, remembered per UTC hour', () => {
    for (const start of [Date.UTC(2024, 2, 30, 20), Date.UTC(2024, 9, 26, 20)]) {
      for (let minutes = 0; minutes < 12 * 60; minutes += 17) {
        const instant = new Date(start + minutes * 60_000).toISOString();
        expect(londonDayOfInstant(instant)).toBe(londonDate(new Date(instant)));
      }
    }
    expect(londonDayOfInstant('2024-06-30T23:30:00+00:00')).toBe('2024-07-01');
  });
});
