import type { StatutoryEntry } from '@ledger/projections/read-models';
import { html, type SafeHtml } from '../../layout/html';
import { challengeRecorded, challengeRecording, type ChallengeRecording } from '../challenge/challenge-recording';
import { recordedBanner } from '../forms/form-page';
import { INSPECTION_FORMS, inspectionForm } from './inspection-forms';
import { REGISTRATION_PATH } from './registration.controller';
import { STATUTORY_FORMS, statutoryForm } from './statutory-forms';

/** What the inspection page shows of the recording forms: the banner after one was used, changes to the inspection, the response's next steps, its challenges', and registering another. */
export interface InspectionRecording {
  banner: SafeHtml | false;
  details: SafeHtml;
  statutorySteps: SafeHtml;
  challenges: ChallengeRecording;
  register: SafeHtml;
}

export function inspectionRecording(inspectionId: string, response: StatutoryEntry | null, recorded: unknown): InspectionRecording {
  const here = `/inspections/${encodeURIComponent(inspectionId)}`;
  const offered = response === null ? [] : STATUTORY_FORMS.filter((form) => form.offered(response));
  return {
    banner: bannerOf(recorded),
    details: html`<ul class="govuk-list ledger-no-print" id="record-inspection">${INSPECTION_FORMS.map((form) => html`<li><a class="govuk-link" href="${here}/record/${form.key}">${form.link}</a></li>`)}</ul>`,
    statutorySteps: html`<div class="ledger-no-print" id="record-statutory">
<h3 class="govuk-heading-s">Record a step of the response</h3>
${offered.length === 0
  ? html`<p class="govuk-body">Every step of the response is on record.</p>`
  : html`<ul class="govuk-list">${offered.map((form) => html`<li><a class="govuk-link" href="${here}/record/${form.key}">${form.link}</a></li>`)}</ul>`}
</div>`,
    challenges: challengeRecording({ inspectionId }, 'Raise a scrutiny challenge about this inspection'),
    register: html`<p class="govuk-body ledger-no-print"><a class="govuk-link" href="${REGISTRATION_PATH}">Register an inspection by hand</a> or <a class="govuk-link" href="/import">import a published page</a></p>`,
  };
}

function bannerOf(recorded: unknown): SafeHtml | false {
  if (recorded === 'registered') return recordedBanner('Inspection registered', 'Its findings are issued, each with a page of its own, and its statutory clock has started.');
  if (typeof recorded !== 'string') return false;
  const step = statutoryForm(recorded)?.recorded;
  if (step !== undefined) return recordedBanner(step, 'The statutory response below shows it.');
  const change = inspectionForm(recorded)?.recorded ?? challengeRecorded(recorded);
  return change !== undefined && recordedBanner(change, 'The page below shows it.');
}
