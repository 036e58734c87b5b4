import { addDays, daysBetween, isCalendarDate, londonDate } from './calendar-date';

describe('calendar dates', () => {
  it('refuses dates that do not exist', () => {
    expect(isCalendarDate('2025-02-30')).toBe(false);
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2025-2-3')).toBe(false);
  });
  it('counts days across month ends', () => {
    expect(addDays('2024-08-22', 55)).toBe('2024-10-16');
    expect(daysBetween('2024-08-22', '2024-10-16')).toBe(55);
  });
  it('reads the London date, not the UTC one, around midnight in summer time', () => {
    expect(londonDate(new Date('2024-08-21T23:30:00Z'))).toBe('2024-08-22');
    expect(londonDate(new Date('2024-12-21T23:30:00Z'))).toBe('2024-12-21');
  });
});
