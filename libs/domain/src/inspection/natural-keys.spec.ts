import { holderOf, inspectionNaturalKeys, normaliseReportUrl } from './natural-keys';

describe('what makes two registrations the same inspection', () => {
  it('is its title, whatever the typography, with its publication date; and its report address when it has one', () => {
    expect(inspectionNaturalKeys({ title: 'Progress to “introduce”  a model – 2024.', publishedOn: '2024-08-22', reportUrl: null })).toEqual([
      { kind: 'title-and-publication-date', key: 'progress to "introduce" a model - 2024|2024-08-22', field: 'title' },
    ]);
    expect(inspectionNaturalKeys({ title: 'A report', publishedOn: '2024-08-22', reportUrl: 'https://Example.org/a/' })).toEqual([
      { kind: 'title-and-publication-date', key: 'a report|2024-08-22', field: 'title' },
      { kind: 'report-url', key: 'example.org/a', field: 'reportUrl' },
    ]);
  });

  it('reads the same report address whatever its scheme, host case, fragment or closing slash', () => {
    expect(normaliseReportUrl('HTTPS://HMICFRS.example.gov.uk/publications/rasso/#summary')).toBe(normaliseReportUrl('http://hmicfrs.example.gov.uk/publications/rasso'));
    expect(normaliseReportUrl('https://example.org/report?id=1')).not.toBe(normaliseReportUrl('https://example.org/report?id=2'));
  });

  it('is held by the inspection of the last reservation, until it is released', () => {
    const reserved = (inspectionId: string) => ({ type: 'InspectionKeyReserved' as const, kind: 'report-url' as const, key: 'k', inspectionId });
    expect(holderOf([])).toBeNull();
    expect(holderOf([reserved('a')])).toBe('a');
    expect(holderOf([reserved('a'), { ...reserved('a'), type: 'InspectionKeyReleased' }])).toBeNull();
    expect(holderOf([reserved('dead'), reserved('b')])).toBe('b');
  });
});
