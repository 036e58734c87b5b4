import type { PageImportPlan, PlannedFinding } from '@ledger/application/import-page';
import type { Actor } from '@ledger/domain';
import type { ParsedResponse } from '@ledger/page-import';
import { CSRF_FIELD } from '../layout/csrf';
import { html, sanitised, type SafeHtml } from '../layout/html';
import { layout } from '../layout/layout';
import { encodePage, type PageToImport } from './import-form';

const FINDING_TYPE_WORDS = {
  recommendation: 'Recommendation',
  'area-for-improvement': 'Area for improvement',
  'cause-of-concern': 'Cause of concern',
} as const;

export interface PreviewOptions {
  plan: PageImportPlan;
  toImport: PageToImport;
  actor: Actor;
  csrfToken: string;
}

/** Everything the import will record, as it will be recorded, with a button to record it. */
export function importPreviewPage({ plan, toImport, actor, csrfToken }: PreviewOptions): string {
  const recordable = plan.blockers.length === 0;
  const content = html`<div class="govuk-grid-row">
  <div class="govuk-grid-column-full">
    <span class="govuk-caption-l">Import a published page</span>
    <h1 class="govuk-heading-l">${recordable ? 'Check what will be recorded' : 'This page cannot be recorded'}</h1>
    ${recordable
      ? html`<p class="govuk-body">Nothing has been recorded yet. This is what the ledger read from ${toImport.source}. Every text will be recorded exactly as the page gives it.</p>`
      : blockers(plan)}
    ${inspection(plan)}
    ${findings(plan.findings)}
    ${responses(plan)}
    ${unanswered(plan)}
    ${warnings(plan.warnings)}
    ${recordable && steps(plan, actor)}
    ${recordable ? confirmForm(toImport, csrfToken) : html`<p class="govuk-body"><a class="govuk-link" href="/import">Choose another page</a></p>`}
  </div>
</div>`;
  return layout({ title: recordable ? 'Check what will be recorded' : 'This page cannot be recorded', content, section: 'import', hasErrors: !recordable });
}

function blockers(plan: PageImportPlan): SafeHtml {
  return html`<div class="govuk-error-summary" data-module="govuk-error-summary">
  <div role="alert">
    <h2 class="govuk-error-summary__title">Nothing can be recorded from this page</h2>
    <div class="govuk-error-summary__body">
      <ul class="govuk-list govuk-error-summary__list">${plan.blockers.map((b) => html`<li>${b}</li>`)}</ul>
    </div>
  </div>
</div>`;
}

function inspection(plan: PageImportPlan): SafeHtml {
  const { inspection: found, findings: parsedFindings } = plan.parsed;
  const row = (key: string, value: SafeHtml | string) => html`<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">${key}</dt><dd class="govuk-summary-list__value">${value}</dd></div>`;
  const keyFindings = plan.parsed.page.keyFindingsHtml;
  return html`<h2 class="govuk-heading-m">Inspection</h2>
<dl class="govuk-summary-list">
  ${row('Title', found.title ?? 'Not found on the page')}
  ${row('Published', found.publishedOn ?? 'Not found on the page')}
  ${row('Type', found.type ?? 'Not stated')}
  ${row('Service', found.service === 'police' ? 'Police' : 'Fire and rescue')}
  ${row('Statutory response due', found.statutoryDeadline ?? (found.service === 'fire' ? 'No statutory deadline: answered with an action plan' : 'Unknown without a publication date'))}
  ${row('Findings', String(parsedFindings.length))}
</dl>
${keyFindings &&
html`<details class="govuk-details">
  <summary class="govuk-details__summary"><span class="govuk-details__summary-text">Key findings, as they will be recorded</span></summary>
  <div class="govuk-details__text">${sanitised(keyFindings)}</div>
</details>`}`;
}

function findings(planned: PlannedFinding[]): SafeHtml {
  if (planned.length === 0) return html`<h2 class="govuk-heading-m">Findings</h2><p class="govuk-body">No findings were found on the page.</p>`;
  return html`<table class="govuk-table" id="findings">
  <caption class="govuk-table__caption govuk-table__caption--m">Findings (${planned.length})</caption>
  <thead class="govuk-table__head">
    <tr class="govuk-table__row">
      <th scope="col" class="govuk-table__header">Reference</th>
      <th scope="col" class="govuk-table__header">Type</th>
      <th scope="col" class="govuk-table__header">Inspectorate due date</th>
      <th scope="col" class="govuk-table__header">Finding</th>
    </tr>
  </thead>
  <tbody class="govuk-table__body">
    ${planned.map(
      ({ reference, parsed }) => html`<tr class="govuk-table__row">
      <th scope="row" class="govuk-table__header">${reference}</th>
      <td class="govuk-table__cell">${FINDING_TYPE_WORDS[parsed.findingType]}</td>
      <td class="govuk-table__cell">${parsed.immediate ? html`<strong class="govuk-tag govuk-tag--red">With immediate effect</strong>` : (parsed.dueDate ?? 'None given')}</td>
      <td class="govuk-table__cell">
        <p class="govuk-body-s">${parsed.text}</p>
        ${parsed.subItems.length > 0 &&
        html`<ul class="govuk-list govuk-list--bullet govuk-!-font-size-16" aria-label="Sub-items of ${reference}">${parsed.subItems.map((item) => html`<li>${item}</li>`)}</ul>`}
      </td>
    </tr>`,
    )}
  </tbody>
</table>`;
}

