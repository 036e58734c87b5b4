import { evolveRecommendation, recommendationStatusAfter } from './recommendation-evolve';
import { initialRecommendationState, type IssuedRecommendationState, type RecommendationState } from './recommendation-state';
import { REC_03_CLOSED, rec03 } from './sample-histories.fixture';

describe('a finding\'s status from its status alone', () => {
  it('given REC 03 from issue to closure, after every event, is the status the whole state reaches', () => {
    let state: RecommendationState = initialRecommendationState;
    let status: ReturnType<typeof recommendationStatusAfter> | null = null;
    const seen: string[] = [];
    for (const event of REC_03_CLOSED) {
      state = evolveRecommendation(state, event);
      status = recommendationStatusAfter(status, event);
      expect(status).toBe((state as IssuedRecommendationState).status);
      seen.push(status);
    }
    expect(seen).toEqual(['Issued', 'Accepted', 'Accepted', 'Accepted', 'InProgress', 'InProgress', 'AwaitingVerification', 'Verified', 'Closed']);
  });

  it('refuses an event for a finding never issued, as evolve does', () => {
    expect(() => recommendationStatusAfter(null, rec03.accepted)).toThrow('it was never issued');
  });
});
