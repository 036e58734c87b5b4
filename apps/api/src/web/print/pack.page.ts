import type { AsAtEntry, Basis, ChallengeEntry, SlippageEntry, StatutoryEntry } from '@ledger/projections/read-models';
import type { InspectionSummary } from '@ledger/projections/read-models/register/inspection-summary';
import type { FormError } from '../layout/error-summary';
import { html, type SafeHtml } from '../layout/html';
import { challengesTable } from '../reading/challenges-table';
import { findingsTables } from '../reading/findings-table';
import { inspectionField } from '../reading/filter-fields';
import { dateField, filterForm, type Choice } from '../reading/form-fields';
import { BASIS_WORDS } from '../scrutiny/as-at.page';
import { day, dayText } from '../reading/format';
import type { FormValues } from '../reading/page-query';
import { row, summaryList, type ReadingPageOptions } from '../reading/reading-page';
import { revisionsTable } from '../reading/revisions-table';
import { statutorySummary } from '../reading/statutory-summary';
import { INSPECTION_TYPE, SERVICE } from '../reading/words';

/** One inspection's part of the pack. */
export interface PackInspection {
  inspection: InspectionSummary;
  findings: readonly AsAtEntry[];
  statutoryResponse: StatutoryEntry | null;
  slippage: readonly SlippageEntry[];
  openChallenges: readonly ChallengeEntry[];
}

export interface PackPageModel {
  today: string;
  values: FormValues;
  errors: readonly FormError[];
  inspectionChoices: readonly Choice[];
  pack?: { date: string; basis: Basis; inspections: readonly PackInspection[] };
}

export function packPage({ today, values, errors, inspectionChoices, pack }: PackPageModel): ReadingPageOptions {
  const context = { values, errors };
  const form = filterForm({
    action: '/pack',
    submit: pack ? 'Make the pack again' : 'Make the pack',
    clear: false,
    fields: [dateField({ ...context, name: 'date', label: 'Meeting date' }), inspectionField(context, inspectionChoices, 'inspection')],
  });
  if (!pack) {
    const content = html`<h1 class="govuk-heading-l">Meeting pack</h1>
<p class="govuk-body">A printable pack for a scrutiny meeting: for each inspection, its findings as they stand at the end of the meeting day, its statutory response, every change of target date and the open scrutiny challenges. Each inspection starts on a new page when printed.</p>
${form}`;
    return { title: 'Meeting pack', content, current: '/pack', errors };
  }
  const content = html`<h1 class="govuk-heading-l">Meeting pack for ${day(pack.date)}</h1>
<p class="govuk-body" id="basis">Prepared ${day(today)}. Findings are shown as at the end of ${day(pack.date)}, ${BASIS_WORDS[pack.basis]}${pack.basis === 'occurred' ? ' (the default)' : ''}, with overdue and RAG worked out for that day. <a class="govuk-link ledger-no-print" href="/pack?${new URLSearchParams({ ...(values.inspection ? { inspection: String(values.inspection) } : {}), date: pack.date, basis: pack.basis === 'occurred' ? 'recorded' : 'occurred' }).toString()}">Show it ${BASIS_WORDS[pack.basis === 'occurred' ? 'recorded' : 'occurred']} instead</a>. Statutory responses, changes of target date and challenges are as recorded by ${day(today)}.</p>
<div class="ledger-no-print">
  ${form}
  <p class="govuk-body">To print the pack, or save it as a PDF, use your browser's print command. The navigation is left out of the printout.</p>
</div>
${pack.inspections.length === 0
  ? html`<p class="govuk-body">Nothing had been recorded for ${values.inspection ? 'this inspection' : 'any inspection'} by the end of ${day(pack.date)}.</p>`
  : html`<h2 class="govuk-heading-m">Contents</h2>
<ol class="govuk-list govuk-list--number">
  ${pack.inspections.map((part) => html`<li><a class="govuk-link" href="#inspection-${part.inspection.inspectionId}">${part.inspection.title}</a></li>`)}
</ol>
${pack.inspections.map((part) => inspectionPart(part, pack.date))}`}`;
  return { title: `Meeting pack for ${pack.date}`, content, current: '/pack', errors };
}

function inspectionPart(part: PackInspection, date: string): SafeHtml {
  const { inspection, findings } = part;
  const revisions = part.slippage.flatMap((entry) => entry.revisions.map((revision) => ({ revision, finding: entry })));
  return html`<section class="ledger-pack__inspection" id="inspection-${inspection.inspectionId}" aria-labelledby="inspection-${inspection.inspectionId}-title">
  <h2 class="govuk-heading-l" id="inspection-${inspection.inspectionId}-title">${inspection.title}</h2>
  ${summaryList([
    row('Type', `${INSPECTION_TYPE[inspection.inspectionType]}, ${SERVICE[inspection.service].toLowerCase()}`),
    row('Published', day(inspection.publishedOn)),
    row('Findings', `${findings.length}, of which ${findings.filter((finding) => finding.overdue).length} overdue on ${dayText(date)}`),
  ])}
  <h3 class="govuk-heading-m">Findings at the end of ${day(date)}</h3>
  ${findings.length === 0 ? html`<p class="govuk-body">No findings had been recorded by then.</p>` : findingsTables(findings, { captionLevel: 'none', caption: `Findings of this inspection at the end of the meeting day` })}
  <h3 class="govuk-heading-m">${inspection.service === 'fire' ? 'Published action plan' : 'Statutory response'}</h3>
  ${statutorySummary(part.statutoryResponse, inspection.service)}
  <h3 class="govuk-heading-m">Changes of target date</h3>
  ${revisions.length === 0 ? html`<p class="govuk-body">No target date has been asked to change.</p>` : revisionsTable(revisions, 'Every request to change a target date, with its decision')}
  <h3 class="govuk-heading-m">Open scrutiny challenges</h3>
  ${part.openChallenges.length === 0 ? html`<p class="govuk-body">None.</p>` : challengesTable(part.openChallenges, 'Challenges still open')}
</section>`;
}
