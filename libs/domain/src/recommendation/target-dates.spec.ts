import type { RecommendationEvent } from './recommendation-events';
import { by, given } from './recommendation.given-when-then';
import { REC_03_CLOSED, REC_03_IN_PROGRESS } from './sample-histories.fixture';
import { actionOwner, issued, officeStaff, performanceLead, REC_03, REC_05 } from './sample-recommendations.fixture';

const recommendationId = REC_03.findingId;
const reason = 'The third RSDPIP cohort was postponed by the College of Policing; the next course runs in March.';

const request = { type: 'RequestTargetDateChange', recommendationId, from: '2025-01-31', to: '2025-03-31', reason } as const;
const requested: RecommendationEvent = {
  type: 'RecommendationTargetDateChangeRequested',
  recommendationId,
  from: '2025-01-31',
  to: '2025-03-31',
  reason,
  requestedBy: actionOwner.id,
};
const REC_03_CHANGE_PENDING = [...REC_03_IN_PROGRESS, requested];

describe('SetTargetDate', () => {
  const rec05Id = REC_05.findingId;
  const rec05AcceptedWithoutDate: RecommendationEvent[] = [
    issued(REC_05),
    { type: 'RecommendationAccepted', recommendationId: rec05Id, commitment: 'Implement the appropriate processes once the definition is received.', plannedCompletionDate: null },
  ];

  it('given REC 05 accepted without a date, when the office sets the target date 2025-07-31, then RecommendationTargetDateSet', () => {
    given(...rec05AcceptedWithoutDate)
      .when({ type: 'SetTargetDate', recommendationId: rec05Id, targetDate: '2025-07-31' })
      .then({ type: 'RecommendationTargetDateSet', recommendationId: rec05Id, targetDate: '2025-07-31' })
      .andStatusIs('Accepted');
  });

  it('given REC 05 accepted without a date, when the target date is 2025-02-30, then InvalidDate', () => {
    given(...rec05AcceptedWithoutDate).when({ type: 'SetTargetDate', recommendationId: rec05Id, targetDate: '2025-02-30' }).thenRefused('InvalidDate', 'targetDate');
  });

  it('given REC 03 with its target date 2025-01-31, when a new one is simply set, then TargetDateAlreadySet: a revision needs a reason and an approval', () => {
    given(...REC_03_IN_PROGRESS).when({ type: 'SetTargetDate', recommendationId, targetDate: '2025-03-31' }).thenRefused('TargetDateAlreadySet', 'targetDate');
  });

  it('given REC 05 only issued, when a target date is set, then IllegalTransition', () => {
    given(issued(REC_05)).when({ type: 'SetTargetDate', recommendationId: rec05Id, targetDate: '2025-07-31' }).thenRefused('IllegalTransition');
  });
});

describe('RequestTargetDateChange', () => {
  it('given REC 03 due 2025-01-31, when the owner asks to move it to 2025-03-31 with the reason, then RecommendationTargetDateChangeRequested and the date stands until decided', () => {
    given(...REC_03_IN_PROGRESS).when(request, by(actionOwner)).then(requested).andStateHas({ targetDate: '2025-01-31' });
  });

  it('given REC 03 moved to 2025-03-31 with approval, when a further change is requested, then it starts from 2025-03-31', () => {
    const approved: RecommendationEvent = { type: 'RecommendationTargetDateChangeApproved', recommendationId, from: '2025-01-31', to: '2025-03-31', reason, requestedBy: actionOwner.id, approvedBy: officeStaff.id, comment: null };
    given(...REC_03_CHANGE_PENDING, approved)
      .when({ ...request, from: '2025-03-31', to: '2025-04-30' }, by(actionOwner))
      .then({ ...requested, from: '2025-03-31', to: '2025-04-30' });
  });

  it.each([
    { problem: 'no reason', change: { reason: '' }, rule: 'ReasonRequired', field: 'reason' },
    { problem: 'the new date 2025-02-30', change: { to: '2025-02-30' }, rule: 'InvalidDate', field: 'to' },
    { problem: 'an impossible current date', change: { from: '2025-13-01' }, rule: 'InvalidDate', field: 'from' },
    { problem: 'a current date that is not the current target date', change: { from: '2025-02-28' }, rule: 'TargetDateMismatch', field: 'from' },
    { problem: 'the same date', change: { to: '2025-01-31' }, rule: 'TargetDateUnchanged', field: 'to' },
  ] as const)('given REC 03 due 2025-01-31, when a change is requested with $problem, then $rule on $field', ({ change, rule, field }) => {
    given(...REC_03_IN_PROGRESS).when({ ...request, ...change }, by(actionOwner)).thenRefused(rule, field);
  });

  it('given REC 05 accepted with no target date, when a change is requested, then NoTargetDate', () => {
    given(issued(REC_05), { type: 'RecommendationAccepted', recommendationId: REC_05.findingId, commitment: 'Implement once defined.', plannedCompletionDate: null })
      .when({ ...request, recommendationId: REC_05.findingId })
      .thenRefused('NoTargetDate');
  });

  it('given a change of REC 03 already awaiting a decision, when another is requested, then TargetDateChangeAlreadyPending', () => {
    given(...REC_03_CHANGE_PENDING).when({ ...request, to: '2025-04-30' }).thenRefused('TargetDateChangeAlreadyPending');
  });

  it('given REC 03 closed, when a change is requested, then IllegalTransition', () => {
    given(...REC_03_CLOSED).when(request).thenRefused('IllegalTransition');
  });
});

