import type { RecommendationCommand } from './recommendation-commands';
import type { RecommendationEvent } from './recommendation-events';
import { by, given } from './recommendation.given-when-then';
import { REC_03_CLOSED, REC_03_IN_PROGRESS, REC_03_VERIFIED } from './sample-histories.fixture';
import { issued, liaison, REC_03, REC_07 } from './sample-recommendations.fixture';

const recommendationId = REC_03.findingId;

describe('RecordInspectorateStatus', () => {
  const status = {
    type: 'RecordInspectorateStatus',
    recommendationId,
    statusText: 'Open - force reports progress; awaiting evidence of training completion',
    statusDate: '2024-12-02',
    source: 'HMICFRS monitoring portal',
    mappedStatus: 'in-progress',
  } as const;
  const { type: _command, ...data } = status;

  it('given REC 03 in progress, when the liaison records the inspectorate\u2019s own words, then RecommendationInspectorateStatusRecorded and the local status is unchanged', () => {
    given(...REC_03_IN_PROGRESS).when(status, by(liaison)).then({ type: 'RecommendationInspectorateStatusRecorded', ...data }).andStatusIs('InProgress');
  });

  it('given REC 03 closed, when the inspectorate still shows it open, then that is recorded too: its view is its own', () => {
    given(...REC_03_CLOSED)
      .when({ ...status, statusText: 'Open', mappedStatus: 'open' }, by(liaison))
      .then({ type: 'RecommendationInspectorateStatusRecorded', ...data, statusText: 'Open', mappedStatus: 'open' })
      .andStatusIs('Closed');
  });

  it.each([
    { problem: 'no words', change: { statusText: '' }, rule: 'FieldRequired', field: 'statusText' },
    { problem: 'the date 2025-02-30', change: { statusDate: '2025-02-30' }, rule: 'InvalidDate', field: 'statusDate' },
    { problem: 'no source', change: { source: ' ' }, rule: 'FieldRequired', field: 'source' },
    { problem: 'an unmapped status', change: { mappedStatus: 'nearly-there' }, rule: 'InvalidValue', field: 'mappedStatus' },
  ] as const)('given REC 03 in progress, when a status is recorded with $problem, then $rule on $field', ({ change, rule, field }) => {
    given(...REC_03_IN_PROGRESS)
      .when({ ...status, ...change } as RecommendationCommand, by(liaison))
      .thenRefused(rule, field);
  });
});

describe('RecordInspectorateClosure', () => {
  const closure = { type: 'RecordInspectorateClosure', recommendationId, outcome: 'closed', closedOn: '2025-05-14', source: 'HMICFRS revisit letter, 14 May 2025' } as const;
  const { type: _command, ...data } = closure;

  it('given REC 03 closed locally, when the inspectorate closes it, then RecommendationInspectorateClosureRecorded and it is ClosedByInspectorate', () => {
    given(...REC_03_CLOSED).when(closure, by(liaison)).then({ type: 'RecommendationInspectorateClosureRecorded', ...data }).andStatusIs('ClosedByInspectorate');
  });

  it('given a cause of concern closed locally, when the inspectorate discharges it, then it is ClosedByInspectorate', () => {
    const concernId = 'finding-coc-1';
    const concern: RecommendationEvent[] = [
      { ...issued(REC_07), recommendationId: concernId, reference: 'Cause of concern 1', number: 1, findingType: 'cause-of-concern' },
      ...REC_03_CLOSED.slice(1).map((event) => ({ ...event, recommendationId: concernId })),
    ];
    given(...concern)
      .when({ ...closure, recommendationId: concernId, outcome: 'discharged' }, by(liaison))
      .then({ type: 'RecommendationInspectorateClosureRecorded', ...data, recommendationId: concernId, outcome: 'discharged' })
      .andStatusIs('ClosedByInspectorate');
  });

  it('given REC 03 closed locally, when the inspectorate "discharges" it, then DischargeOnlyForCauseOfConcern', () => {
    given(...REC_03_CLOSED).when({ ...closure, outcome: 'discharged' }, by(liaison)).thenRefused('DischargeOnlyForCauseOfConcern', 'outcome');
  });

  it.each([
    { problem: 'an unknown outcome', change: { outcome: 'archived' }, rule: 'InvalidValue', field: 'outcome' },
    { problem: 'the date 2025-02-30', change: { closedOn: '2025-02-30' }, rule: 'InvalidDate', field: 'closedOn' },
    { problem: 'no source', change: { source: '' }, rule: 'FieldRequired', field: 'source' },
  ] as const)('given REC 03 closed locally, when a closure is recorded with $problem, then $rule on $field', ({ change, rule, field }) => {
    given(...REC_03_CLOSED)
      .when({ ...closure, ...change } as RecommendationCommand, by(liaison))
      .thenRefused(rule, field);
  });

  it('given REC 03 verified but not signed off, when the inspectorate closure is recorded, then IllegalTransition', () => {
    given(...REC_03_VERIFIED).when(closure, by(liaison)).thenRefused('IllegalTransition');
  });
});
