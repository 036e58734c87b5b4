import type { InspectionEntry, Page, RegisterEntry } from '@ledger/projections/read-models';
import type { FormError } from '../layout/error-summary';
import { html } from '../layout/html';
import { findingsTables } from '../reading/findings-table';
import { day } from '../reading/format';
import { filterForm, type Choice } from '../reading/form-fields';
import {
  blockedField,
  findingTypeField,
  inspectionField,
  inspectionTypeField,
  overdueField,
  ownerField,
  serviceField,
  statusField,
} from '../reading/filter-fields';
import type { FormValues } from '../reading/page-query';
import { pagination, showing } from '../reading/pagination';
import type { ReadingPageOptions } from '../reading/reading-page';
import { INSPECTION_TYPE, SERVICE } from '../reading/words';
import { REGISTRATION_PATH } from '../record/recording-pages';

export interface RegisterPageModel {
  today: string;
  values: FormValues;
  errors: readonly FormError[];
  inspectionChoices: readonly Choice[];
  /** Absent when the filters could not be read. */
  inspections?: Page<InspectionEntry>;
  findings?: Page<RegisterEntry>;
  consistent?: boolean;
}

export function registerPage(model: RegisterPageModel): ReadingPageOptions {
  const { values, errors, inspections, findings } = model;
  const context = { values, errors };
  const content = html`<h1 class="govuk-heading-l">Register</h1>
<p class="govuk-body-l">Inspections and their recommendations, areas for improvement and causes of concern, as they stand today, ${day(model.today)}.</p>
<p class="govuk-body ledger-no-print" id="add-inspection"><a class="govuk-link" href="${REGISTRATION_PATH}">Register an inspection by hand</a> or <a class="govuk-link" href="/import">import a published page</a>.</p>
<h2 class="govuk-heading-m ledger-no-print">Filter the register</h2>
${filterForm({
  action: '/register',
  submit: 'Apply filters',
  fields: [
    inspectionField(context, model.inspectionChoices),
    inspectionTypeField(context),
    findingTypeField(context),
    serviceField(context),
    ownerField(context),
    statusField(context),
    overdueField(context),
    blockedField(context),
  ],
})}
${inspections &&
html`<table class="govuk-table govuk-table--small-text-until-tablet" id="inspections">
  <caption class="govuk-table__caption govuk-table__caption--m">Inspections (${inspections.total})</caption>
  <thead class="govuk-table__head">
    <tr class="govuk-table__row">
      <th scope="col" class="govuk-table__header govuk-!-width-one-half">Inspection</th>
      <th scope="col" class="govuk-table__header">Type</th>
      <th scope="col" class="govuk-table__header">Published</th>
      <th scope="col" class="govuk-table__header govuk-table__header--numeric">Findings</th>
      <th scope="col" class="govuk-table__header govuk-table__header--numeric">Open</th>
      <th scope="col" class="govuk-table__header govuk-table__header--numeric">Overdue</th>
    </tr>
  </thead>
  <tbody class="govuk-table__body">
    ${inspections.items.map(
      (inspection) => html`<tr class="govuk-table__row">
      <th scope="row" class="govuk-table__header"><a class="govuk-link" href="/inspections/${encodeURIComponent(inspection.inspectionId)}">${inspection.title}</a></th>
      <td class="govuk-table__cell">${INSPECTION_TYPE[inspection.inspectionType]}<br><span class="govuk-hint govuk-!-font-size-16">${SERVICE[inspection.service]}</span></td>
      <td class="govuk-table__cell ledger-nowrap">${day(inspection.publishedOn)}</td>
      <td class="govuk-table__cell govuk-table__cell--numeric">${inspection.findings.total}</td>
      <td class="govuk-table__cell govuk-table__cell--numeric">${inspection.findings.open}</td>
      <td class="govuk-table__cell govuk-table__cell--numeric">${inspection.findings.overdue}</td>
    </tr>`,
    )}
  </tbody>
</table>`}
${findings &&
html`<h2 class="govuk-heading-m" id="findings">Findings</h2>
${showing(findings.total, findings.offset, findings.items.length, findings.total === 1 ? 'finding' : 'findings')}
${findingsTables(findings.items)}
${pagination('/register', values, findings.total, findings.offset)}`}`;
  return { title: 'Register', content, current: '/register', errors, consistent: model.consistent };
}
