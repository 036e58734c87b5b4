import type { RecommendationCommand } from './recommendation-commands';
import type { RecommendationEvent } from './recommendation-events';
import { by, given } from './recommendation.given-when-then';
import { REC_03_ACCEPTED, REC_03_AWAITING_VERIFICATION, REC_03_CLOSED, REC_03_IN_PROGRESS, REC_03_ISSUED, rec03 } from './sample-histories.fixture';
import { actionOwner, issued, REC_03, REC_05, REC_05_DEPENDENCY, REC_07, REC_11 } from './sample-recommendations.fixture';

const recommendationId = REC_03.findingId;

describe('AssignOwner', () => {
  const assign = { type: 'AssignOwner', recommendationId, owner: 'Head of Public Protection Unit', organisation: 'Cumbria Constabulary' } as const;

  it('given REC 03 accepted, when the office assigns the Head of Public Protection as owner, then RecommendationOwnerAssigned and work starts', () => {
    given(...REC_03_ACCEPTED).when(assign).then(rec03.ownerAssigned, rec03.workStarted).andStatusIs('InProgress');
  });

  it('given REC 11 partially accepted, when an owner is assigned, then work starts as for an accepted one', () => {
    const partiallyAccepted: RecommendationEvent = {
      type: 'RecommendationPartiallyAccepted',
      recommendationId: REC_11.findingId,
      acceptedScope: 'Problem profile and flight deck.',
      notAcceptedScope: 'Unpublished KPIs.',
      reason: 'Not yet published.',
      plannedCompletionDate: null,
    };
    given(issued(REC_11), partiallyAccepted)
      .when({ ...assign, recommendationId: REC_11.findingId, owner: 'Head of Performance and Analysis' })
      .then(
        { type: 'RecommendationOwnerAssigned', recommendationId: REC_11.findingId, owner: 'Head of Performance and Analysis', organisation: 'Cumbria Constabulary', previousOwner: null },
        { type: 'RecommendationWorkStarted', recommendationId: REC_11.findingId },
      )
      .andStatusIs('InProgress');
  });

  it('given REC 03 in progress, when the owner changes, then RecommendationOwnerAssigned naming the previous owner and nothing else', () => {
    given(...REC_03_IN_PROGRESS)
      .when({ ...assign, owner: 'Detective Superintendent, Learning & Development' })
      .then({ type: 'RecommendationOwnerAssigned', recommendationId, owner: 'Detective Superintendent, Learning & Development', organisation: 'Cumbria Constabulary', previousOwner: 'Head of Public Protection Unit' })
      .andStatusIs('InProgress');
  });

  it('given REC 03 accepted, when an owner is assigned with no name, then FieldRequired on owner', () => {
    given(...REC_03_ACCEPTED).when({ ...assign, owner: '' }).thenRefused('FieldRequired', 'owner');
  });

  it('given REC 03 accepted, when an owner is assigned with no organisation, then FieldRequired on organisation', () => {
    given(...REC_03_ACCEPTED).when({ ...assign, organisation: ' ' }).thenRefused('FieldRequired', 'organisation');
  });

  it('given REC 03 issued but not yet decided, when an owner is assigned, then IllegalTransition', () => {
    given(...REC_03_ISSUED).when(assign).thenRefused('IllegalTransition');
  });
});

