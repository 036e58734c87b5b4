import type { ChallengeCommand } from '@ledger/domain';
import type { ChallengeEntry, RegisterEntry } from '@ledger/projections/read-models';
import type { InspectionSummary } from '@ledger/projections/read-models/register/inspection-summary';
import { AnswerChallengeDto, CloseChallengeDto, RaiseChallengeDto } from '../../../challenges/challenge.dto';
import { join, para, smallPara, type Prose } from '../../components/inline';
import { day } from '../../reading/format';
import type { RecordingForm } from '../forms/recording-flow';
import { OCCURRED_AT, onBehalfOf } from '../forms/statement-fields';

/** What a new challenge is about: one finding, one inspection, or neither (a general question). */
export type ChallengeAbout = { finding: RegisterEntry } | { inspection: InspectionSummary } | { general: true };

/** A challenge is answered and closed as it stands. */
export interface RaisedChallengeContext {
  challenge: ChallengeEntry;
}

/** A scrutiny challenge command as a form; `key` is what the page it returns to is told was recorded. */
export interface ChallengeForm<C> extends RecordingForm<C> {
  command: ChallengeCommand['type'];
}

function aboutText(about: ChallengeAbout): Prose {
  if ('finding' in about) return [para(`A question about ${about.finding.reference}.`)];
  if ('inspection' in about) return [para('A question about the inspection as a whole.')];
  return [para('A general question, about no one inspection or recommendation. To raise one about an inspection or a recommendation, start from its page.')];
}

function question({ challenge }: RaisedChallengeContext): Prose {
  return [
    {
      inset: [
        para(challenge.question),
        smallPara(join(`Asked at the ${challenge.forum}, `, day(challenge.meetingDate), '; answer due by ', day(challenge.answerDueBy), '.')),
        ...challenge.answers.map((answer) => smallPara(join('Answered ', day(answer.answeredOn), `: ${answer.answer}`))),
      ],
    },
  ];
}

export const RAISE_CHALLENGE: ChallengeForm<ChallengeAbout> = {
  key: 'raise-challenge',
  command: 'RaiseChallenge',
  dto: RaiseChallengeDto,
  title: 'Raise a scrutiny challenge',
  submit: 'Record the challenge',
  recorded: 'Scrutiny challenge raised',
  context: aboutText,
  items: () => [
    { path: 'forum', kind: 'text', label: 'Forum', hint: 'Where it was asked: for example, Police and Crime Panel.', width: 'two-thirds' },
    { path: 'meetingDate', kind: 'date', label: 'Date of the meeting' },
    { path: 'question', kind: 'textarea', label: 'Question', hint: 'As the forum put it.' },
    { path: 'answerDueBy', kind: 'date', label: 'Answer due by', hint: 'On or after the meeting. For example, 31 3 2025' },
    onBehalfOf('none'),
  ],
};

export const ANSWER_CHALLENGE: ChallengeForm<RaisedChallengeContext> = {
  key: 'answer-challenge',
  command: 'AnswerChallenge',
  dto: AnswerChallengeDto,
  title: 'Record an answer to a scrutiny challenge',
  submit: 'Record the answer',
  recorded: 'Answer recorded',
  context: question,
  items: () => [
    { path: 'answer', kind: 'textarea', label: 'Answer', hint: 'As it was given to the forum. A later answer adds to an earlier one.' },
    { path: 'answeredOn', kind: 'date', label: 'Date answered' },
    onBehalfOf('none'),
    OCCURRED_AT,
  ],
};

export const CLOSE_CHALLENGE: ChallengeForm<RaisedChallengeContext> = {
  key: 'close-challenge',
  command: 'CloseChallenge',
  dto: CloseChallengeDto,
  title: 'Close a scrutiny challenge',
  submit: 'Close the challenge',
  recorded: 'Scrutiny challenge closed',
  context: question,
  items: () => [
    { path: 'outcome', kind: 'text', label: 'Outcome', hint: "In the forum's words: for example, satisfied, withdrawn, or referred to the accountability board." },
    { path: 'closedOn', kind: 'date', label: 'Date closed' },
    OCCURRED_AT,
  ],
};

export const CHALLENGE_FORMS = [RAISE_CHALLENGE, ANSWER_CHALLENGE, CLOSE_CHALLENGE] as const;
