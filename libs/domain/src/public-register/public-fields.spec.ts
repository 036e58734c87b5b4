import { INSPECTION_EVENT_TYPES } from '../inspection/events';
import { RECOMMENDATION_EVENT_TYPES } from '../recommendation';
import { STATUTORY_RESPONSE_EVENT_TYPES } from '../statutory-response/events';
import { PUBLIC_EVENT_FIELDS, publicDataOf, publicFieldsOf } from './public-fields';

/** Data fields that hold a person's name or id: the register never publishes them. */
const PERSONAL_FIELDS = ['owner', 'previousOwner', 'requestedBy', 'approvedBy', 'refusedBy', 'verifiedBy', 'markedCompleteBy'];

describe('what the public register publishes of each event', () => {
  it('lists every event type of a published inspection’s streams, and publishes nothing of any other', () => {
    expect(Object.keys(PUBLIC_EVENT_FIELDS).sort()).toEqual([...INSPECTION_EVENT_TYPES, ...STATUTORY_RESPONSE_EVENT_TYPES, ...RECOMMENDATION_EVENT_TYPES].sort());
    expect(publicFieldsOf('ChallengeRaised')).toEqual([]);
    expect(publicFieldsOf('toString')).toEqual([]);
  });

  it('never publishes a field that names a person', () => {
    const published = Object.values(PUBLIC_EVENT_FIELDS).flat() as string[];
    expect(PERSONAL_FIELDS.filter((field) => published.includes(field))).toEqual([]);
  });

  it("publishes the office-holders' statements and the decisions as the published response prints them", () => {
    expect(PUBLIC_EVENT_FIELDS.CommissionerCommentsRecorded).toContain('comments');
    expect(PUBLIC_EVENT_FIELDS.ChiefOfficerCommentsRecorded).toContain('comments');
    expect(PUBLIC_EVENT_FIELDS.RecommendationAccepted).toEqual(['recommendationId', 'commitment', 'plannedCompletionDate']);
  });

  it('given an owner assigned, when cut down for the public, then only which finding it was remains', () => {
    const data = { recommendationId: 'rec-1', owner: 'Head of Learning', organisation: 'Cumbria Constabulary', previousOwner: null };
    expect(publicDataOf('RecommendationOwnerAssigned', data)).toEqual({ recommendationId: 'rec-1' });
  });

  it('given an approved target-date change, then the dates and the reason remain, verbatim, and who asked and approved do not', () => {
    const data = { recommendationId: 'rec-1', from: '2025-01-31', to: '2025-03-31', reason: 'Trainer shortage', requestedBy: 'u-1', approvedBy: 'u-2', comment: 'ok' };
    expect(publicDataOf('RecommendationTargetDateChangeApproved', data)).toEqual({ recommendationId: 'rec-1', from: '2025-01-31', to: '2025-03-31', reason: 'Trainer shortage' });
  });
});
