import { summariseEvent, typeInWords } from './event-summary';

describe('summariseEvent', () => {
  it('puts the type name in words', () => {
    expect(typeInWords('RecommendationTargetDateChangeApproved')).toBe('Recommendation target date change approved');
    expect(typeInWords('RecordHMICFRSStatus')).toBe('Record HMICFRS status');
  });

  it('adds the fields a reader looks for, in a fixed order, from any event', () => {
    expect(
      summariseEvent('RecommendationTargetDateChangeApproved', {
        recommendationId: 'finding-rec-05',
        reason: 'The national definition was published late.',
        to: '2025-10-31',
        from: '2025-07-31',
        approvedBy: 'opfcc-performance-lead',
      }),
    ).toBe('Recommendation target date change approved: from: 2025-07-31; to: 2025-10-31; reason: The national definition was published late.');
    expect(summariseEvent('RecommendationAccepted', { commitment: 'Train   every\ndetective', plannedCompletionDate: '2025-01-31' })).toBe(
      'Recommendation accepted: commitment: Train every detective; planned completion date: 2025-01-31',
    );
    expect(summariseEvent('RecommendationApplicabilityAssessed', { applicable: false, reason: null })).toBe('Recommendation applicability assessed: applicable: no');
  });

  it('summarises collections and changes by what they hold', () => {
    expect(summariseEvent('InspectionRegistered', { title: 'RASSO', findings: [{}, {}] })).toBe('Inspection registered: title: RASSO; findings: 2');
    expect(summariseEvent('InspectionDetailsAmended', { changes: { reportUrl: 'x', publishedOn: '2024-08-22' }, reason: 'typo' })).toBe(
      'Inspection details amended: reason: typo; changed: report url, published on',
    );
    expect(summariseEvent('SomethingNew', { unknownField: 'x' })).toBe('Something new');
  });

  it('shortens long texts', () => {
    const summary = summariseEvent('RecommendationProgressRecorded', { narrative: 'x'.repeat(500) });
    expect(summary.length).toBeLessThan(260);
    expect(summary.endsWith('…')).toBe(true);
  });
});
