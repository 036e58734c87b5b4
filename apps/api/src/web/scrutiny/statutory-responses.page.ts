import { STATUTORY_STATES, type Page, type StatutoryEntry } from '@ledger/projections/read-models';
import type { FormError } from '../layout/error-summary';
import { html, type SafeHtml } from '../layout/html';
import { inspectionField, serviceField } from '../reading/filter-fields';
import { filterForm, selectField, type Choice } from '../reading/form-fields';
import { day } from '../reading/format';
import type { FormValues } from '../reading/page-query';
import { pagination, showing } from '../reading/pagination';
import type { ReadingPageOptions } from '../reading/reading-page';
import { dayNumberText, timelinessText } from '../reading/statutory-summary';
import { STATUTORY_TEXT, statutoryTag } from '../reading/words';

export interface StatutoryPageModel {
  values: FormValues;
  errors: readonly FormError[];
  inspectionChoices: readonly Choice[];
  responses?: Page<StatutoryEntry>;
  consistent?: boolean;
}

export function statutoryResponsesPage({ values, errors, inspectionChoices, responses, consistent }: StatutoryPageModel): ReadingPageOptions {
  const context = { values, errors };
  const content = html`<h1 class="govuk-heading-l">Statutory responses</h1>
<p class="govuk-body">Whether each response was published on time. For police reports the commissioner must publish a response within 56 days of the report's publication, publication day being day 1 (Police Act 1996, section 55), and send copies to HMICFRS and the Home Secretary. Fire reports are answered with an action plan, by the office's own deadline.</p>
${filterForm({
  action: '/statutory-responses',
  submit: 'Apply filters',
  fields: [
    selectField({ ...context, name: 'state', label: 'State', choices: STATUTORY_STATES.map((value) => ({ value, text: STATUTORY_TEXT[value] })) }),
    serviceField(context),
    inspectionField(context, inspectionChoices),
  ],
})}
${responses &&
html`${showing(responses.total, responses.offset, responses.items.length, responses.total === 1 ? 'response' : 'responses')}
${responses.items.length > 0 && responsesTable(responses.items)}
${pagination('/statutory-responses', values, responses.total, responses.offset)}`}`;
  return { title: 'Statutory responses', content, current: '/statutory-responses', errors, consistent };
}

function responsesTable(responses: readonly StatutoryEntry[]): SafeHtml {
  return html`<table class="govuk-table govuk-table--small-text-until-tablet">
  <caption class="govuk-table__caption govuk-table__caption--s">Statutory responses and action plans, the earliest due first</caption>
  <thead class="govuk-table__head">
    <tr class="govuk-table__row">
      <th scope="col" class="govuk-table__header govuk-!-width-one-quarter">Inspection</th>
      <th scope="col" class="govuk-table__header">Report published</th>
      <th scope="col" class="govuk-table__header">Due by</th>
      <th scope="col" class="govuk-table__header">Published</th>
      <th scope="col" class="govuk-table__header">Day</th>
      <th scope="col" class="govuk-table__header">On time</th>
      <th scope="col" class="govuk-table__header">Copies sent</th>
    </tr>
  </thead>
  <tbody class="govuk-table__body">
    ${responses.map(
      (response) => html`<tr class="govuk-table__row">
      <th scope="row" class="govuk-table__header"><a class="govuk-link" href="/inspections/${encodeURIComponent(response.inspectionId)}#statutory-response">${response.title ?? response.inspectionId}</a></th>
      <td class="govuk-table__cell ledger-nowrap">${day(response.reportPublishedOn)}</td>
      <td class="govuk-table__cell ledger-nowrap">${day(response.dueDate)}</td>
      <td class="govuk-table__cell ledger-nowrap">${day(response.publishedOn, 'Not published')}</td>
      <td class="govuk-table__cell">${dayNumberText(response)}</td>
      <td class="govuk-table__cell">${statutoryTag(response.state)}<br><span class="govuk-body-s">${timelinessText(response)}</span></td>
      <td class="govuk-table__cell">${
        response.service === 'fire'
          ? 'Not required'
          : html`HMICFRS: ${day(response.copiesSent.HMICFRS, 'not recorded')}<br>Home Secretary: ${day(response.copiesSent.HomeSecretary, 'not recorded')}`
      }</td>
    </tr>`,
    )}
  </tbody>
</table>`;
}
