import { fold } from '../shared/decider';
import type { RecommendationEvent } from './recommendation-events';
import { recommendationDecider } from './recommendation-decider';
import { REC_03_ACCEPTED, REC_03_CLOSED } from './sample-histories.fixture';
import { issued, REC_05, REC_07, REC_09, REC_11 } from './sample-recommendations.fixture';
import { hasDecision, isApplicableForStatutoryResponse } from './statutory-decision';

const stateAfter = (...events: readonly RecommendationEvent[]) => fold(recommendationDecider.evolve, recommendationDecider.initialState, events);
const id = (finding: { findingId: string }) => finding.findingId;

describe('what the statutory response must answer', () => {
  it.each<{ situation: string; history: readonly RecommendationEvent[]; decided: boolean }>([
    { situation: 'REC 03 accepted', history: REC_03_ACCEPTED, decided: true },
    { situation: 'REC 03 accepted, delivered and closed', history: REC_03_CLOSED, decided: true },
    {
      situation: 'REC 11 partially accepted',
      history: [issued(REC_11), { type: 'RecommendationPartiallyAccepted', recommendationId: id(REC_11), acceptedScope: 'Profile.', notAcceptedScope: 'KPIs.', reason: 'Unpublished.', plannedCompletionDate: null }],
      decided: true,
    },
    { situation: 'REC 09 rejected with its reason', history: [issued(REC_09), { type: 'RecommendationRejected', recommendationId: id(REC_09), reason: 'Already met.' }], decided: true },
    {
      situation: 'REC 09 assessed not applicable',
      history: [issued(REC_09), { type: 'RecommendationApplicabilityAssessed', recommendationId: id(REC_09), applicable: false, reason: 'No such function.' }],
      decided: true,
    },
    { situation: 'REC 05 superseded', history: [issued(REC_05), { type: 'RecommendationSuperseded', recommendationId: id(REC_05), supersededBy: 'REC 1, 2025 revisit', reason: 'Restated.' }], decided: true },
    { situation: 'REC 05 no longer relevant', history: [issued(REC_05), { type: 'RecommendationMarkedNoLongerRelevant', recommendationId: id(REC_05), reason: 'Function moved.' }], decided: true },
    { situation: 'REC 07 issued only', history: [issued(REC_07)], decided: false },
    {
      situation: 'REC 07 assessed applicable but not yet decided',
      history: [issued(REC_07), { type: 'RecommendationApplicabilityAssessed', recommendationId: id(REC_07), applicable: true, reason: null }],
      decided: false,
    },
    {
      situation: 'REC 05 superseded and then reopened',
      history: [
        issued(REC_05),
        { type: 'RecommendationSuperseded', recommendationId: id(REC_05), supersededBy: 'REC 1, 2025 revisit', reason: 'Restated.' },
        { type: 'RecommendationReopened', recommendationId: id(REC_05), reason: 'The revisit report was withdrawn.', previousStatus: 'Superseded' },
      ],
      decided: false,
    },
    { situation: 'nothing issued', history: [], decided: false },
  ])('given $situation, hasDecision is $decided', ({ history, decided }) => {
    expect(hasDecision(stateAfter(...history))).toBe(decided);
  });

  it('given REC 03 issued, it must be answered in the statutory response', () => {
    expect(isApplicableForStatutoryResponse(stateAfter(...REC_03_ACCEPTED.slice(0, 1)))).toBe(true);
  });

  it('given a cause of concern issued, it must be answered', () => {
    expect(isApplicableForStatutoryResponse(stateAfter({ ...issued(REC_07), findingType: 'cause-of-concern' }))).toBe(true);
  });

  it('given an area for improvement issued, it needs no statutory answer', () => {
    expect(isApplicableForStatutoryResponse(stateAfter({ ...issued(REC_05), reference: 'AFI 2', findingType: 'area-for-improvement' }))).toBe(false);
  });

  it('given REC 09 assessed not applicable, it needs no statutory answer', () => {
    const notApplicable = stateAfter(issued(REC_09), { type: 'RecommendationApplicabilityAssessed', recommendationId: id(REC_09), applicable: false, reason: 'No such function.' });
    expect(isApplicableForStatutoryResponse(notApplicable)).toBe(false);
  });

  it('given nothing issued, there is nothing to answer', () => {
    expect(isApplicableForStatutoryResponse(recommendationDecider.initialState)).toBe(false);
  });
});
