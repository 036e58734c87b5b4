import { type AnyLedgerEvent, type SummaryLookups, personLabel, summariseEvent } from './event-summary';

const lookups = (timetable?: { reportPublishedOn: string; responsePeriodDays: number }): SummaryLookups => ({
  personName: (id) => ({ 'u-1': 'Performance Lead (office)' })[id] ?? id,
  actionDescription: () => undefined,
  dependsOn: () => undefined,
  evidenceTitle: () => undefined,
  entrySummary: () => undefined,
  timetable: () => timetable,
});

describe('the readable summary of an event', () => {
  it('says which inspection details changed, from what to what, and why', () => {
    const event: AnyLedgerEvent = {
      type: 'InspectionDetailsAmended',
      inspectionId: 'i-1',
      changes: { publishedOn: '2024-08-23', keyFindingsHtml: '<p>New</p>', reportUrl: 'https://www.justiceinspectorates.gov.uk/hmicfrs/report' },
      previous: { publishedOn: '2024-08-22', keyFindingsHtml: '<p>Old</p>', reportUrl: null },
      reason: 'Publication date misread',
    };
    expect(summariseEvent(event, lookups())).toBe(
      'Inspection details amended (published on: 2024-08-22 → 2024-08-23; key findings; report url: (none) → https://www.justiceinspectorates.gov.uk/hmicfrs/report); reason: Publication date misread',
    );
  });

  it('gives the day of the statutory period on which a response was published, and whether on time', () => {
    const published: AnyLedgerEvent = { type: 'StatutoryResponsePublished', inspectionId: 'i-1', publishedOn: '2024-10-16', url: 'https://example.org/response' };
    expect(summariseEvent(published, lookups({ reportPublishedOn: '2024-08-22', responsePeriodDays: 56 }))).toBe(
      'Statutory response published on 2024-10-16, day 56 of 56 (on time): https://example.org/response',
    );
    const plan: AnyLedgerEvent = { type: 'ActionPlanPublished', inspectionId: 'i-2', publishedOn: '2024-12-01', url: 'https://example.org/plan' };
    expect(summariseEvent(plan, lookups({ reportPublishedOn: '2024-08-22', responsePeriodDays: 90 }))).toBe('Action plan published on 2024-12-01, day 102 of 90 (late): https://example.org/plan');
    expect(summariseEvent({ type: 'StatutoryResponseCopySent', inspectionId: 'i-1', recipient: 'HomeSecretary', sentOn: '2024-10-20' }, lookups())).toBe(
      'Copy of the response sent to the Home Secretary on 2024-10-20',
    );
  });

  it('names people by name and role rather than by id', () => {
    const approved: AnyLedgerEvent = {
      type: 'RecommendationTargetDateChangeApproved',
      recommendationId: 'r-1',
      from: '2025-01-31',
      to: '2025-04-30',
      reason: 'Course places',
      requestedBy: 'unknown-person',
      approvedBy: 'u-1',
      comment: 'Report monthly',
    };
    expect(summariseEvent(approved, lookups())).toBe(
      'Target date moved from 2025-01-31 to 2025-04-30, requested by unknown-person and approved by Performance Lead (office); reason: Course places; comment: Report monthly',
    );
  });

  it('reads as a sentence when free text ending in a full stop has more after it: no ".;" or ".,"', () => {
    const approved: AnyLedgerEvent = {
      type: 'RecommendationTargetDateChangeApproved',
      recommendationId: 'r-1',
      from: '2025-01-31',
      to: '2025-04-30',
      reason: 'Course places are not available until March.',
      requestedBy: 'u-1',
      approvedBy: 'u-1',
      comment: 'Report monthly.',
    };
    expect(summariseEvent(approved, lookups())).toBe(
      'Target date moved from 2025-01-31 to 2025-04-30, requested by Performance Lead (office) and approved by Performance Lead (office); reason: Course places are not available until March; comment: Report monthly.',
    );
    const partly: AnyLedgerEvent = {
      type: 'RecommendationPartiallyAccepted',
      recommendationId: 'r-1',
      acceptedScope: 'Training.',
      notAcceptedScope: 'Indicators.',
      reason: 'They are not published yet.',
      plannedCompletionDate: '2025-03-31',
    };
    expect(summariseEvent(partly, lookups())).toBe('Partially accepted; accepted: "Training."; not accepted: "Indicators."; reason: They are not published yet; planned completion 2025-03-31');
    const completed = { type: 'RecommendationMarkedComplete', recommendationId: 'r-1', summary: 'All trained.', evidenceIds: ['e-1'], markedCompleteBy: 'u-1' } as const satisfies AnyLedgerEvent;
    expect(summariseEvent(completed, lookups())).toBe('Marked complete: All trained; evidence: "e-1"');
    const corrected: AnyLedgerEvent = { type: 'RecommendationEntryCorrected', recommendationId: 'r-1', correctsEventId: 'ev-1', whatWasWrong: 'Percent complete was 40, not 60.', reason: 'Typing error.' };
    expect(summariseEvent(corrected, lookups())).toBe('Correction of an earlier entry (ev-1): Percent complete was 40, not 60; reason: Typing error.');
    // An ellipsis is not a full stop.
    expect(summariseEvent({ ...completed, summary: 'To be continued...' }, lookups())).toBe('Marked complete: To be continued...; evidence: "e-1"');
  });

  it('shortens long free text to one line; the full text stays in the entry', () => {
    const narrative = `${'Word '.repeat(100)}\n\nend`;
    const summary = summariseEvent({ type: 'RecommendationRejected', recommendationId: 'r-1', reason: narrative }, lookups());
    expect(summary).toMatch(/^Not accepted: Word Word .*…$/);
    expect(summary).not.toContain('\n');
    expect(summary.length).toBeLessThan(260);
  });

  it('names a person by name and role', () => {
    expect(personLabel({ name: 'Performance Lead', role: 'office' })).toBe('Performance Lead (office)');
  });

  it('reads an event type it does not know (recorded by a later version) as its type in words and its key fields', () => {
    const future = { type: 'RecommendationTeleported', recommendationId: 'r-1', to: 'Elsewhere', reason: 'Reorganisation' } as unknown as AnyLedgerEvent;
    expect(summariseEvent(future, lookups())).toBe('Recommendation teleported: to: Elsewhere; reason: Reorganisation');
  });
});
