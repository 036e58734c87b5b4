import type { StatutoryEntry } from '@ledger/projections/read-models';
import type { Principal } from '../../../identity/principal';
import { html, type SafeHtml } from '../../layout/html';
import { personWords, switcherHref } from '../acting-as/acting-as.page';
import { recordedBanner } from '../forms/form-page';
import { REGISTRATION_PATH } from './registration.controller';
import { STATUTORY_FORMS, statutoryForm } from './statutory-forms';

/** What the inspection page shows of the recording forms: the banner after one was used, the response's next steps, and registering another. */
export interface InspectionRecording {
  banner: SafeHtml | false;
  statutorySteps: SafeHtml;
  register: SafeHtml;
}

export function inspectionRecording(inspectionId: string, response: StatutoryEntry | null, recorded: unknown, principal: Principal, selectable: boolean): InspectionRecording {
  const here = `/inspections/${encodeURIComponent(inspectionId)}`;
  const done = recorded === 'registered' ? 'Inspection registered' : typeof recorded === 'string' ? statutoryForm(recorded)?.recorded : undefined;
  const offered = response === null ? [] : STATUTORY_FORMS.filter((form) => form.offered(response));
  return {
    banner: done !== undefined && recordedBanner(done, recorded === 'registered' ? 'Its findings are issued, each with a page of its own, and its statutory clock has started.' : 'The statutory response below shows it.'),
    statutorySteps: html`<div class="ledger-no-print" id="record-statutory">
<h3 class="govuk-heading-s">Record a step of the response</h3>
<p class="govuk-body">You are acting as ${personWords(principal)}${selectable && html` (<a class="govuk-link" href="${switcherHref(here)}">change<span class="govuk-visually-hidden"> who you are acting as</span></a>)`}.</p>
${offered.length === 0
  ? html`<p class="govuk-body">Every step of the response is on record.</p>`
  : html`<ul class="govuk-list">${offered.map((form) => html`<li><a class="govuk-link" href="${here}/record/${form.key}">${form.link}</a></li>`)}</ul>`}
</div>`,
    register: html`<p class="govuk-body ledger-no-print"><a class="govuk-link" href="${REGISTRATION_PATH}">Register an inspection by hand</a></p>`,
  };
}