describe('ApproveTargetDateChange', () => {
  const approve = { type: 'ApproveTargetDateChange', recommendationId, comment: 'Agreed at the accountability board, 12 December 2024.' } as const;

  it('given the owner asked to move REC 03 to 2025-03-31, when office staff approve, then RecommendationTargetDateChangeApproved with requester and approver, and the target date is 2025-03-31', () => {
    const approved: RecommendationEvent = {
      type: 'RecommendationTargetDateChangeApproved',
      recommendationId,
      from: '2025-01-31',
      to: '2025-03-31',
      reason,
      requestedBy: actionOwner.id,
      approvedBy: officeStaff.id,
      comment: approve.comment,
    };
    given(...REC_03_CHANGE_PENDING).when(approve, by(officeStaff)).then(approved).andStateHas({ targetDate: '2025-03-31', pendingTargetDateChange: null });
  });

  it('given the owner asked to move REC 03, when the owner approves their own request, then ApproverMustDifferFromRequester', () => {
    given(...REC_03_CHANGE_PENDING).when(approve, by(actionOwner)).thenRefused('ApproverMustDifferFromRequester');
  });

  it('given no change of REC 03 awaiting a decision, when one is approved, then NoPendingTargetDateChange', () => {
    given(...REC_03_IN_PROGRESS).when(approve).thenRefused('NoPendingTargetDateChange');
  });

  it('given REC 03 closed, when a change is approved, then IllegalTransition', () => {
    given(...REC_03_CLOSED).when(approve).thenRefused('IllegalTransition');
  });
});

describe('RefuseTargetDateChange', () => {
  const refusal = 'The College runs an extra RSDPIP cohort in January; the original date stands.';
  const refuse = { type: 'RefuseTargetDateChange', recommendationId, reason: refusal } as const;

  it('given the owner asked to move REC 03, when the performance lead refuses with a reason, then RecommendationTargetDateChangeRefused and 2025-01-31 stands', () => {
    given(...REC_03_CHANGE_PENDING)
      .when(refuse, by(performanceLead))
      .then({
        type: 'RecommendationTargetDateChangeRefused',
        recommendationId,
        from: '2025-01-31',
        to: '2025-03-31',
        requestedBy: actionOwner.id,
        refusedBy: performanceLead.id,
        reason: refusal,
      })
      .andStateHas({ targetDate: '2025-01-31', pendingTargetDateChange: null });
  });

  it('given the owner asked to move REC 03, when it is refused without a reason, then ReasonRequired', () => {
    given(...REC_03_CHANGE_PENDING).when({ ...refuse, reason: ' ' }, by(performanceLead)).thenRefused('ReasonRequired', 'reason');
  });

  it('given the owner asked to move REC 03, when the owner refuses their own request, then ApproverMustDifferFromRequester', () => {
    given(...REC_03_CHANGE_PENDING).when(refuse, by(actionOwner)).thenRefused('ApproverMustDifferFromRequester');
  });

  it('given no change of REC 03 awaiting a decision, when one is refused, then NoPendingTargetDateChange', () => {
    given(...REC_03_IN_PROGRESS).when(refuse).thenRefused('NoPendingTargetDateChange');
  });

  it('given REC 03 closed, when a change is refused, then IllegalTransition', () => {
    given(...REC_03_CLOSED).when(refuse).thenRefused('IllegalTransition');
  });
});
