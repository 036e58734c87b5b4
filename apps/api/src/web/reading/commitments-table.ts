import type { Commitment } from '@ledger/projections/read-models';
import { html, type SafeHtml } from '../layout/html';
import { day, days, instant } from './format';
import { COMMITMENT_KIND, outcomeTag, personText, whoText } from './words';

/** Who committed to what, when, by which date, and whether it was kept. */
export function commitmentsTable(commitments: readonly Commitment[], caption: string, options: { withFinding?: boolean } = {}): SafeHtml {
  return html`<table class="govuk-table govuk-table--small-text-until-tablet">
  <caption class="govuk-table__caption govuk-table__caption--s">${caption}</caption>
  <thead class="govuk-table__head">
    <tr class="govuk-table__row">
      ${options.withFinding && html`<th scope="col" class="govuk-table__header">Finding</th>`}
      <th scope="col" class="govuk-table__header govuk-!-width-one-third">Commitment</th>
      <th scope="col" class="govuk-table__header">Committed by</th>
      <th scope="col" class="govuk-table__header">Committed</th>
      <th scope="col" class="govuk-table__header">Due by</th>
      <th scope="col" class="govuk-table__header">Outcome</th>
    </tr>
  </thead>
  <tbody class="govuk-table__body">
    ${commitments.map(
      (commitment) => html`<tr class="govuk-table__row">
      ${options.withFinding && html`<td class="govuk-table__cell ledger-nowrap"><a class="govuk-link" href="/recommendations/${encodeURIComponent(commitment.recommendationId)}">${commitment.reference}</a></td>`}
      <td class="govuk-table__cell">${commitment.what}<br><span class="govuk-hint govuk-!-font-size-16">${COMMITMENT_KIND[commitment.kind]}${commitment.owner && `; owner: ${commitment.owner}`}${commitment.reason && `; reason: ${commitment.reason}`}${commitment.approvedBy && `; approved by ${personText(commitment.approvedBy)}`}</span></td>
      <td class="govuk-table__cell">${whoText(commitment.committedBy, commitment.onBehalfOf)}</td>
      <td class="govuk-table__cell">${instant(commitment.committedAt)}</td>
      <td class="govuk-table__cell ledger-nowrap">${day(commitment.dueDate, 'No date')}</td>
      <td class="govuk-table__cell">${outcomeTag(commitment.outcome)}${commitment.daysLate !== null && html`<br><span class="govuk-body-s">${days(commitment.daysLate)} late</span>`}${commitment.withdrawnReason && html`<br><span class="govuk-body-s">${commitment.withdrawnReason}</span>`}</td>
    </tr>`,
    )}
  </tbody>
</table>`;
}
