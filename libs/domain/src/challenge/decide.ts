import type { DecisionContext, Decider, RuleViolation } from '../shared/decider';
import { blankAsNull, firstViolation, requireDate, requireNotBefore, requireText } from '../shared/field-rules';
import type { AnswerChallenge, ChallengeCommand, CloseChallenge, RaiseChallenge } from './commands';
import type { ChallengeEvent } from './events';
import { type ChallengeState, evolveChallenge, initialChallengeState } from './state';
import { refuseChallenge } from './rules';

type Decision = readonly ChallengeEvent[] | RuleViolation;
type Raised = Exclude<ChallengeState, { status: 'none' }>;

export function decideChallenge(command: ChallengeCommand, state: ChallengeState, _context: DecisionContext): Decision {
  if (command.type === 'RaiseChallenge') return raise(command, state);
  if (state.status === 'none') return refuseChallenge('NotRegistered', `Challenge ${command.challengeId} has not been raised`, 'challengeId');
  if (state.status === 'closed') return refuseChallenge('IllegalTransition', `Challenge ${state.challengeId} is closed`);
  switch (command.type) {
    case 'AnswerChallenge':
      return answer(command, state);
    case 'CloseChallenge':
      return close(command, state);
  }
}

export const challengeDecider: Decider<ChallengeCommand, ChallengeEvent, ChallengeState> = {
  initialState: initialChallengeState,
  decide: decideChallenge,
  evolve: evolveChallenge,
};

function raise(command: RaiseChallenge, state: ChallengeState): Decision {
  if (state.status !== 'none') return refuseChallenge('AlreadyRegistered', `Challenge ${state.challengeId} has already been raised`, 'challengeId');
  const refused =
    firstViolation(
      requireText(command.challengeId, 'challengeId'),
      requireText(command.forum, 'forum'),
      requireDate(command.meetingDate, 'meetingDate'),
      requireText(command.question, 'question'),
      requireDate(command.answerDueBy, 'answerDueBy'),
      optionalId(command.inspectionId, 'inspectionId'),
      optionalId(command.recommendationId, 'recommendationId'),
    ) ?? requireNotBefore(command.answerDueBy, command.meetingDate, 'answerDueBy', 'the meeting');
  if (refused) return refused;
  return [
    {
      type: 'ChallengeRaised',
      challengeId: command.challengeId,
      forum: command.forum,
      meetingDate: command.meetingDate,
      question: command.question,
      answerDueBy: command.answerDueBy,
      inspectionId: blankAsNull(command.inspectionId),
      recommendationId: blankAsNull(command.recommendationId),
    },
  ];
}

function answer(command: AnswerChallenge, state: Raised): Decision {
  const refused =
    firstViolation(requireText(command.answer, 'answer'), requireDate(command.answeredOn, 'answeredOn')) ??
    requireNotBefore(command.answeredOn, state.meetingDate, 'answeredOn', 'the meeting that raised it');
  if (refused) return refused;
  return [{ type: 'ChallengeAnswered', challengeId: state.challengeId, answer: command.answer, answeredOn: command.answeredOn }];
}

/** A challenge may close unanswered (withdrawn, overtaken): the outcome says so. */
function close(command: CloseChallenge, state: Raised): Decision {
  const lastAnswer = state.answeredOn.reduce((latest, date) => (date > latest ? date : latest), state.meetingDate);
  const refused =
    firstViolation(requireText(command.outcome, 'outcome'), requireDate(command.closedOn, 'closedOn')) ??
    requireNotBefore(command.closedOn, lastAnswer, 'closedOn', lastAnswer === state.meetingDate ? 'the meeting that raised it' : 'its last answer');
  if (refused) return refused;
  return [{ type: 'ChallengeClosed', challengeId: state.challengeId, outcome: command.outcome, closedOn: command.closedOn }];
}

function optionalId(value: unknown, field: string): RuleViolation | undefined {
  return value === undefined || value === null || typeof value === 'string' ? undefined : refuseChallenge('InvalidValue', `${field} must be an id or null`, field);
}
