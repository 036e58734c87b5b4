import type { RecommendationCommand } from './recommendation-commands';
import { by, given } from './recommendation.given-when-then';
import { REC_03_ACCEPTED, REC_03_ISSUED, rec03 } from './sample-histories.fixture';
import { issued, officeStaff, REC_03, REC_03_COMMITMENT, REC_05, REC_09, REC_11 } from './sample-recommendations.fixture';

const rec03Id = REC_03.findingId;

describe('AssessApplicability', () => {
  const assess = (applicable: unknown, reason?: string | null) =>
    ({ type: 'AssessApplicability', recommendationId: REC_09.findingId, applicable, reason }) as RecommendationCommand;

  it('given REC 09 issued, when the office assesses it applicable, then RecommendationApplicabilityAssessed and it still awaits a decision', () => {
    given(issued(REC_09))
      .when(assess(true))
      .then({ type: 'RecommendationApplicabilityAssessed', recommendationId: REC_09.findingId, applicable: true, reason: null })
      .andStatusIs('Issued');
  });

  it('given REC 09 issued, when the office assesses it not applicable with its reason, then it is NotApplicable (monitored only)', () => {
    const reason = 'The force has no custody suite taking DNA samples; retention applications are made by the neighbouring force.';
    given(issued(REC_09))
      .when(assess(false, reason))
      .then({ type: 'RecommendationApplicabilityAssessed', recommendationId: REC_09.findingId, applicable: false, reason })
      .andStatusIs('NotApplicable');
  });

  it('given REC 09 issued, when the office assesses it not applicable without a reason, then ReasonRequired', () => {
    given(issued(REC_09)).when(assess(false, '  ')).thenRefused('ReasonRequired', 'reason');
  });

  it('given REC 09 issued, when the assessment is neither yes nor no, then InvalidValue on applicable', () => {
    given(issued(REC_09)).when(assess('maybe')).thenRefused('InvalidValue', 'applicable');
  });

  it('given REC 03 accepted, when the office assesses its applicability, then IllegalTransition', () => {
    given(...REC_03_ACCEPTED)
      .when({ type: 'AssessApplicability', recommendationId: rec03Id, applicable: true })
      .thenRefused('IllegalTransition');
  });
});

describe('AcceptRecommendation', () => {
  const accept = { type: 'AcceptRecommendation', recommendationId: rec03Id, commitment: REC_03_COMMITMENT, plannedCompletionDate: '2025-01-31' } as const;

  it('given REC 03 issued, when office staff accept it with the commitment to train every investigating detective by 2025-01-31, then RecommendationAccepted and its first target date', () => {
    given(...REC_03_ISSUED).when(accept, by(officeStaff)).then(rec03.accepted, rec03.targetDateSet).andStatusIs('Accepted');
  });

  it('given REC 05 issued, when the office accepts it without a date (it waits on the national definition), then RecommendationAccepted with no target date yet', () => {
    const commitment = 'Once the definition has been received, the Constabulary will then implement the appropriate processes.';
    given(issued(REC_05))
      .when({ type: 'AcceptRecommendation', recommendationId: REC_05.findingId, commitment })
      .then({ type: 'RecommendationAccepted', recommendationId: REC_05.findingId, commitment, plannedCompletionDate: null })
      .andStatusIs('Accepted');
  });

  it('given REC 03 issued, when it is accepted with no commitment, then FieldRequired on commitment', () => {
    given(...REC_03_ISSUED).when({ ...accept, commitment: '' }).thenRefused('FieldRequired', 'commitment');
  });

  it('given REC 03 issued, when it is accepted to be done by 2025-02-30, then InvalidDate on plannedCompletionDate', () => {
    given(...REC_03_ISSUED).when({ ...accept, plannedCompletionDate: '2025-02-30' }).thenRefused('InvalidDate', 'plannedCompletionDate');
  });

  it('given REC 03 already accepted, when it is accepted again, then IllegalTransition naming both', () => {
    given(...REC_03_ACCEPTED).when(accept).thenRefused('IllegalTransition');
  });
});

describe('PartiallyAcceptRecommendation', () => {
  const partially = {
    type: 'PartiallyAcceptRecommendation',
    recommendationId: REC_11.findingId,
    acceptedScope: 'Develop a RASSO problem profile and include the National Operating Model flight deck in strategic performance monitoring.',
    notAcceptedScope: 'Adopting key performance indicators the Soteria Joint Unit has not yet agreed or published.',
    reason: 'The force cannot commit to indicators that do not exist yet; it will assess them when published.',
    plannedCompletionDate: '2025-03-31',
  } as const;

  it('given REC 11 issued, when the office accepts the problem profile and flight deck but not unpublished KPIs, then RecommendationPartiallyAccepted, treated as accepted', () => {
    const { type: _command, ...data } = partially;
    given(issued(REC_11))
      .when(partially)
      .then(
        { type: 'RecommendationPartiallyAccepted', ...data },
        { type: 'RecommendationTargetDateSet', recommendationId: REC_11.findingId, targetDate: '2025-03-31' },
      )
      .andStatusIs('PartiallyAccepted');
  });

  it.each([
    { problem: 'no accepted scope', change: { acceptedScope: ' ' }, rule: 'FieldRequired', field: 'acceptedScope' },
    { problem: 'no scope left out', change: { notAcceptedScope: '' }, rule: 'FieldRequired', field: 'notAcceptedScope' },
    { problem: 'no reason', change: { reason: '' }, rule: 'ReasonRequired', field: 'reason' },
    { problem: 'the planned date 2025-02-30', change: { plannedCompletionDate: '2025-02-30' }, rule: 'InvalidDate', field: 'plannedCompletionDate' },
  ] as const)('given REC 11 issued, when it is partially accepted with $problem, then $rule on $field', ({ change, rule, field }) => {
    given(issued(REC_11)).when({ ...partially, ...change }).thenRefused(rule, field);
  });

  it('given REC 03 already accepted, when it is partially accepted, then IllegalTransition', () => {
    given(...REC_03_ACCEPTED).when({ ...partially, recommendationId: rec03Id }).thenRefused('IllegalTransition');
  });
});

describe('RejectRecommendation', () => {
  const reason = 'The force already meets this through its regional DNA retention unit; no further action will be taken.';

  it('given REC 09 issued, when the office rejects it with its reason, then RecommendationRejected and it is NotAccepted', () => {
    given(issued(REC_09))
      .when({ type: 'RejectRecommendation', recommendationId: REC_09.findingId, reason })
      .then({ type: 'RecommendationRejected', recommendationId: REC_09.findingId, reason })
      .andStatusIs('NotAccepted');
  });

  it('given REC 09 issued, when the office rejects it without a reason, then ReasonRequired', () => {
    given(issued(REC_09)).when({ type: 'RejectRecommendation', recommendationId: REC_09.findingId, reason: ' ' }).thenRefused('ReasonRequired', 'reason');
  });

  it('given REC 03 accepted, when it is rejected, then IllegalTransition', () => {
    given(...REC_03_ACCEPTED).when({ type: 'RejectRecommendation', recommendationId: rec03Id, reason }).thenRefused('IllegalTransition');
  });
});
