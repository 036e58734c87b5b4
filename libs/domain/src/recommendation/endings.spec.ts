import type { RecommendationEvent } from './recommendation-events';
import type { RecommendationStatus } from './recommendation-status';
import { given } from './recommendation.given-when-then';
import { REC_03_AWAITING_VERIFICATION, REC_03_CLOSED, REC_03_IN_PROGRESS, REC_03_VERIFIED, rec03 } from './sample-histories.fixture';
import { issued, REC_03, REC_05, REC_09 } from './sample-recommendations.fixture';

const recommendationId = REC_03.findingId;
const rec05Id = REC_05.findingId;

describe('Supersede', () => {
  const supersede = {
    type: 'Supersede',
    recommendationId: rec05Id,
    supersededBy: 'Recommendation 2 of the 2025 RASSO revisit report',
    reason: 'The revisit report restates the repeat-suspect requirement with a new national definition.',
  } as const;
  const { type: _command, ...data } = supersede;

  it.each([
    { history: [issued(REC_05)], status: 'Issued' },
    { history: REC_03_VERIFIED.map((event) => ({ ...event, recommendationId: rec05Id })), status: 'Verified' },
  ])('given REC 05 $status, when a later report supersedes it, then RecommendationSuperseded', ({ history }) => {
    given(...history).when(supersede).then({ type: 'RecommendationSuperseded', ...data }).andStatusIs('Superseded');
  });

  it('given REC 05 issued, when it is superseded without saying by what, then FieldRequired on supersededBy', () => {
    given(issued(REC_05)).when({ ...supersede, supersededBy: '' }).thenRefused('FieldRequired', 'supersededBy');
  });

  it('given REC 05 issued, when it is superseded without a reason, then ReasonRequired', () => {
    given(issued(REC_05)).when({ ...supersede, reason: '  ' }).thenRefused('ReasonRequired', 'reason');
  });

  it('given REC 03 closed, when it is superseded, then IllegalTransition: only an open recommendation can be', () => {
    given(...REC_03_CLOSED).when({ ...supersede, recommendationId }).thenRefused('IllegalTransition');
  });
});

describe('MarkNoLongerRelevant', () => {
  const reason = 'The force has merged its DNA retention function into the regional unit, which now answers this.';
  const mark = { type: 'MarkNoLongerRelevant', recommendationId: REC_09.findingId, reason } as const;

  it('given REC 09 issued, when the office marks it no longer relevant with the reason, then RecommendationMarkedNoLongerRelevant', () => {
    given(issued(REC_09)).when(mark).then({ type: 'RecommendationMarkedNoLongerRelevant', recommendationId: REC_09.findingId, reason }).andStatusIs('NoLongerRelevant');
  });

  it('given REC 09 issued, when it is marked no longer relevant without a reason, then ReasonRequired', () => {
    given(issued(REC_09)).when({ ...mark, reason: '' }).thenRefused('ReasonRequired', 'reason');
  });

  it('given REC 09 already no longer relevant, when it is marked so again, then IllegalTransition', () => {
    given(issued(REC_09), { type: 'RecommendationMarkedNoLongerRelevant', recommendationId: REC_09.findingId, reason }).when(mark).thenRefused('IllegalTransition');
  });
});

