import type { RegisterEntry } from '@ledger/projections/read-models';
import { html, type SafeHtml } from '../layout/html';
import { day, shorten } from './format';
import { FINDING_TYPE, overdueText, ragTag, statusTag } from './words';

/** What a findings table shows of a finding: the live register's entries and "as at" entries both have it. */
export type FindingLine = Pick<
  RegisterEntry,
  'recommendationId' | 'inspectionId' | 'inspection' | 'reference' | 'text' | 'findingType' | 'status' | 'blocked' | 'owner' | 'targetDate' | 'overdue' | 'daysOverdue' | 'daysUntilTarget' | 'rag'
>;

/** Findings as the register shows them, one table per inspection in the order given. */
export function findingsTables(findings: readonly FindingLine[], options: { captionLevel?: 'inspection' | 'none'; caption?: string } = {}): SafeHtml {
  if (options.captionLevel === 'none') return findingsTable(findings, html`${options.caption ?? 'Findings'}`);
  const groups: FindingLine[][] = [];
  for (const finding of findings) {
    const last = groups[groups.length - 1];
    if (last && last[0].inspectionId === finding.inspectionId) last.push(finding);
    else groups.push([finding]);
  }
  return html`${groups.map((group) => {
    const inspection = group[0].inspection;
    const caption = inspection
      ? html`<a class="govuk-link" href="/inspections/${encodeURIComponent(inspection.inspectionId)}">${inspection.title}</a> <span class="govuk-caption-s">published ${day(inspection.publishedOn)}</span>`
      : html`Inspection ${group[0].inspectionId}`;
    return findingsTable(group, caption);
  })}`;
}

function findingsTable(findings: readonly FindingLine[], caption: SafeHtml): SafeHtml {
  return html`<table class="govuk-table govuk-table--small-text-until-tablet">
  <caption class="govuk-table__caption govuk-table__caption--s">${caption}</caption>
  <thead class="govuk-table__head">
    <tr class="govuk-table__row">
      <th scope="col" class="govuk-table__header">Reference</th>
      <th scope="col" class="govuk-table__header govuk-!-width-one-third">Finding</th>
      <th scope="col" class="govuk-table__header">Status</th>
      <th scope="col" class="govuk-table__header">Owner</th>
      <th scope="col" class="govuk-table__header">Target date</th>
      <th scope="col" class="govuk-table__header">Overdue</th>
      <th scope="col" class="govuk-table__header">RAG</th>
    </tr>
  </thead>
  <tbody class="govuk-table__body">
    ${findings.map(
      (finding) => html`<tr class="govuk-table__row">
      <th scope="row" class="govuk-table__header ledger-nowrap"><a class="govuk-link" href="/recommendations/${encodeURIComponent(finding.recommendationId)}">${finding.reference}</a></th>
      <td class="govuk-table__cell">${shorten(finding.text)}<br><span class="govuk-hint govuk-!-font-size-16">${FINDING_TYPE[finding.findingType]}</span></td>
      <td class="govuk-table__cell">${statusTag(finding.status)}${finding.blocked && html`<br><span class="govuk-body-s">Blocked: waiting on a dependency</span>`}</td>
      <td class="govuk-table__cell">${finding.owner ?? 'Not assigned'}</td>
      <td class="govuk-table__cell ledger-nowrap">${day(finding.targetDate)}</td>
      <td class="govuk-table__cell">${overdueText(finding)}</td>
      <td class="govuk-table__cell">${ragTag(finding.rag)}</td>
    </tr>`,
    )}
  </tbody>
</table>`;
}