describe('RecordProgress', () => {
  const progress = {
    type: 'RecordProgress',
    recommendationId,
    narrative: 'Two of three RSDPIP cohorts trained; the last cohort starts on 6 January 2025.',
    percentComplete: 66,
    rag: 'amber',
  } as const;

  it('given REC 03 in progress, when the owner records progress at 66% amber, then RecommendationProgressRecorded', () => {
    given(...REC_03_IN_PROGRESS)
      .when(progress, by(actionOwner))
      .then({ type: 'RecommendationProgressRecorded', recommendationId, narrative: progress.narrative, percentComplete: 66, rag: 'amber' })
      .andStatusIs('InProgress');
  });

  it('given REC 03 accepted with no owner yet, when progress is first recorded without a percentage, then it is recorded and work starts', () => {
    given(...REC_03_ACCEPTED)
      .when({ ...progress, percentComplete: undefined, rag: 'green' })
      .then({ type: 'RecommendationProgressRecorded', recommendationId, narrative: progress.narrative, percentComplete: null, rag: 'green' }, rec03.workStarted)
      .andStatusIs('InProgress');
  });

  it.each([
    { problem: 'no narrative', change: { narrative: '' }, rule: 'FieldRequired', field: 'narrative' },
    { problem: '101%', change: { percentComplete: 101 }, rule: 'PercentOutOfRange', field: 'percentComplete' },
    { problem: '-1%', change: { percentComplete: -1 }, rule: 'PercentOutOfRange', field: 'percentComplete' },
    { problem: 'a percentage in words', change: { percentComplete: 'two thirds' }, rule: 'PercentOutOfRange', field: 'percentComplete' },
    { problem: 'a RAG of blue', change: { rag: 'blue' }, rule: 'InvalidValue', field: 'rag' },
  ] as const)('given REC 03 in progress, when progress is recorded with $problem, then $rule on $field', ({ change, rule, field }) => {
    given(...REC_03_IN_PROGRESS)
      .when({ ...progress, ...change } as RecommendationCommand)
      .thenRefused(rule, field);
  });

  it('given REC 03 awaiting verification, when progress is recorded, then IllegalTransition', () => {
    given(...REC_03_AWAITING_VERIFICATION).when(progress).thenRefused('IllegalTransition');
  });
});

describe('AddAction and CompleteAction', () => {
  const rec07Id = REC_07.findingId;
  const rec07Accepted: RecommendationEvent[] = [
    issued(REC_07),
    {
      type: 'RecommendationAccepted',
      recommendationId: rec07Id,
      commitment: 'We are adding the tracking of RASSO offenders who breach bail; our analysts are building this data so it can be implemented within one month.',
      plannedCompletionDate: '2024-11-16',
    },
  ];
  const addBailTracking = {
    type: 'AddAction',
    recommendationId: rec07Id,
    actionId: 'action-bail-breach-tracking',
    description: 'Build tracking of RASSO offenders who breach bail into the analysts\u2019 data.',
    owner: 'Head of Analysis',
    dueDate: '2024-10-16',
  } as const;
  const { type: _add, ...actionData } = addBailTracking;
  const actionAdded: RecommendationEvent = { type: 'RecommendationActionAdded', ...actionData };
  const complete = { type: 'CompleteAction', recommendationId: rec07Id, actionId: 'action-bail-breach-tracking' } as const;
  const actionCompleted: RecommendationEvent = { type: 'RecommendationActionCompleted', recommendationId: rec07Id, actionId: 'action-bail-breach-tracking' };

  it('given REC 07 accepted, when the office adds the bail-breach tracking action for the analysts, due 2024-10-16, then RecommendationActionAdded', () => {
    given(...rec07Accepted).when(addBailTracking).then(actionAdded).andStatusIs('Accepted');
  });

  it.each([
    { problem: 'no id', change: { actionId: '' }, rule: 'FieldRequired', field: 'actionId' },
    { problem: 'no description', change: { description: ' ' }, rule: 'FieldRequired', field: 'description' },
    { problem: 'no owner', change: { owner: '' }, rule: 'FieldRequired', field: 'owner' },
    { problem: 'the due date 2025-02-30', change: { dueDate: '2025-02-30' }, rule: 'InvalidDate', field: 'dueDate' },
  ] as const)('given REC 07 accepted, when an action is added with $problem, then $rule on $field', ({ change, rule, field }) => {
    given(...rec07Accepted).when({ ...addBailTracking, ...change }).thenRefused(rule, field);
  });

  it('given REC 07 with the bail-breach action, when the same action is added again, then ActionAlreadyExists', () => {
    given(...rec07Accepted, actionAdded).when(addBailTracking).thenRefused('ActionAlreadyExists', 'actionId');
  });

  it('given REC 03 closed, when an action is added, then IllegalTransition', () => {
    given(...REC_03_CLOSED).when({ ...addBailTracking, recommendationId }).thenRefused('IllegalTransition');
  });

  it('given REC 07 with the bail-breach action, when the analysts complete it, then RecommendationActionCompleted', () => {
    given(...rec07Accepted, actionAdded).when(complete).then(actionCompleted);
  });

  it('given REC 07 with no such action, when an action is completed, then UnknownAction', () => {
    given(...rec07Accepted).when(complete).thenRefused('UnknownAction', 'actionId');
  });

  it('given REC 07 whose action is already complete, when it is completed again, then ActionAlreadyCompleted', () => {
    given(...rec07Accepted, actionAdded, actionCompleted).when(complete).thenRefused('ActionAlreadyCompleted', 'actionId');
  });

  it('given REC 03 awaiting verification, when an action is completed, then IllegalTransition', () => {
    given(...REC_03_AWAITING_VERIFICATION).when({ ...complete, recommendationId }).thenRefused('IllegalTransition');
  });
});

