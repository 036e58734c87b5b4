import { readWrittenDate } from './written-dates';

describe('written dates', () => {
  it.each([
    ['22/08/2024', '2024-08-22'],
    ['2/8/2024', '2024-08-02'],
    ['2024-08-22', '2024-08-22'],
    ['22 August 2024', '2024-08-22'],
    ['22nd of Aug 2024', '2024-08-22'],
    ['Thursday 22 August 2024', '2024-08-22'],
    ['August 22, 2024', '2024-08-22'],
  ])('%s is %s', (written, date) => {
    expect(readWrittenDate(written)).toEqual({ date });
  });

  it.each(['31/02/2024', '29 February 2025', '2025-13-01'])('%s does not exist', (written) => {
    expect(readWrittenDate(written)).toEqual({ problem: 'does-not-exist' });
  });

  it.each(['Summer 2024', 'soon', '08/2024'])('%s is not a date', (written) => {
    expect(readWrittenDate(written)).toEqual({ problem: 'not-a-date' });
  });
});
