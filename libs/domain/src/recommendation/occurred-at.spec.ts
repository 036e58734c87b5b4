import type { RecommendationCommand } from './recommendation-commands';
import { given } from './recommendation.given-when-then';
import { issued, REC_03, REC_03_COMMITMENT } from './sample-recommendations.fixture';

const accept: RecommendationCommand = { type: 'AcceptRecommendation', recommendationId: REC_03.findingId, commitment: REC_03_COMMITMENT, plannedCompletionDate: null };
const accepted = { type: 'RecommendationAccepted' as const, recommendationId: REC_03.findingId, commitment: REC_03_COMMITMENT, plannedCompletionDate: null };

describe('a recommendation command that says when it happened', () => {
  it('given REC 03 issued with its report on 2024-08-22, when it is accepted as of 2024-10-10, then it is accepted', () => {
    given(issued(REC_03)).when(accept, { occurredAt: '2024-10-10', issuedOn: '2024-08-22' }).then(accepted).andStatusIs('Accepted');
  });

  it('given REC 03 issued with its report on 2024-08-22, when it is accepted as of 2024-08-21, then OccurredBeforeIssue', () => {
    const refusal = given(issued(REC_03)).when(accept, { occurredAt: '2024-08-21', issuedOn: '2024-08-22' }).thenRefused('OccurredBeforeIssue', 'occurredAt');
    expect(refusal.message).toBe('occurredAt 2024-08-21 is before the issue of REC 03 with its report (2024-08-22)');
  });

  it('given REC 03 issued, when it is accepted without saying when, then it happens as recorded and is not checked', () => {
    given(issued(REC_03)).when(accept, { issuedOn: '2024-08-22' }).then(accepted);
  });
});