describe('FlagDependency and ClearDependency', () => {
  const rec05Id = REC_05.findingId;
  const flag = {
    type: 'FlagDependency',
    recommendationId: rec05Id,
    dependencyId: 'soteria-repeat-suspect-definition',
    dependsOn: 'Soteria Joint Unit',
    description: REC_05_DEPENDENCY,
  } as const;
  const { type: _flag, ...flagData } = flag;
  const flagged: RecommendationEvent = { type: 'RecommendationDependencyFlagged', ...flagData };
  const clear = { type: 'ClearDependency', recommendationId: rec05Id, dependencyId: 'soteria-repeat-suspect-definition', note: 'Definition and guidance published.' } as const;

  it('given REC 05 issued, when the office flags that it waits on the Soteria Joint Unit\u2019s definition, then RecommendationDependencyFlagged', () => {
    given(issued(REC_05)).when(flag).then(flagged).andStatusIs('Issued');
  });

  it.each([
    { problem: 'no id', change: { dependencyId: '' }, field: 'dependencyId' },
    { problem: 'no body it depends on', change: { dependsOn: ' ' }, field: 'dependsOn' },
    { problem: 'no description', change: { description: '' }, field: 'description' },
  ] as const)('given REC 05 issued, when a dependency is flagged with $problem, then FieldRequired on $field', ({ change, field }) => {
    given(issued(REC_05)).when({ ...flag, ...change }).thenRefused('FieldRequired', field);
  });

  it('given REC 05 already waiting on the definition, when the same dependency is flagged again, then DependencyAlreadyFlagged', () => {
    given(issued(REC_05), flagged).when(flag).thenRefused('DependencyAlreadyFlagged', 'dependencyId');
  });

  it('given REC 03 closed, when a dependency is flagged, then IllegalTransition', () => {
    given(...REC_03_CLOSED).when({ ...flag, recommendationId }).thenRefused('IllegalTransition');
  });

  it('given REC 05 waiting on the definition, when the definition is published, then RecommendationDependencyCleared', () => {
    given(issued(REC_05), flagged)
      .when(clear)
      .then({ type: 'RecommendationDependencyCleared', recommendationId: rec05Id, dependencyId: 'soteria-repeat-suspect-definition', note: 'Definition and guidance published.' });
  });

  it('given REC 05 waiting on nothing, when a dependency is cleared, then UnknownDependency', () => {
    given(issued(REC_05)).when(clear).thenRefused('UnknownDependency', 'dependencyId');
  });

  it('given REC 05 whose dependency is cleared, when it is cleared again, then DependencyAlreadyCleared', () => {
    const cleared: RecommendationEvent = { type: 'RecommendationDependencyCleared', recommendationId: rec05Id, dependencyId: 'soteria-repeat-suspect-definition', note: null };
    given(issued(REC_05), flagged, cleared).when({ ...clear, note: undefined }).thenRefused('DependencyAlreadyCleared', 'dependencyId');
  });
});
