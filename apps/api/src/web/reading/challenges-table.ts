import type { ChallengeEntry } from '@ledger/projections/read-models';
import { hint, join, lines, link, strong, type Inline, type Table } from '../components/inline';
import { day, instant } from './format';
import { byText, challengeTag, nameOf } from './words';

/**
 * Scrutiny challenges: the question and where it was asked, what it is about, the answers, and
 * whether an answer is overdue, each with when it was recorded. `linksOf` adds, under a question, the forms that record about it.
 */
export function challengesTable(
  challenges: readonly ChallengeEntry[],
  caption: string,
  titles: ReadonlyMap<string, string> = new Map(),
  linksOf: (challenge: ChallengeEntry) => Inline = () => false,
): Table {
  return {
    caption,
    label: caption,
    columns: [{ text: 'Question', width: 'one-third' }, { text: 'About' }, { text: 'Answer due', nowrap: true }, { text: 'Answers', width: 'one-quarter' }, { text: 'Status' }],
    rows: challenges.map((challenge) => [
      lines(challenge.question, hint(join(`${challenge.forum}, `, day(challenge.meetingDate), `; raised by ${byText(challenge.raisedBy, challenge.raisedOnBehalfOf)}; recorded `, instant(challenge.raisedRecordedAt))), linksOf(challenge)),
      about(challenge, titles),
      day(challenge.answerDueBy),
      lines(
        ...(challenge.answers.length === 0 ? ['None yet'] : challenge.answers.map((answer) => join(answer.answer, ' ', hint(join('(', day(answer.answeredOn), `, ${byText(answer.recordedBy, answer.onBehalfOf, nameOf)}; recorded `, instant(answer.recordedAt), ')'))))),
        challenge.outcome !== null &&
          join(strong('Outcome:'), ` ${challenge.outcome}`, challenge.closedOn && join(' (', day(challenge.closedOn), challenge.closedBy && `, closed by ${byText(challenge.closedBy, challenge.closedOnBehalfOf)}`, ')')),
      ),
      challengeTag(challenge),
    ]),
  };
}

function about(challenge: ChallengeEntry, titles: ReadonlyMap<string, string>): Inline {
  if (challenge.recommendationId !== null) return link(`/recommendations/${encodeURIComponent(challenge.recommendationId)}`, challenge.reference ?? 'The finding');
  if (challenge.inspectionId !== null) return link(`/inspections/${encodeURIComponent(challenge.inspectionId)}`, titles.get(challenge.inspectionId) ?? 'The inspection');
  return 'General';
}
