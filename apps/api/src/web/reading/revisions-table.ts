import type { TargetDateRevision } from '@ledger/projections/read-models';
import { html, type SafeHtml } from '../layout/html';
import { day, days, instant } from './format';
import { personText, revisionTag } from './words';

/** Requests to move a target date: from, to, why, who asked, and who approved or refused. */
export function revisionsTable(rows: readonly { revision: TargetDateRevision; finding?: { recommendationId: string; reference: string } }[], caption: string): SafeHtml {
  const withFinding = rows.some((r) => r.finding !== undefined);
  return html`<table class="govuk-table govuk-table--small-text-until-tablet">
  <caption class="govuk-table__caption govuk-table__caption--s">${caption}</caption>
  <thead class="govuk-table__head">
    <tr class="govuk-table__row">
      ${withFinding && html`<th scope="col" class="govuk-table__header">Finding</th>`}
      <th scope="col" class="govuk-table__header">Requested</th>
      <th scope="col" class="govuk-table__header">From</th>
      <th scope="col" class="govuk-table__header">To</th>
      <th scope="col" class="govuk-table__header govuk-!-width-one-quarter">Reason</th>
      <th scope="col" class="govuk-table__header">Requested by</th>
      <th scope="col" class="govuk-table__header">Decision</th>
    </tr>
  </thead>
  <tbody class="govuk-table__body">
    ${rows.map(
      ({ revision, finding }) => html`<tr class="govuk-table__row">
      ${withFinding && html`<td class="govuk-table__cell">${finding && html`<a class="govuk-link" href="/recommendations/${encodeURIComponent(finding.recommendationId)}">${finding.reference}</a>`}</td>`}
      <td class="govuk-table__cell">${instant(revision.requestedAt)}</td>
      <td class="govuk-table__cell ledger-nowrap">${day(revision.from)}</td>
      <td class="govuk-table__cell ledger-nowrap">${day(revision.to)}<br><span class="govuk-body-s">${movedText(revision.daysMoved)}</span></td>
      <td class="govuk-table__cell">${revision.reason}</td>
      <td class="govuk-table__cell">${personText(revision.requestedBy)}</td>
      <td class="govuk-table__cell">${revisionTag(revision.outcome)}${revision.decidedBy && html`<br><span class="govuk-body-s">by ${personText(revision.decidedBy)}${revision.decidedAt && html`, ${instant(revision.decidedAt)}`}</span>`}${revision.decisionNote && html`<br><span class="govuk-body-s">“${revision.decisionNote}”</span>`}</td>
    </tr>`,
    )}
  </tbody>
</table>`;
}

function movedText(daysMoved: number): string {
  if (daysMoved === 0) return 'Same date';
  return daysMoved > 0 ? `${days(daysMoved)} later` : `${days(-daysMoved)} earlier`;
}
