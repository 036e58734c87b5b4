import { isOnTime, responseDeadline, statutoryDayNumber, statutoryDeadline } from './statutory-clock';

describe('the s.55 clock', () => {
  it('counts the publication day as day 1: a report published 2024-08-22 must be answered by 2024-10-16', () => {
    expect(statutoryDeadline('2024-08-22')).toBe('2024-10-16');
    expect(statutoryDayNumber('2024-08-22', '2024-08-22')).toBe(1);
    expect(statutoryDayNumber('2024-08-22', '2024-10-16')).toBe(56);
    expect(statutoryDayNumber('2024-08-22', '2024-10-17')).toBe(57);
  });

  it('is on time on day 56 (2024-10-16), the last day of the period, and late from day 57 (2024-10-17)', () => {
    expect(isOnTime('2024-08-22', '2024-10-16')).toBe(true);
    expect(isOnTime('2024-08-22', '2024-10-17')).toBe(false);
    expect(isOnTime('2024-08-22', '2024-08-21')).toBe(true);
  });

  it('counts across a leap day and a year end', () => {
    expect(statutoryDeadline('2024-01-10')).toBe('2024-03-05');
    expect(statutoryDeadline('2024-12-01')).toBe('2025-01-25');
  });

  it('counts a fire policy period the same way', () => {
    expect(responseDeadline('2024-08-22', 90)).toBe('2024-11-19');
    expect(isOnTime('2024-08-22', '2024-11-19', 90)).toBe(true);
    expect(isOnTime('2024-08-22', '2024-11-20', 90)).toBe(false);
  });
});
