import type { RegisterEntry } from '@ledger/projections/read-models';
import { html, type SafeHtml } from '../../layout/html';
import { challengeRecorded, challengeRecording, type ChallengeRecording } from '../challenge/challenge-recording';
import { recordedBanner } from '../forms/form-page';
import { isOffered, RECOMMENDATION_FORM_GROUPS, RECOMMENDATION_FORMS, recommendationForm } from './recommendation-forms';

/** What the recommendation page shows of the recording forms: the banner after one was used, the links to those it can use now, and its challenges'. */
export interface RecommendationRecording {
  banner: SafeHtml | false;
  actions: SafeHtml;
  challenges: ChallengeRecording;
}

export function recommendationRecording(finding: RegisterEntry, recorded: unknown): RecommendationRecording {
  const done = typeof recorded === 'string' ? (recommendationForm(recorded)?.recorded ?? challengeRecorded(recorded)) : undefined;
  const here = `/recommendations/${encodeURIComponent(finding.recommendationId)}`;
  const offered = RECOMMENDATION_FORMS.filter((form) => isOffered(form, finding));
  const actions = html`<div class="ledger-no-print" id="record">
<h2 class="govuk-heading-m">Record what happened</h2>
${offered.length === 0
  ? html`<p class="govuk-body">Nothing can be recorded about ${finding.reference} while it is in this status.</p>`
  : html`<p class="govuk-body">What you record is attributed to you, from the web pages.</p>
${RECOMMENDATION_FORM_GROUPS.map((group) => {
  const forms = offered.filter((form) => form.group === group);
  return (
    forms.length > 0 &&
    html`<h3 class="govuk-heading-s">${group}</h3>
<ul class="govuk-list">${forms.map((form) => html`<li><a class="govuk-link" href="${here}/record/${form.key}">${form.link}</a></li>`)}</ul>`
  );
})}`}
</div>`;
  return {
    banner: done !== undefined && recordedBanner(done, `${finding.reference} now shows it, and it is the latest entry of the timeline.`),
    actions,
    challenges: challengeRecording({ recommendationId: finding.recommendationId }, `Raise a scrutiny challenge about ${finding.reference}`),
  };
}