function responses(plan: PageImportPlan): SafeHtml {
  const { commissionerComments, chiefOfficerStatement } = plan.parsed.page;
  const statement = (title: string, text: string | null) =>
    text !== null &&
    html`<details class="govuk-details">
  <summary class="govuk-details__summary"><span class="govuk-details__summary-text">${title}</span></summary>
  <div class="govuk-details__text">${text.split(/\n\s*\n/).map((paragraph) => html`<p class="govuk-body">${paragraph}</p>`)}</div>
</details>`;
  if (plan.responses.length === 0 && commissionerComments === null && chiefOfficerStatement === null) {
    return html`<h2 class="govuk-heading-m">Response</h2><p class="govuk-body">No response was found on the page.</p>`;
  }
  return html`<h2 class="govuk-heading-m">Response</h2>
${statement("The commissioner's comments, in full", commissionerComments)}
${statement("The chief officer's statement, in full", chiefOfficerStatement)}
${plan.responses.length > 0 &&
html`<table class="govuk-table" id="responses">
  <caption class="govuk-table__caption govuk-table__caption--s">How the response answers each finding</caption>
  <thead class="govuk-table__head">
    <tr class="govuk-table__row">
      <th scope="col" class="govuk-table__header">Answers</th>
      <th scope="col" class="govuk-table__header">Commitment</th>
      <th scope="col" class="govuk-table__header">Commitment date</th>
    </tr>
  </thead>
  <tbody class="govuk-table__body">
    ${plan.responses.map(
      ({ parsed, answers }) => html`<tr class="govuk-table__row">
      <th scope="row" class="govuk-table__header">${answers.map((a) => a.reference).join(', ')}</th>
      <td class="govuk-table__cell">
        <p class="govuk-body-s">${parsed.commitment ?? html`<em>No sentence states a commitment: the whole paragraph is recorded as the commitment.</em>`}</p>
        <details class="govuk-details govuk-!-margin-bottom-0">
          <summary class="govuk-details__summary"><span class="govuk-details__summary-text">The whole paragraph</span></summary>
          <div class="govuk-details__text govuk-body-s">${parsed.text}</div>
        </details>
      </td>
      <td class="govuk-table__cell">${commitmentDate(parsed)}</td>
    </tr>`,
    )}
  </tbody>
</table>`}`;
}

function commitmentDate(response: ParsedResponse): SafeHtml {
  if (response.ambiguousDate) return html`<strong class="govuk-tag govuk-tag--orange">Ambiguous</strong><p class="govuk-body-s">No planned date will be recorded: set it by hand.</p>`;
  if (response.commitmentDate === null) return html`<p class="govuk-body-s">None stated</p>`;
  return html`<p class="govuk-body-s">${response.commitmentDate}</p>${response.dateIsDerived && html`<strong class="govuk-tag govuk-tag--yellow">Derived: check it</strong>`}`;
}

function unanswered(plan: PageImportPlan): SafeHtml | false {
  const references = plan.findings
    .filter((f) => f.parsed.findingType !== 'area-for-improvement' && plan.parsed.unaddressed.includes(f.parsed.number))
    .map((f) => f.reference);
  return (
    references.length > 0 &&
    html`<h2 class="govuk-heading-m">Not answered by the response</h2>
<div class="govuk-inset-text" id="unaddressed">The response does not answer ${references.join(', ')}. ${references.length === 1 ? 'It' : 'They'} will be recorded as issued, with no decision, for the office to follow up.</div>`
  );
}

function warnings(list: readonly string[]): SafeHtml | false {
  return (
    list.length > 0 &&
    html`<h2 class="govuk-heading-m">Check before recording</h2>
<div class="govuk-warning-text">
  <span class="govuk-warning-text__icon" aria-hidden="true">!</span>
  <strong class="govuk-warning-text__text"><span class="govuk-visually-hidden">Warning</span> The ledger made these choices or found these gaps.</strong>
</div>
<ul class="govuk-list govuk-list--bullet" id="warnings">${list.map((w) => html`<li>${w}</li>`)}</ul>`
  );
}

function steps(plan: PageImportPlan, actor: Actor): SafeHtml {
  return html`<h2 class="govuk-heading-m">What will be recorded</h2>
<ol class="govuk-list govuk-list--number" id="steps">${plan.steps.map((step) => html`<li>${step.summary}</li>`)}</ol>
<p class="govuk-body">Recorded by you, ${actor.name} (${actor.role}, ${actor.organisation}), from the web pages. Importing the same page again records nothing new.</p>`;
}

function confirmForm(toImport: PageToImport, csrfToken: string): SafeHtml {
  return html`<form method="post" action="/import/confirm" novalidate>
  <input type="hidden" name="${CSRF_FIELD}" value="${csrfToken}">
  <input type="hidden" name="page" value="${encodePage(toImport.page)}">
  <input type="hidden" name="source" value="${toImport.source}">
  <input type="hidden" name="responseDate" value="${toImport.responseDate ?? ''}">
  <div class="govuk-button-group">
    <button type="submit" class="govuk-button" data-module="govuk-button" data-prevent-double-click="true">Record this inspection</button>
    <a class="govuk-link" href="/import">Cancel</a>
  </div>
</form>`;
}