describe('Reopen', () => {
  const reason = 'A dip sample in March found detectives who joined in February untrained.';
  const reopen = { type: 'Reopen', recommendationId, reason } as const;

  it('given REC 03 closed, when the office reopens it with the reason, then RecommendationReopened from Closed and it is in progress', () => {
    given(...REC_03_CLOSED)
      .when(reopen)
      .then({ type: 'RecommendationReopened', recommendationId, reason, previousStatus: 'Closed' })
      .andStateHas({ status: 'InProgress', markedCompleteBy: null });
  });

  const terminal: { status: RecommendationStatus; last: RecommendationEvent; before: readonly RecommendationEvent[] }[] = [
    { status: 'NotAccepted', before: [rec03.issued], last: { type: 'RecommendationRejected', recommendationId, reason: 'Already met.' } },
    { status: 'NotApplicable', before: [rec03.issued], last: { type: 'RecommendationApplicabilityAssessed', recommendationId, applicable: false, reason: 'No such personnel.' } },
    { status: 'ClosedByInspectorate', before: REC_03_CLOSED, last: { type: 'RecommendationInspectorateClosureRecorded', recommendationId, outcome: 'closed', closedOn: '2025-05-14', source: 'Revisit letter' } },
    { status: 'Superseded', before: REC_03_IN_PROGRESS, last: { type: 'RecommendationSuperseded', recommendationId, supersededBy: 'REC 1, 2025 revisit', reason: 'Restated.' } },
    { status: 'NoLongerRelevant', before: REC_03_IN_PROGRESS, last: { type: 'RecommendationMarkedNoLongerRelevant', recommendationId, reason: 'Function moved.' } },
  ];
  it.each(terminal)('given REC 03 $status, when it is reopened with a reason, then it is in progress again', ({ status, before, last }) => {
    given(...before, last).when(reopen).then({ type: 'RecommendationReopened', recommendationId, reason, previousStatus: status }).andStatusIs('InProgress');
  });

  it('given REC 03 closed, when it is reopened without a reason, then ReasonRequired', () => {
    given(...REC_03_CLOSED).when({ ...reopen, reason: '' }).thenRefused('ReasonRequired', 'reason');
  });

  it('given REC 03 awaiting verification, when it is reopened, then IllegalTransition: only a terminal status can be', () => {
    given(...REC_03_AWAITING_VERIFICATION).when(reopen).thenRefused('IllegalTransition');
  });
});

describe('CorrectEntry', () => {
  const acceptedEventId = '6f1c1c9e-2b9a-5d7e-9a51-0c3f4e8b2a11';
  const streamEventIds = new Set(['2d7c4b1a-8e3f-5a60-b1c2-9d8e7f6a5b40', acceptedEventId]);
  const correct = {
    type: 'CorrectEntry',
    recommendationId,
    correctsEventId: acceptedEventId,
    whatWasWrong: 'The commitment was recorded as made by the PFCC; it was the Chief Constable\u2019s.',
    reason: 'Typed from the wrong paragraph of the published response.',
  } as const;
  const { type: _command, ...data } = correct;

  it('given REC 03 accepted, when the office corrects the acceptance entry, then RecommendationEntryCorrected and the status is unchanged', () => {
    given(...REC_03_IN_PROGRESS).when(correct, { streamEventIds }).then({ type: 'RecommendationEntryCorrected', ...data }).andStatusIs('InProgress');
  });

  it('given REC 03 closed, when an entry is corrected, then it is still recorded: a correction is allowed whatever the status', () => {
    given(...REC_03_CLOSED).when(correct, { streamEventIds }).then({ type: 'RecommendationEntryCorrected', ...data }).andStatusIs('Closed');
  });

  it.each([
    { problem: 'no event to correct', change: { correctsEventId: '' }, rule: 'FieldRequired', field: 'correctsEventId' },
    { problem: 'nothing said about what was wrong', change: { whatWasWrong: ' ' }, rule: 'FieldRequired', field: 'whatWasWrong' },
    { problem: 'no reason', change: { reason: '' }, rule: 'ReasonRequired', field: 'reason' },
    { problem: 'an event of another stream', change: { correctsEventId: '00000000-0000-5000-8000-000000000000' }, rule: 'CorrectedEventNotInStream', field: 'correctsEventId' },
  ] as const)('given REC 03 in progress, when an entry is corrected with $problem, then $rule on $field', ({ change, rule, field }) => {
    given(...REC_03_IN_PROGRESS).when({ ...correct, ...change }, { streamEventIds }).thenRefused(rule, field);
  });
});
