import type { ChallengeEntry } from '@ledger/projections/read-models';
import { html, type SafeHtml } from '../layout/html';
import { day } from './format';
import { challengeTag, personText } from './words';

/**
 * Scrutiny challenges: the question and where it was asked, what it is about, the answers, and
 * whether an answer is overdue. `linksOf` adds, under a question, the forms that record about it.
 */
export function challengesTable(
  challenges: readonly ChallengeEntry[],
  caption: string,
  titles: ReadonlyMap<string, string> = new Map(),
  linksOf: (challenge: ChallengeEntry) => SafeHtml | false = () => false,
): SafeHtml {
  return html`<table class="govuk-table govuk-table--small-text-until-tablet">
  <caption class="govuk-table__caption govuk-table__caption--s">${caption}</caption>
  <thead class="govuk-table__head">
    <tr class="govuk-table__row">
      <th scope="col" class="govuk-table__header govuk-!-width-one-third">Question</th>
      <th scope="col" class="govuk-table__header">About</th>
      <th scope="col" class="govuk-table__header">Answer due</th>
      <th scope="col" class="govuk-table__header govuk-!-width-one-quarter">Answers</th>
      <th scope="col" class="govuk-table__header">Status</th>
    </tr>
  </thead>
  <tbody class="govuk-table__body">
    ${challenges.map(
      (challenge) => html`<tr class="govuk-table__row">
      <td class="govuk-table__cell">${challenge.question}<br><span class="govuk-hint govuk-!-font-size-16">${challenge.forum}, ${day(challenge.meetingDate)}; raised by ${personText(challenge.raisedBy)}</span>${linksOf(challenge)}</td>
      <td class="govuk-table__cell">${about(challenge, titles)}</td>
      <td class="govuk-table__cell ledger-nowrap">${day(challenge.answerDueBy)}</td>
      <td class="govuk-table__cell">${
        challenge.answers.length === 0
          ? 'None yet'
          : challenge.answers.map((answer) => html`<p class="govuk-body-s govuk-!-margin-bottom-2">${answer.answer} <span class="govuk-hint govuk-!-font-size-16">(${day(answer.answeredOn)}, ${answer.recordedBy.name})</span></p>`)
      }${challenge.outcome !== null && html`<p class="govuk-body-s govuk-!-margin-bottom-0"><strong>Outcome:</strong> ${challenge.outcome}${challenge.closedOn && html` (${day(challenge.closedOn)})`}</p>`}</td>
      <td class="govuk-table__cell">${challengeTag(challenge)}</td>
    </tr>`,
    )}
  </tbody>
</table>`;
}

function about(challenge: ChallengeEntry, titles: ReadonlyMap<string, string>): SafeHtml {
  if (challenge.recommendationId !== null) {
    return html`<a class="govuk-link" href="/recommendations/${encodeURIComponent(challenge.recommendationId)}">${challenge.reference ?? 'The finding'}</a>`;
  }
  if (challenge.inspectionId !== null) {
    return html`<a class="govuk-link" href="/inspections/${encodeURIComponent(challenge.inspectionId)}">${titles.get(challenge.inspectionId) ?? 'The inspection'}</a>`;
  }
  return html`General`;
}
