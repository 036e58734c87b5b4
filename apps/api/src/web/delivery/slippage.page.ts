import type { Page, SlippageEntry } from '@ledger/projections/read-models';
import type { FormError } from '../layout/error-summary';
import { html, type SafeHtml } from '../layout/html';
import { inspectionField } from '../reading/filter-fields';
import { filterForm, selectField, yesNoChoices, type Choice } from '../reading/form-fields';
import { day, days } from '../reading/format';
import type { FormValues } from '../reading/page-query';
import { pagination, showing } from '../reading/pagination';
import type { ReadingPageOptions } from '../reading/reading-page';
import { revisionsTable } from '../reading/revisions-table';

export interface SlippagePageModel {
  values: FormValues;
  errors: readonly FormError[];
  inspectionChoices: readonly Choice[];
  slippage?: Page<SlippageEntry>;
  consistent?: boolean;
}

export function slippagePage({ values, errors, inspectionChoices, slippage, consistent }: SlippagePageModel): ReadingPageOptions {
  const context = { values, errors };
  const revisions = (slippage?.items ?? []).flatMap((entry) => entry.revisions.map((revision) => ({ revision, finding: entry })));
  const content = html`<h1 class="govuk-heading-l">Slippage</h1>
<p class="govuk-body">Each finding's original and current target date, and every request to change a target date: the reason, who asked, and who approved or refused it.</p>
${filterForm({
  action: '/slippage',
  submit: 'Apply filters',
  fields: [selectField({ ...context, name: 'slipped', label: 'Target date moved', choices: yesNoChoices('Moved', 'Not moved') }), inspectionField(context, inspectionChoices)],
})}
${slippage &&
html`${showing(slippage.total, slippage.offset, slippage.items.length, slippage.total === 1 ? 'finding' : 'findings')}
${slippage.items.length > 0 && slippageTable(slippage.items)}
${revisions.length > 0 && html`<h2 class="govuk-heading-m" id="revisions">Requests to change a target date</h2>${revisionsTable(revisions, 'Every request for the findings above, with its decision')}`}
${pagination('/slippage', values, slippage.total, slippage.offset)}`}`;
  return { title: 'Slippage', content, current: '/slippage', errors, consistent };
}

function slippageTable(entries: readonly SlippageEntry[]): SafeHtml {
  return html`<table class="govuk-table govuk-table--small-text-until-tablet">
  <caption class="govuk-table__caption govuk-table__caption--s">Original and current target dates</caption>
  <thead class="govuk-table__head">
    <tr class="govuk-table__row">
      <th scope="col" class="govuk-table__header">Finding</th>
      <th scope="col" class="govuk-table__header">Original target date</th>
      <th scope="col" class="govuk-table__header">Current target date</th>
      <th scope="col" class="govuk-table__header">Slipped by</th>
      <th scope="col" class="govuk-table__header govuk-table__header--numeric">Approved changes</th>
      <th scope="col" class="govuk-table__header govuk-table__header--numeric">Requests</th>
    </tr>
  </thead>
  <tbody class="govuk-table__body">
    ${entries.map(
      (entry) => html`<tr class="govuk-table__row">
      <th scope="row" class="govuk-table__header ledger-nowrap"><a class="govuk-link" href="/recommendations/${encodeURIComponent(entry.recommendationId)}#target-dates">${entry.reference}</a></th>
      <td class="govuk-table__cell">${day(entry.originalTargetDate)}</td>
      <td class="govuk-table__cell">${day(entry.currentTargetDate)}</td>
      <td class="govuk-table__cell">${entry.slippageDays === null || entry.slippageDays === 0 ? 'Not moved' : entry.slippageDays > 0 ? days(entry.slippageDays) : `${days(-entry.slippageDays)} earlier`}</td>
      <td class="govuk-table__cell govuk-table__cell--numeric">${entry.revisionCount}</td>
      <td class="govuk-table__cell govuk-table__cell--numeric">${entry.revisions.length}</td>
    </tr>`,
    )}
  </tbody>
</table>`;
}
