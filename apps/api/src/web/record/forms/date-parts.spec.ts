import type { FieldSpec } from './field-spec';
import { atFirstBox, readDate, readDates } from './date-parts';

const TARGET: FieldSpec = { path: 'targetDate', kind: 'date', label: 'Target date' };
const OCCURRED: FieldSpec = { path: 'occurredAt', kind: 'date', label: 'Date it happened (optional)' };
const typed = (day: string, month: string, year: string, path = 'targetDate') => ({ [`${path}-day`]: day, [`${path}-month`]: month, [`${path}-year`]: year });

describe('a date asked as day, month and year', () => {
  it('gives the API the date as YYYY-MM-DD, with or without leading zeros, and nothing when all three are empty', () => {
    expect(readDate(TARGET, typed('31', '1', '2025'))).toEqual({ date: '2025-01-31' });
    expect(readDate(TARGET, typed(' 05 ', '09', '2024'))).toEqual({ date: '2024-09-05' });
    expect(readDate(TARGET, typed('', '', ''))).toEqual({ date: undefined });
  });

  it('names the parts left out, at the first of them, in the words of the label', () => {
    expect(readDate(TARGET, typed('31', '', '2025'))).toEqual({ error: { field: 'targetDate-month', message: 'Target date must include a month' }, parts: ['month'] });
    expect(readDate(OCCURRED, typed('', '1', '', 'occurredAt'))).toEqual({ error: { field: 'occurredAt-day', message: 'Date it happened must include a day and year' }, parts: ['day', 'year'] });
  });

  it.each([
    ['a day that does not exist', typed('30', '2', '2025')],
    ['a month that does not exist', typed('1', '13', '2025')],
    ['a two-digit year', typed('31', '1', '25')],
    ['words', typed('first', 'January', '2025')],
    ['31/01/2025 typed in each box', typed('31/01/2025', '31/01/2025', '31/01/2025')],
  ])('refuses %s as not a real date, marking every box', (_, values) => {
    expect(readDate(TARGET, values)).toEqual({ error: { field: 'targetDate-day', message: 'Target date must be a real date' }, parts: ['day', 'month', 'year'] });
  });

  it('reads every date field of a form, leaving a date it cannot read out of the body', () => {
    const values: Record<string, string> = { ...typed('31', '2', '2025'), ...typed('24', '9', '2024', 'occurredAt') };
    expect(readDates(values, [TARGET, OCCURRED])).toEqual([{ field: 'targetDate-day', message: 'Target date must be a real date' }]);
    expect(values.targetDate).toBe('');
    expect(values.occurredAt).toBe('2024-09-24');
  });

  it("points an error about the date as a whole (the API's, a rule's) at its first box", () => {
    expect(atFirstBox([{ field: 'targetDate', message: 'Target date is required' }, { field: 'reason', message: 'Reason is required' }], [TARGET])).toEqual([
      { field: 'targetDate-day', message: 'Target date is required' },
      { field: 'reason', message: 'Reason is required' },
    ]);
  });
});
