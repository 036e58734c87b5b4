import type { PageImportOutcome, PageImportPlan, StepStatus } from '@ledger/application/import-page';
import { html } from '../layout/html';
import { layout } from '../layout/layout';

const STATUS_TAGS: Record<StepStatus, { text: string; colour: string }> = {
  recorded: { text: 'Recorded', colour: 'green' },
  'already-recorded': { text: 'Already recorded', colour: 'grey' },
  refused: { text: 'Refused', colour: 'red' },
  'not-attempted': { text: 'Not attempted', colour: 'orange' },
};

/** What the import did, step by step, with links to the recorded history. */
export function importConfirmationPage(plan: PageImportPlan, outcome: PageImportOutcome): string {
  const recorded = outcome.steps.filter((s) => s.status === 'recorded').length;
  const refused = outcome.steps.filter((s) => s.status === 'refused' || s.status === 'not-attempted');
  const title = outcome.recordedAnything ? 'Inspection recorded' : refused.length > 0 ? 'Nothing was recorded' : 'Already imported: nothing recorded';
  const id = outcome.inspectionId;

  const content = html`<div class="govuk-grid-row">
  <div class="govuk-grid-column-two-thirds">
    ${outcome.recordedAnything
      ? html`<div class="govuk-panel govuk-panel--confirmation">
      <h1 class="govuk-panel__title">Inspection recorded</h1>
      <div class="govuk-panel__body">${recorded} of ${outcome.steps.length} steps recorded</div>
    </div>`
      : html`<h1 class="govuk-heading-l">${title}</h1>
    <p class="govuk-body-l">${refused.length > 0 ? 'The ledger refused what was left to record.' : 'This page was already imported. Every step was found in the ledger, so nothing new was recorded.'}</p>`}
    <p class="govuk-body">Inspection: <strong>${plan.parsed.inspection.title}</strong>, published ${plan.parsed.inspection.publishedOn}.</p>
    ${refused.length > 0 &&
    html`<div class="govuk-error-summary" data-module="govuk-error-summary">
      <div role="alert">
        <h2 class="govuk-error-summary__title">Some steps were not recorded</h2>
        <div class="govuk-error-summary__body">
          <ul class="govuk-list govuk-error-summary__list">
            ${refused.map(({ step, refusal }) => html`<li>${step.summary} ${refusal ? `Refused by ${refusal.rule}: ${refusal.message}` : 'Not attempted: the inspection was not registered.'}</li>`)}
          </ul>
        </div>
      </div>
    </div>`}
    <h2 class="govuk-heading-m">What happened</h2>
    <ul class="govuk-list govuk-list--spaced" id="outcome">
      ${outcome.steps.map(({ step, status, differences, correction }) =>
        differences
          ? html`<li><strong class="govuk-tag govuk-tag--orange">Already recorded, with other dates: nothing was changed</strong> ${step.summary}
          <ul class="govuk-list govuk-list--bullet">${differences.map((d) => html`<li>${d.field}: the ledger holds ${d.recorded ?? '(none)'}; this import says ${d.imported ?? '(none)'}</li>`)}</ul>
          ${correction && html`<p class="govuk-body">To correct it: ${correction.note}</p>`}</li>`
          : html`<li><strong class="govuk-tag govuk-tag--${STATUS_TAGS[status].colour}">${STATUS_TAGS[status].text}</strong> ${step.summary}</li>`,
      )}
    </ul>
    <h2 class="govuk-heading-m">Recorded history</h2>
    <p class="govuk-body">Each entry, with who recorded it, on whose behalf and when:</p>
    <ul class="govuk-list">
      <li><a class="govuk-link" href="/api/inspections/${id}/history">The inspection</a></li>
      <li><a class="govuk-link" href="/api/statutory-responses/${id}/history">${plan.parsed.inspection.service === 'police' ? 'Its statutory response' : 'Its action plan'}</a></li>
      ${plan.findings.map((f) => html`<li><a class="govuk-link" href="/api/recommendations/${f.findingId}/history">${f.reference}</a></li>`)}
    </ul>
    <h2 class="govuk-heading-m">What next</h2>
    <p class="govuk-body"><a class="govuk-link" href="/register">See the register</a> or <a class="govuk-link" href="/import">import another page</a>.</p>
  </div>
</div>`;
  return layout({ title, content, section: 'import' });
}
