import type { Actor } from '../shared/envelope';
import { deciderSpec } from '../shared/given-when-then';
import { SAMPLE_INSPECTION_ID } from '../inspection/sample-inspection.fixture';
import { challengeDecider } from './decide';
import { CHALLENGE_EVENT_TYPES, type ChallengeEvent } from './events';
import { challengeStream } from './stream';

const officeStaff: Actor = { id: 'u-office-1', name: 'Office Caseworker', role: 'office', organisation: 'Cumbria OPFCC' };
const spec = deciderSpec(challengeDecider, { actor: officeStaff });
const challengeId = 'pcp-2025-02-06-q3';
const question = 'Were all detectives performing investigation roles trained in the RASSO Investigative Skills Development Programme by the end of January 2025, as committed for REC 03?';

const raise = (changes: Record<string, unknown> = {}) => ({
  type: 'RaiseChallenge' as const,
  challengeId,
  forum: 'Police and Crime Panel',
  meetingDate: '2025-02-06',
  question,
  answerDueBy: '2025-03-06',
  inspectionId: SAMPLE_INSPECTION_ID,
  recommendationId: 'finding-rec-03',
  ...changes,
});
const raised: ChallengeEvent = {
  type: 'ChallengeRaised',
  challengeId,
  forum: 'Police and Crime Panel',
  meetingDate: '2025-02-06',
  question,
  answerDueBy: '2025-03-06',
  inspectionId: SAMPLE_INSPECTION_ID,
  recommendationId: 'finding-rec-03',
};
const answerText = '41 of 43 detectives completed the programme by 31 January 2025; the remaining two are on long-term leave and are booked on the March course.';
const answered: ChallengeEvent = { type: 'ChallengeAnswered', challengeId, answer: answerText, answeredOn: '2025-02-27' };
const closed: ChallengeEvent = { type: 'ChallengeClosed', challengeId, outcome: 'Panel satisfied; to be revisited at the June meeting', closedOn: '2025-03-13' };

describe('RaiseChallenge', () => {
  it('records the panel’s question about REC 03 of the sample inspection', () => {
    const state = spec.given().when(raise()).thenEvents([raised]);
    expect(state).toMatchObject({ status: 'open', answerDueBy: '2025-03-06' });
  });

  it('records a general question, about no inspection in particular', () => {
    spec
      .given()
      .when(raise({ inspectionId: undefined, recommendationId: '' }))
      .thenEvents([{ ...raised, inspectionId: null, recommendationId: null }]);
  });

  it('refuses to raise the same challenge twice', () => {
    spec.given([raised]).when(raise()).thenRefused('AlreadyRegistered', 'challengeId');
  });

  it.each([
    ['without an id', { challengeId: ' ' }, 'FieldRequired', 'challengeId'],
    ['without a forum', { forum: '' }, 'FieldRequired', 'forum'],
    ['without a question', { question: '  ' }, 'FieldRequired', 'question'],
    ['at a meeting on a date that does not exist', { meetingDate: '2025-02-30' }, 'InvalidDate', 'meetingDate'],
    ['due on a date that does not exist', { answerDueBy: '2025-02-30' }, 'InvalidDate', 'answerDueBy'],
    ['due before the meeting that asks it', { answerDueBy: '2025-02-05' }, 'DateOutOfOrder', 'answerDueBy'],
    ['about an inspection id that is not text', { inspectionId: 7 }, 'InvalidValue', 'inspectionId'],
    ['about a recommendation id that is not text', { recommendationId: ['finding-rec-03'] }, 'InvalidValue', 'recommendationId'],
  ])('refuses a challenge %s', (_case, changes, rule, field) => {
    spec.given().when(raise(changes)).thenRefused(rule, field);
  });
});

describe('AnswerChallenge', () => {
  const answer = (changes: Record<string, unknown> = {}) => ({ type: 'AnswerChallenge' as const, challengeId, answer: answerText, answeredOn: '2025-02-27', ...changes });

  it('records the answer', () => {
    const state = spec.given([raised]).when(answer()).thenEvents([answered]);
    expect(state).toMatchObject({ status: 'open', answeredOn: ['2025-02-27'] });
  });

  it('records an answer given after the due date, and a follow-up answer', () => {
    spec
      .given([raised, answered])
      .when(answer({ answer: 'The two remaining detectives completed the March course.', answeredOn: '2025-03-28' }))
      .thenEvents([{ type: 'ChallengeAnswered', challengeId, answer: 'The two remaining detectives completed the March course.', answeredOn: '2025-03-28' }]);
  });

  it.each([
    ['to a challenge never raised', [], answer(), 'NotRegistered', 'challengeId'],
    ['to a closed challenge', [raised, answered, closed], answer(), 'IllegalTransition', undefined],
    ['that says nothing', [raised], answer({ answer: '' }), 'FieldRequired', 'answer'],
    ['on a date that does not exist', [raised], answer({ answeredOn: '2025-02-29' }), 'InvalidDate', 'answeredOn'],
    ['given before the meeting that asked it', [raised], answer({ answeredOn: '2025-02-05' }), 'DateOutOfOrder', 'answeredOn'],
  ])('refuses an answer %s', (_case, given, command, rule, field) => {
    spec.given(given).when(command).thenRefused(rule, field);
  });
});

describe('CloseChallenge', () => {
  const close = (changes: Record<string, unknown> = {}) => ({ type: 'CloseChallenge' as const, challengeId, outcome: 'Panel satisfied; to be revisited at the June meeting', closedOn: '2025-03-13', ...changes });

  it('closes an answered challenge with its outcome', () => {
    const state = spec.given([raised, answered]).when(close()).thenEvents([closed]);
    expect(state).toMatchObject({ status: 'closed' });
  });

  it('closes a challenge withdrawn before any answer', () => {
    spec
      .given([raised])
      .when(close({ outcome: 'Withdrawn: covered by the force’s presentation', closedOn: '2025-02-06' }))
      .thenEvents([{ type: 'ChallengeClosed', challengeId, outcome: 'Withdrawn: covered by the force’s presentation', closedOn: '2025-02-06' }]);
  });

  it.each([
    ['a challenge never raised', [], close(), 'NotRegistered', 'challengeId'],
    ['a challenge already closed', [raised, answered, closed], close(), 'IllegalTransition', undefined],
    ['without an outcome', [raised, answered], close({ outcome: ' ' }), 'FieldRequired', 'outcome'],
    ['on a date that does not exist', [raised, answered], close({ closedOn: '2025-04-31' }), 'InvalidDate', 'closedOn'],
    ['before the meeting that raised it', [raised], close({ closedOn: '2025-02-01' }), 'DateOutOfOrder', 'closedOn'],
    ['before its last answer', [raised, answered], close({ closedOn: '2025-02-26' }), 'DateOutOfOrder', 'closedOn'],
  ])('refuses to close %s', (_case, given, command, rule, field) => {
    spec.given(given).when(command).thenRefused(rule, field);
  });
});

describe('the challenge stream', () => {
  it('is named after the challenge and holds these event types', () => {
    expect(challengeStream(challengeId)).toBe('challenge-pcp-2025-02-06-q3');
    expect(CHALLENGE_EVENT_TYPES).toEqual(['ChallengeRaised', 'ChallengeAnswered', 'ChallengeClosed']);
  });
});
