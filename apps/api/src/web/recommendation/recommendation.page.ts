import type { ChallengeEntry, Commitment, RegisterEntry, SlippageEntry, TimelineEntry } from '@ledger/projections/read-models';
import { html, type SafeHtml } from '../layout/html';
import { challengesTable } from '../reading/challenges-table';
import { commitmentsTable } from '../reading/commitments-table';
import { day, days } from '../reading/format';
import { HOME, REGISTER, row, summaryList, type Crumb, type ReadingPageOptions } from '../reading/reading-page';
import { revisionsTable } from '../reading/revisions-table';
import { DECISION, FINDING_TYPE, overdueText, personText, ragTag, statusTag } from '../reading/words';
import type { RecommendationRecording } from '../record/recommendation/recommendation-recording';
import { timelineTable } from './timeline-table';

export interface RecommendationPageModel {
  today: string;
  finding: RegisterEntry;
  timeline: readonly TimelineEntry[];
  commitments: readonly Commitment[];
  slippage: SlippageEntry | null;
  challenges: readonly ChallengeEntry[];
  consistent: boolean;
  /** The banner after a recording form was used, and the links to the forms that can be used now (its challenges' too). */
  recording?: RecommendationRecording;
}

export function recommendationPage(model: RecommendationPageModel): ReadingPageOptions {
  const { finding, timeline, commitments, slippage, challenges } = model;
  const inspection = finding.inspection;
  const breadcrumbs: Crumb[] = [HOME, REGISTER];
  if (inspection) breadcrumbs.push({ text: inspection.title, href: `/inspections/${encodeURIComponent(inspection.inspectionId)}` });
  const decision = commitments.filter((commitment) => commitment.kind === 'decision').at(-1);

  const content = html`${model.recording?.banner}
<span class="govuk-caption-l">${FINDING_TYPE[finding.findingType]}${inspection && html` · ${inspection.title}`}</span>
<h1 class="govuk-heading-l">${finding.reference}</h1>
<div class="govuk-inset-text">
  <p class="govuk-body">${finding.text}</p>
  ${finding.subItems.length > 0 && html`<ul class="govuk-list govuk-list--bullet ledger-sub-items">${finding.subItems.map((item) => html`<li>${item}</li>`)}</ul>`}
</div>

<h2 class="govuk-heading-m">Where it stands today, ${day(model.today)}</h2>
${summaryList([
  row('Status', statusTag(finding.status)),
  row('Decision', decisionText(finding)),
  row('Owner', finding.owner ? `${finding.owner}${finding.ownerOrganisation ? `, ${finding.ownerOrganisation}` : ''}` : 'Not assigned'),
  row('Commitment', decision ? commitmentText(decision) : 'None recorded'),
  row('Original target date', day(finding.originalTargetDate)),
  row('Current target date', html`${day(finding.targetDate)}${finding.targetDateRevisions > 0 && html`<br><span class="govuk-body-s">Moved ${finding.targetDateRevisions} ${finding.targetDateRevisions === 1 ? 'time' : 'times'}${finding.slippageDays !== null && finding.slippageDays !== 0 && `, ${days(finding.slippageDays)} later than first set`}</span>`}`),
  finding.pendingTargetDateChange !== null &&
    row('Change of target date awaiting a decision', html`To ${day(finding.pendingTargetDateChange.to)}; reason: ${finding.pendingTargetDateChange.reason}`),
  row('Overdue', overdueText(finding)),
  row('RAG', ragTag(finding.rag)),
  row(
    'Blocked',
    finding.openDependencies.length === 0
      ? 'No'
      : html`<ul class="govuk-list">${finding.openDependencies.map((dependency) => html`<li>Waiting on ${dependency.dependsOn}: ${dependency.description}</li>`)}</ul>`,
  ),
  finding.latestProgress !== null &&
    row(
      'Latest progress',
      html`${finding.latestProgress.narrative}<br><span class="govuk-body-s">Reported ${day(finding.latestProgress.reportedOn)}${finding.latestProgress.percentComplete !== null && `; ${finding.latestProgress.percentComplete}% complete`}; owner's own RAG: ${finding.latestProgress.rag}</span>`,
    ),
  finding.openActions > 0 && row('Open actions', String(finding.openActions)),
  finding.completedOn !== null && row('Completion handed in', day(finding.completedOn)),
  finding.verifiedOn !== null && row('Completion verified', day(finding.verifiedOn)),
  finding.closedOn !== null && row('Closed', day(finding.closedOn)),
  row('Inspectorate due date', finding.immediate ? 'With immediate effect' : day(finding.dueDate, 'None given')),
  finding.inspectorate !== null &&
    row('Inspectorate status', html`“${finding.inspectorate.statusText}”<br><span class="govuk-body-s">${day(finding.inspectorate.statusDate)}, from ${finding.inspectorate.source}</span>`),
  finding.inspectorateClosure !== null &&
    row('Inspectorate closure', html`${finding.inspectorateClosure.outcome === 'discharged' ? 'Discharged' : 'Closed'} ${day(finding.inspectorateClosure.closedOn)}`),
  finding.addressees.length > 0 && row('Addressed to', finding.addressees.join(', ')),
])}
${model.recording?.actions}

<h2 class="govuk-heading-m" id="commitments">Commitments</h2>
${commitments.length === 0 ? html`<p class="govuk-body">No commitments have been recorded.</p>` : commitmentsTable(commitments, 'Who committed to what, and whether it was kept')}

<h2 class="govuk-heading-m" id="target-dates">Changes of target date</h2>
${slippage === null || slippage.revisions.length === 0
  ? html`<p class="govuk-body">The target date has not been asked to change.</p>`
  : revisionsTable(slippage.revisions.map((revision) => ({ revision })), `Every request to change the target date of ${finding.reference}`)}

${(challenges.length > 0 || model.recording !== undefined) &&
html`<h2 class="govuk-heading-m" id="challenges">Scrutiny challenges</h2>
${challenges.length > 0
  ? challengesTable(challenges, `Scrutiny challenges about ${finding.reference}`, undefined, model.recording?.challenges.linksOf)
  : html`<p class="govuk-body">No scrutiny challenges have been raised about ${finding.reference}.</p>`}
${model.recording?.challenges.raise}`}

<h2 class="govuk-heading-m">Timeline</h2>
<p class="govuk-body">Everything recorded about ${finding.reference}, oldest first. Nothing is ever edited or deleted: a mistake is put right by a later correction, shown beside the entry it corrects.</p>
${timelineTable(timeline, `Timeline of ${finding.reference} (${timeline.length} ${timeline.length === 1 ? 'entry' : 'entries'})`)}`;

  return { title: `${finding.reference}${inspection ? ` – ${inspection.title}` : ''}`, content, current: '/register', breadcrumbs, consistent: model.consistent };
}

function decisionText(finding: RegisterEntry): string {
  if (finding.applicability === 'not-applicable') return 'Assessed as not applicable';
  return finding.decision === null ? 'Not yet decided' : DECISION[finding.decision];
}

function commitmentText(commitment: Commitment): SafeHtml {
  return html`“${commitment.what}”<br><span class="govuk-body-s">Committed ${day(commitment.committedOn)} by ${personText(commitment.committedBy)}${commitment.onBehalfOf && ` on behalf of ${personText(commitment.onBehalfOf)}`}${commitment.dueDate && html`, to be done by ${day(commitment.dueDate)}`}</span>`;
}
