import { genericSummary, typeInWords } from './generic-summary';

describe('the generic summary, for an event type not known by name: its type in words and key fields', () => {
  it('puts the type name in words', () => {
    expect(typeInWords('RecommendationTargetDateChangeApproved')).toBe('Recommendation target date change approved');
    expect(typeInWords('RecordHMICFRSStatus')).toBe('Record HMICFRS status');
  });

  it('adds the fields a reader looks for, in a fixed order, from any event', () => {
    expect(
      genericSummary('RecommendationTargetDateChangeApproved', {
        recommendationId: 'finding-rec-05',
        reason: 'The national definition was published late.',
        to: '2025-10-31',
        from: '2025-07-31',
        approvedBy: 'opfcc-performance-lead',
      }),
    ).toBe('Recommendation target date change approved: from: 2025-07-31; to: 2025-10-31; reason: The national definition was published late.');
    expect(genericSummary('RecommendationAccepted', { commitment: 'Train   every\ndetective', plannedCompletionDate: '2025-01-31' })).toBe(
      'Recommendation accepted: commitment: Train every detective; planned completion date: 2025-01-31',
    );
    expect(genericSummary('RecommendationApplicabilityAssessed', { applicable: false, reason: null })).toBe('Recommendation applicability assessed: applicable: no');
  });

  it('leaves no ".;" when a value closing with a full stop has more after it', () => {
    expect(genericSummary('EntryCorrected', { reason: 'Typing error.', whatWasWrong: 'It said 60.' })).not.toContain('.;');
    expect(genericSummary('EntryCorrected', { reason: 'Typing error.', whatWasWrong: 'It said 60.' })).toMatch(/^Entry corrected: .*Typing error[^.].*It said 60\.$|^Entry corrected: .*It said 60[^.].*Typing error\.$/);
  });

  it('summarises collections and changes by what they hold', () => {
    expect(genericSummary('InspectionRegistered', { title: 'RASSO', findings: [{}, {}] })).toBe('Inspection registered: title: RASSO; findings: 2');
    expect(genericSummary('InspectionDetailsAmended', { changes: { reportUrl: 'x', publishedOn: '2024-08-22' }, reason: 'typo' })).toBe(
      'Inspection details amended: reason: typo; changed: report url, published on',
    );
    expect(genericSummary('SomethingNew', { unknownField: 'x' })).toBe('Something new');
  });

  it('shortens long texts as the rich summary does; the full text stays in the entry', () => {
    expect(genericSummary('RecommendationProgressRecorded', { narrative: 'x'.repeat(500) })).toBe(`Recommendation progress recorded: narrative: ${'x'.repeat(239)}…`);
  });
});
