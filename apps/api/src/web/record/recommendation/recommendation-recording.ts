import type { RegisterEntry } from '@ledger/projections/read-models';
import type { Principal } from '../../../identity/principal';
import { html, type SafeHtml } from '../../layout/html';
import { personWords, switcherHref } from '../acting-as/acting-as.page';
import { recordedBanner } from '../forms/form-page';
import { isOffered, RECOMMENDATION_FORMS, recommendationForm, type RecommendationFormGroup } from './recommendation-forms';

/** What the recommendation page shows of the recording forms: the banner after one was used, and the links to those it can use now. */
export interface RecommendationRecording {
  banner: SafeHtml | false;
  actions: SafeHtml;
}

const GROUPS: readonly RecommendationFormGroup[] = ['Decision', 'Delivery', 'Completion and sign-off', 'Putting the record right'];

export function recommendationRecording(finding: RegisterEntry, recorded: unknown, principal: Principal, selectable: boolean): RecommendationRecording {
  const done = typeof recorded === 'string' ? recommendationForm(recorded) : undefined;
  const here = `/recommendations/${encodeURIComponent(finding.recommendationId)}`;
  const offered = RECOMMENDATION_FORMS.filter((form) => isOffered(form, finding));
  const actions = html`<div class="ledger-no-print" id="record">
<h2 class="govuk-heading-m">Record what happened</h2>
<p class="govuk-body">You are acting as ${personWords(principal)}${selectable && html` (<a class="govuk-link" href="${switcherHref(here)}">change<span class="govuk-visually-hidden"> who you are acting as</span></a>)`}. What you record is attributed to you, from the web pages.</p>
${offered.length === 0
  ? html`<p class="govuk-body">Nothing can be recorded about ${finding.reference} while it is in this status.</p>`
  : GROUPS.map((group) => {
      const forms = offered.filter((form) => form.group === group);
      return (
        forms.length > 0 &&
        html`<h3 class="govuk-heading-s">${group}</h3>
<ul class="govuk-list">${forms.map((form) => html`<li><a class="govuk-link" href="${here}/record/${form.key}">${form.link}</a></li>`)}</ul>`
      );
    })}
</div>`;
  return { banner: done !== undefined && recordedBanner(done.recorded, `${finding.reference} now shows it, and it is the latest entry of the timeline.`), actions };
}
