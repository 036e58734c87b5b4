import { fold, isRuleViolation } from '../shared/decider';
import type { Actor } from '../shared/envelope';
import type { RecommendationCommand, RecommendationCommandOf, RecommendationCommandType } from './recommendation-commands';
import { recommendationDecider, recommendationStream } from './recommendation-decider';
import { RECOMMENDATION_EVENT_TYPES, type RecommendationEvent } from './recommendation-events';
import { given } from './recommendation.given-when-then';
import { REC_03_COMMITMENT, REC_03, actionOwner, issueFinding, liaison, officeStaff, performanceLead } from './sample-recommendations.fixture';
import { REC_03_IN_PROGRESS } from './sample-histories.fixture';
import { isOpenRecommendationStatus, RECOMMENDATION_STATUSES } from './recommendation-status';

const recommendationId = REC_03.findingId;

/** One command of every kind REC 03 could receive, each valid in itself (the compiler checks that none is missing). */
const commands: { [T in Exclude<RecommendationCommandType, 'IssueFinding'>]: RecommendationCommandOf<T> } = {
  AssessApplicability: { type: 'AssessApplicability', recommendationId, applicable: true },
  AcceptRecommendation: { type: 'AcceptRecommendation', recommendationId, commitment: REC_03_COMMITMENT, plannedCompletionDate: '2025-01-31' },
  PartiallyAcceptRecommendation: { type: 'PartiallyAcceptRecommendation', recommendationId, acceptedScope: 'RSDPIP', notAcceptedScope: 'SSADIP', reason: 'Capacity.' },
  RejectRecommendation: { type: 'RejectRecommendation', recommendationId, reason: 'Already met.' },
  AssignOwner: { type: 'AssignOwner', recommendationId, owner: 'Head of Public Protection Unit', organisation: 'Cumbria Constabulary' },
  SetTargetDate: { type: 'SetTargetDate', recommendationId, targetDate: '2025-01-31' },
  RequestTargetDateChange: { type: 'RequestTargetDateChange', recommendationId, from: '2025-01-31', to: '2025-03-31', reason: 'Course postponed.' },
  ApproveTargetDateChange: { type: 'ApproveTargetDateChange', recommendationId },
  RefuseTargetDateChange: { type: 'RefuseTargetDateChange', recommendationId, reason: 'Date stands.' },
  AddAction: { type: 'AddAction', recommendationId, actionId: 'action-1', description: 'Book the cohorts.', owner: 'L&D', dueDate: '2024-11-30' },
  CompleteAction: { type: 'CompleteAction', recommendationId, actionId: 'action-1' },
  RecordProgress: { type: 'RecordProgress', recommendationId, narrative: 'Cohort one trained.', rag: 'green' },
  FlagDependency: { type: 'FlagDependency', recommendationId, dependencyId: 'college-course', dependsOn: 'College of Policing', description: 'Course places.' },
  ClearDependency: { type: 'ClearDependency', recommendationId, dependencyId: 'college-course' },
  SubmitEvidence: { type: 'SubmitEvidence', recommendationId, evidenceId: 'evidence-1', title: 'Register', reference: 'CC/LD/1', sha256: 'a'.repeat(64), classification: 'OFFICIAL' },
  MarkComplete: { type: 'MarkComplete', recommendationId, summary: 'Done.', evidenceIds: ['evidence-1'] },
  VerifyCompletion: { type: 'VerifyCompletion', recommendationId },
  ReturnForFurtherWork: { type: 'ReturnForFurtherWork', recommendationId, reason: 'Incomplete.' },
  CloseRecommendation: { type: 'CloseRecommendation', recommendationId },
  RecordInspectorateStatus: { type: 'RecordInspectorateStatus', recommendationId, statusText: 'Open', statusDate: '2024-12-02', source: 'Portal', mappedStatus: 'open' },
  RecordInspectorateClosure: { type: 'RecordInspectorateClosure', recommendationId, outcome: 'closed', closedOn: '2025-05-14', source: 'Letter' },
  Supersede: { type: 'Supersede', recommendationId, supersededBy: 'REC 1, 2025 revisit', reason: 'Restated.' },
  MarkNoLongerRelevant: { type: 'MarkNoLongerRelevant', recommendationId, reason: 'Function moved.' },
  Reopen: { type: 'Reopen', recommendationId, reason: 'Found untrained detectives.' },
  CorrectEntry: { type: 'CorrectEntry', recommendationId, correctsEventId: 'event-1', whatWasWrong: 'Wrong date.', reason: 'Typing error.' },
  CorrectEntryDate: { type: 'CorrectEntryDate', recommendationId, correctsEventId: 'event-1', correctOccurredAt: '2024-10-10', reason: 'Typing error.' },
};
const everyCommandOnRec03: RecommendationCommand[] = Object.values(commands);

