import { RECOMMENDATION_STATUSES } from '@ledger/domain';
import { STATUTORY_STATES, type Dashboard } from '@ledger/projections/read-models';
import type { FormError } from '../layout/error-summary';
import { html, type SafeHtml } from '../layout/html';
import { findingTypeField, inspectionField, serviceField } from '../reading/filter-fields';
import { filterForm, type Choice } from '../reading/form-fields';
import { day } from '../reading/format';
import type { FormValues } from '../reading/page-query';
import { pageHref } from '../reading/pagination';
import type { ReadingPageOptions } from '../reading/reading-page';
import { ragTag, statusTag, statutoryTag } from '../reading/words';

export interface DashboardPageModel {
  today: string;
  values: FormValues;
  errors: readonly FormError[];
  inspectionChoices: readonly Choice[];
  dashboard?: Dashboard;
  consistent?: boolean;
}

export function dashboardPage({ today, values, errors, inspectionChoices, dashboard, consistent }: DashboardPageModel): ReadingPageOptions {
  const context = { values, errors };
  const content = html`<h1 class="govuk-heading-l">Dashboard</h1>
<p class="govuk-body">Counts as they stand today, ${day(today)}. Each count links to the findings behind it.</p>
${filterForm({
  action: '/dashboard',
  submit: 'Apply filters',
  fields: [inspectionField(context, inspectionChoices), serviceField(context), findingTypeField(context)],
})}
${dashboard && counts(dashboard, values)}`;
  return { title: 'Dashboard', content, current: '/dashboard', errors, consistent };
}

function counts(dashboard: Dashboard, values: FormValues): SafeHtml {
  const { findings } = dashboard;
  const register = (extra: Record<string, string>) => pageHref('/register', { inspectionId: values.inspectionId ?? '', service: values.service ?? '', findingType: values.findingType ?? '', ...extra }, 1);
  const count = (n: number, href: string | null) => (href && n > 0 ? html`<a class="govuk-link" href="${href}">${n}</a>` : html`${n}`);
  return html`<div class="govuk-grid-row">
  <div class="govuk-grid-column-one-half">
    ${table('Findings at a glance', ['What', 'Findings'], [
      [html`All findings`, count(findings.total, register({}))],
      [html`Open`, count(findings.open, null)],
      [html`Overdue`, count(findings.overdue, register({ overdue: 'true' }))],
      [html`Blocked: waiting on a dependency`, count(findings.blocked, register({ blocked: 'true' }))],
      [html`Target date change awaiting a decision`, count(findings.pendingTargetDateChanges, null)],
    ])}
    ${table('Findings by RAG', ['RAG', 'Findings'], [
      [ragTag('red'), count(findings.rag.red, null)],
      [ragTag('amber'), count(findings.rag.amber, null)],
      [ragTag('green'), count(findings.rag.green, null)],
      [ragTag(null), count(findings.rag.none, null)],
    ])}
    ${table('Scrutiny challenges', ['Challenges', 'Number'], [
      [html`Open`, count(dashboard.challenges.open, pageHref('/challenges', { inspectionId: values.inspectionId ?? '' }, 1))],
      [html`Answer overdue`, count(dashboard.challenges.answerOverdue, pageHref('/challenges', { inspectionId: values.inspectionId ?? '', answerOverdue: 'true' }, 1))],
    ])}
  </div>
  <div class="govuk-grid-column-one-half">
    ${table(
      'Findings by status',
      ['Status', 'Findings'],
      RECOMMENDATION_STATUSES.map((status) => [statusTag(status), count(findings.byStatus[status], register({ status }))]),
    )}
    ${table(
      'Statutory responses',
      ['State', 'Responses'],
      STATUTORY_STATES.map((state) => [statutoryTag(state), count(dashboard.statutoryResponses[state], pageHref('/statutory-responses', { state, service: values.service ?? '', inspectionId: values.inspectionId ?? '' }, 1))]),
    )}
  </div>
</div>`;
}

function table(caption: string, headings: [string, string], rows: readonly [SafeHtml, SafeHtml][]): SafeHtml {
  return html`<table class="govuk-table">
  <caption class="govuk-table__caption govuk-table__caption--m">${caption}</caption>
  <thead class="govuk-table__head">
    <tr class="govuk-table__row">
      <th scope="col" class="govuk-table__header">${headings[0]}</th>
      <th scope="col" class="govuk-table__header govuk-table__header--numeric">${headings[1]}</th>
    </tr>
  </thead>
  <tbody class="govuk-table__body">
    ${rows.map(
      ([what, n]) => html`<tr class="govuk-table__row">
      <th scope="row" class="govuk-table__header">${what}</th>
      <td class="govuk-table__cell govuk-table__cell--numeric">${n}</td>
    </tr>`,
    )}
  </tbody>
</table>`;
}
