import { exportFilter, isWholeLedger } from './export-filter';

describe('exportFilter', () => {
  it('is the whole ledger when nothing is given', () => {
    expect(isWholeLedger(exportFilter({}))).toBe(true);
  });

  it('keeps what is given, trimmed', () => {
    expect(exportFilter({ inspection: ' rasso-nom-2024 ', service: 'police', from: '2024-08-01', to: '2024-12-31' })).toEqual({
      inspection: 'rasso-nom-2024',
      service: 'police',
      organisation: null,
      from: '2024-08-01',
      to: '2024-12-31',
    });
  });

  it.each([
    [{ service: 'ambulance' }, /service must be police or fire/],
    [{ from: '2025-02-30' }, /from must be a calendar date/],
    [{ to: '31/01/2025' }, /to must be a calendar date/],
    [{ from: '2025-02-01', to: '2025-01-31' }, /from \(2025-02-01\) is after to/],
    [{ organisation: '  ' }, /organisation must be a non-empty text/],
  ])('refuses %p, naming the field', (input, message) => {
    expect(() => exportFilter(input)).toThrow(message);
  });
});
