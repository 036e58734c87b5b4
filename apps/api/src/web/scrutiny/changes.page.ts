import type { Changes, TimelineEntry } from '@ledger/projections/read-models';
import type { FormError } from '../layout/error-summary';
import { html, type SafeHtml } from '../layout/html';
import { dateField, filterForm, selectField, type Choice } from '../reading/form-fields';
import { inspectionField } from '../reading/filter-fields';
import { day, instant } from '../reading/format';
import type { FormValues } from '../reading/page-query';
import { pagination, showing } from '../reading/pagination';
import type { ReadingPageOptions } from '../reading/reading-page';
import { statusTag, whoText } from '../reading/words';

export interface ChangesPageModel {
  values: FormValues;
  errors: readonly FormError[];
  inspectionChoices: readonly Choice[];
  titles: ReadonlyMap<string, string>;
  changes?: Changes;
  consistent?: boolean;
}

const BASES: Choice[] = [
  { value: 'recorded', text: 'When it was recorded' },
  { value: 'occurred', text: 'When it happened' },
];

export function changesPage(model: ChangesPageModel): ReadingPageOptions {
  const { values, errors, changes } = model;
  const context = { values, errors };
  const content = html`<h1 class="govuk-heading-l">What changed between two dates</h1>
<p class="govuk-body">For a meeting, give the day after the last meeting and the day before this one. Both days are included.</p>
${filterForm({
  action: '/changes',
  submit: 'Show changes',
  fields: [
    dateField({ ...context, name: 'from', label: 'First day' }),
    dateField({ ...context, name: 'to', label: 'Last day' }),
    selectField({ ...context, values: { ...values, basis: values.basis || 'recorded' }, name: 'basis', label: 'Compare dates by', choices: BASES, any: false }),
    inspectionField(context, model.inspectionChoices),
  ],
})}
${changes && results(changes, values, model.titles)}`;
  return { title: 'What changed between two dates', content, current: '/changes', errors, consistent: model.consistent };
}

function results(changes: Changes, values: FormValues, titles: ReadonlyMap<string, string>): SafeHtml {
  const period = html`${day(changes.from)} to ${day(changes.to)}`;
  return html`<h2 class="govuk-heading-m" id="findings">Findings that changed from ${period}</h2>
${changes.findings.length === 0
  ? html`<p class="govuk-body">No finding changed in this period.</p>`
  : html`<table class="govuk-table govuk-table--small-text-until-tablet">
  <caption class="govuk-table__caption govuk-table__caption--s">Each finding with its status at the start and at the end of the period</caption>
  <thead class="govuk-table__head">
    <tr class="govuk-table__row">
      <th scope="col" class="govuk-table__header">Finding</th>
      <th scope="col" class="govuk-table__header govuk-!-width-one-third">Inspection</th>
      <th scope="col" class="govuk-table__header">Status before</th>
      <th scope="col" class="govuk-table__header">Status after</th>
      <th scope="col" class="govuk-table__header govuk-table__header--numeric">Entries</th>
    </tr>
  </thead>
  <tbody class="govuk-table__body">
    ${changes.findings.map(
      (finding) => html`<tr class="govuk-table__row">
      <th scope="row" class="govuk-table__header ledger-nowrap"><a class="govuk-link" href="/recommendations/${encodeURIComponent(finding.recommendationId)}">${finding.reference ?? finding.recommendationId}</a></th>
      <td class="govuk-table__cell">${finding.inspectionId ? (titles.get(finding.inspectionId) ?? finding.inspectionId) : ''}</td>
      <td class="govuk-table__cell">${statusTag(finding.statusAtStart)}</td>
      <td class="govuk-table__cell">${statusTag(finding.statusAtEnd)}</td>
      <td class="govuk-table__cell govuk-table__cell--numeric">${finding.events}</td>
    </tr>`,
    )}
  </tbody>
</table>`}
<h2 class="govuk-heading-m" id="entries">Everything recorded from ${period}</h2>
${showing(changes.total, changes.offset, changes.items.length, changes.total === 1 ? 'entry' : 'entries')}
${changes.items.length > 0 && entriesTable(changes.items, titles)}
${pagination('/changes', values, changes.total, changes.offset)}`;
}

function entriesTable(entries: readonly TimelineEntry[], titles: ReadonlyMap<string, string>): SafeHtml {
  return html`<table class="govuk-table govuk-table--small-text-until-tablet">
  <caption class="govuk-table__caption govuk-table__caption--s">Entries in the order they were recorded</caption>
  <thead class="govuk-table__head">
    <tr class="govuk-table__row">
      <th scope="col" class="govuk-table__header">About</th>
      <th scope="col" class="govuk-table__header">Happened</th>
      <th scope="col" class="govuk-table__header">Recorded</th>
      <th scope="col" class="govuk-table__header">Who</th>
      <th scope="col" class="govuk-table__header govuk-!-width-one-third">What changed</th>
    </tr>
  </thead>
  <tbody class="govuk-table__body">
    ${entries.map(
      (entry) => html`<tr class="govuk-table__row">
      <td class="govuk-table__cell">${about(entry, titles)}</td>
      <td class="govuk-table__cell">${instant(entry.occurredAt)}</td>
      <td class="govuk-table__cell">${instant(entry.recordedAt)}</td>
      <td class="govuk-table__cell">${whoText(entry.actor, entry.onBehalfOf)}</td>
      <td class="govuk-table__cell">${entry.summary}</td>
    </tr>`,
    )}
  </tbody>
</table>`;
}

function about(entry: TimelineEntry, titles: ReadonlyMap<string, string>): SafeHtml {
  if (entry.recommendationId !== null) {
    const link = html`<a class="govuk-link" href="/recommendations/${encodeURIComponent(entry.recommendationId)}#entry-${entry.eventId}">${entry.reference ?? 'Finding'}</a>`;
    return entry.aggregate === 'challenge' ? html`Scrutiny challenge about ${link}` : link;
  }
  if (entry.inspectionId !== null) {
    const what = entry.aggregate === 'statutory-response' ? 'Statutory response' : entry.aggregate === 'challenge' ? 'Scrutiny challenge' : 'Inspection';
    return html`${what}: <a class="govuk-link" href="/inspections/${encodeURIComponent(entry.inspectionId)}">${titles.get(entry.inspectionId) ?? entry.inspectionId}</a>`;
  }
  return html`${entry.aggregate === 'challenge' ? 'Scrutiny challenge' : entry.aggregate}`;
}
