import { blankAsNull, firstViolation, requireDate, requireHttpUrl, requireNotBefore, requireOneOf, requireReason, requireText } from './field-rules';

describe('field rules', () => {
  it('refuse blank text, naming the field, and a blank reason as ReasonRequired', () => {
    expect(requireText('REC 03', 'reference')).toBeUndefined();
    expect(requireText(' \n', 'reference')).toMatchObject({ rule: 'FieldRequired', field: 'reference' });
    expect(requireText(undefined, 'title')).toMatchObject({ rule: 'FieldRequired', field: 'title' });
    expect(requireReason('')).toMatchObject({ rule: 'ReasonRequired', field: 'reason' });
  });

  it('refuse a date that does not exist or is not written YYYY-MM-DD', () => {
    expect(requireDate('2024-02-29', 'dueDate')).toBeUndefined();
    expect(requireDate('2025-02-30', 'dueDate')).toMatchObject({ rule: 'InvalidDate', field: 'dueDate' });
    expect(requireDate('31/01/2025', 'dueDate')).toMatchObject({ rule: 'InvalidDate', field: 'dueDate' });
  });

  it('refuse a value outside its list', () => {
    expect(requireOneOf('fire', ['police', 'fire'], 'service')).toBeUndefined();
    expect(requireOneOf('Fire', ['police', 'fire'], 'service')?.message).toContain('police, fire');
  });

  it('accept only absolute http(s) addresses', () => {
    expect(requireHttpUrl('https://www.justiceinspectorates.gov.uk/hmicfrs/', 'url')).toBeUndefined();
    expect(requireHttpUrl('ftp://example.org/report.pdf', 'url')).toMatchObject({ rule: 'InvalidUrl', field: 'url' });
    expect(requireHttpUrl('/relative/report', 'url')).toMatchObject({ rule: 'InvalidUrl' });
  });

  it('refuse a date before the one it follows, but not the same day', () => {
    expect(requireNotBefore('2024-10-16', '2024-10-16', 'publishedOn', 'the report')).toBeUndefined();
    expect(requireNotBefore('2024-10-15', '2024-10-16', 'publishedOn', 'the report')).toMatchObject({ rule: 'DateOutOfOrder', field: 'publishedOn' });
  });

  it('read a blank optional text as none and report the first violation', () => {
    expect(blankAsNull('  ')).toBeNull();
    expect(blankAsNull(undefined)).toBeNull();
    expect(blankAsNull('HMICFRS-17')).toBe('HMICFRS-17');
    expect(firstViolation(undefined, requireText('', 'a'), requireText('', 'b'))).toMatchObject({ field: 'a' });
    expect(firstViolation(undefined)).toBeUndefined();
  });
});