describe('a recommendation that was never issued', () => {
  it.each(everyCommandOnRec03.map((command) => ({ command, type: command.type })))(
    'given nothing in REC 03\u2019s stream, when $type arrives, then RecommendationNotIssued (answered as not found)',
    ({ command }) => {
      given().when(command, { streamEventIds: new Set(['event-1']) }).thenRefused('RecommendationNotIssued');
    },
  );
});

describe('illegal transitions', () => {
  it('given REC 03 in progress, when it is accepted, then IllegalTransition names the command, the status and where it is allowed from', () => {
    const refusal = given(...REC_03_IN_PROGRESS).when(commands.AcceptRecommendation).thenRefused('IllegalTransition');
    expect(refusal.message).toBe('AcceptRecommendation is not allowed while REC 03 is InProgress (allowed from Issued)');
  });
});

describe('REC 03 through its year', () => {
  it('goes from issue to the inspectorate\u2019s closure, each step by the person the design names', () => {
    const steps: [RecommendationCommand, Actor][] = [
      [issueFinding(REC_03), officeStaff],
      [commands.AcceptRecommendation, officeStaff],
      [commands.AssignOwner, officeStaff],
      [{ type: 'RecordProgress', recommendationId, narrative: 'Two of three cohorts trained.', percentComplete: 66, rag: 'amber' }, actionOwner],
      [commands.SubmitEvidence, actionOwner],
      [commands.MarkComplete, actionOwner],
      [commands.VerifyCompletion, performanceLead],
      [commands.CloseRecommendation, officeStaff],
      [commands.RecordInspectorateClosure, liaison],
    ];
    let history: RecommendationEvent[] = [];
    const statuses: (string | null)[] = [];
    for (const [command, actor] of steps) {
      const state = fold(recommendationDecider.evolve, recommendationDecider.initialState, history);
      const outcome = recommendationDecider.decide(command, state, { actor, streamEventIds: new Set() });
      if (isRuleViolation(outcome)) throw new Error(`${command.type} refused: ${outcome.message}`);
      history = [...history, ...outcome];
      statuses.push(fold(recommendationDecider.evolve, recommendationDecider.initialState, history).status);
    }
    expect(statuses).toEqual(['Issued', 'Accepted', 'InProgress', 'InProgress', 'InProgress', 'AwaitingVerification', 'Verified', 'Closed', 'ClosedByInspectorate']);
    expect(history.map((event) => event.type)).toEqual([
      'FindingIssued',
      'RecommendationAccepted',
      'RecommendationTargetDateSet',
      'RecommendationOwnerAssigned',
      'RecommendationWorkStarted',
      'RecommendationProgressRecorded',
      'RecommendationEvidenceSubmitted',
      'RecommendationMarkedComplete',
      'RecommendationCompletionVerified',
      'RecommendationClosed',
      'RecommendationInspectorateClosureRecorded',
    ]);
    expect(history.every((event) => event.recommendationId === recommendationId)).toBe(true);
  });
});

describe('evolve', () => {
  it('refuses to apply an event to a recommendation that was never issued: the stream is corrupt', () => {
    expect(() =>
      recommendationDecider.evolve(recommendationDecider.initialState, { type: 'RecommendationClosed', recommendationId, comment: null }),
    ).toThrow('RecommendationClosed cannot be applied to recommendation finding-rec-03: it was never issued');
  });

  it('refuses an event type it does not know rather than skip it', () => {
    const issued = fold(recommendationDecider.evolve, recommendationDecider.initialState, REC_03_IN_PROGRESS);
    expect(() => recommendationDecider.evolve(issued, { type: 'RecommendationRenamed', recommendationId } as unknown as RecommendationEvent)).toThrow(
      'Unknown recommendation event',
    );
  });
});

describe('stream and event types', () => {
  it('keeps each finding in its own stream', () => {
    expect(recommendationStream(recommendationId)).toBe('recommendation-finding-rec-03');
  });

  it('lists every event type once, for projections', () => {
    expect(RECOMMENDATION_EVENT_TYPES).toHaveLength(28);
    expect(new Set(RECOMMENDATION_EVENT_TYPES).size).toBe(RECOMMENDATION_EVENT_TYPES.length);
    expect(RECOMMENDATION_EVENT_TYPES).toContain('FindingIssued');
    expect(RECOMMENDATION_EVENT_TYPES).toContain('RecommendationEntryCorrected');
  });
});

describe('open and terminal statuses', () => {
  it('counts a recommendation as open, and so able to be overdue, until it is closed, ended or decided against', () => {
    expect(RECOMMENDATION_STATUSES.filter(isOpenRecommendationStatus)).toEqual(['Issued', 'Accepted', 'PartiallyAccepted', 'InProgress', 'AwaitingVerification', 'Verified']);
  });
});
