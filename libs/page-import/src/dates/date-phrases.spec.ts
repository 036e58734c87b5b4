import { fold } from '../text/fold';
import { datePhrases } from './date-phrases';

function first(text: string) {
  const [phrase] = datePhrases(fold(text));
  if (!phrase) return null;
  const { index: _index, ...rest } = phrase;
  return rest;
}

describe('date phrases', () => {
  it.each([
    ['By 31 January 2025, all forces should', { kind: 'exact', date: '2025-01-31', phrase: 'By 31 January 2025' }],
    ['by the 1st of Sept 2025', { kind: 'exact', date: '2025-09-01', phrase: 'by the 1st of Sept 2025' }],
    ['no later than 31/03/2025', { kind: 'exact', date: '2025-03-31', phrase: 'no later than 31/03/2025' }],
    ['trained by the end of January 2025.', { kind: 'exact', date: '2025-01-31', phrase: 'by the end of January 2025' }],
    ['by the end of February 2028', { kind: 'exact', date: '2028-02-29', phrase: 'by the end of February 2028' }],
    ['by the end of 2025', { kind: 'exact', date: '2025-12-31', phrase: 'by the end of 2025' }],
    ['by 29 February 2025', { kind: 'impossible', phrase: 'by 29 February 2025' }],
    ['implemented within one month', { kind: 'relative', amount: 1, unit: 'month', phrase: 'within one month' }],
    ['within a fortnight', { kind: 'relative', amount: 2, unit: 'week', phrase: 'within a fortnight' }],
    ['within 30 days', { kind: 'relative', amount: 30, unit: 'day', phrase: 'within 30 days' }],
    ['within the required timescales', { kind: 'timescale', phrase: 'within the required timescales' }],
    ['With immediate effect, forces should', { kind: 'immediate', phrase: 'With immediate effect' }],
    ['by Spring 2025', { kind: 'vague', phrase: 'by Spring 2025' }],
    ['by the end of Q1 2025/26', { kind: 'vague', phrase: 'by the end of Q1 2025/26' }],
    ['by January 2025', { kind: 'vague', phrase: 'by January 2025' }],
    ['by the end of the year', { kind: 'vague', phrase: 'by the end of the year' }],
    ['in early 2025', { kind: 'vague', phrase: 'in early 2025' }],
  ])('%s', (text, expected) => {
    expect(first(text)).toEqual(expected);
  });

  it('reads curly dashes and no-break spaces once folded', () => {
    expect(first('by\u00A031\u00A0March\u00A02025')).toMatchObject({ kind: 'exact', date: '2025-03-31' });
  });

  it('finds nothing in a sentence without a date', () => {
    expect(datePhrases('HMICFRS have set a deadline of the end of January 2025 for the Joint Unit')).toEqual([]);
  });

  it('lists several phrases in the order they appear', () => {
    expect(datePhrases('by Spring 2025 and in any case by 30 June 2025').map((p) => p.kind)).toEqual(['vague', 'exact']);
  });
});
