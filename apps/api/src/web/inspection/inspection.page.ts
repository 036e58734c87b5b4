import { isOpenRecommendationStatus } from '@ledger/domain';
import type { ChallengeEntry, RegisterEntry, StatutoryEntry } from '@ledger/projections/read-models';
import type { InspectionSummary } from '@ledger/projections/read-models/register/inspection-summary';
import { html, sanitised } from '../layout/html';
import { challengesTable } from '../reading/challenges-table';
import { findingsTables } from '../reading/findings-table';
import { day, externalLink } from '../reading/format';
import { HOME, REGISTER, row, summaryList, type ReadingPageOptions } from '../reading/reading-page';
import { statutorySummary } from '../reading/statutory-summary';
import { INSPECTION_TYPE, SCOPE, SERVICE } from '../reading/words';
import type { InspectionRecording } from '../record/inspection/inspection-recording';

export interface InspectionPageModel {
  today: string;
  inspection: InspectionSummary;
  findings: readonly RegisterEntry[];
  statutoryResponse: StatutoryEntry | null;
  challenges: readonly ChallengeEntry[];
  consistent: boolean;
  /** The banner after a recording form was used, the changes and steps to record, challenges, and registering another inspection. */
  recording?: InspectionRecording;
}

export function inspectionPage({ today, inspection, findings, statutoryResponse, challenges, consistent, recording }: InspectionPageModel): ReadingPageOptions {
  const keyFindings = sanitised(inspection.keyFindingsHtml);
  const open = findings.filter((finding) => isOpenRecommendationStatus(finding.status)).length;
  const overdue = findings.filter((finding) => finding.overdue).length;
  const content = html`${recording?.banner}
<span class="govuk-caption-l">${INSPECTION_TYPE[inspection.inspectionType]} inspection</span>
<h1 class="govuk-heading-l">${inspection.title}</h1>
${summaryList([
  row('HMICFRS reference', inspection.hmicfrsReference ?? 'None given'),
  row('Type', inspection.typeAsWritten ? html`${INSPECTION_TYPE[inspection.inspectionType]} (published as “${inspection.typeAsWritten}”)` : INSPECTION_TYPE[inspection.inspectionType]),
  row('Scope', SCOPE[inspection.scope]),
  row('Service', SERVICE[inspection.service]),
  row('Published', day(inspection.publishedOn)),
  row('Report', externalLink(inspection.reportUrl)),
  row('Findings', `${findings.length} in all: ${open} open, ${overdue} overdue`),
  inspection.lastAmendmentReason !== null && row('Details last amended because', inspection.lastAmendmentReason),
])}
${recording?.details}
<p class="govuk-body ledger-no-print"><a class="govuk-link" href="/pack?inspection=${encodeURIComponent(inspection.inspectionId)}&amp;date=${today}">Meeting pack for this inspection</a> · <a class="govuk-link" href="/changes?inspectionId=${encodeURIComponent(inspection.inspectionId)}">What changed between two dates</a></p>

<h2 class="govuk-heading-m">Key findings</h2>
${keyFindings.value.trim() === '' ? html`<p class="govuk-body">No key findings were recorded.</p>` : keyFindings}

<h2 class="govuk-heading-m" id="findings">Findings as they stand today, ${day(today)}</h2>
${findings.length === 0 ? html`<p class="govuk-body">No findings are recorded for this inspection.</p>` : findingsTables(findings, { captionLevel: 'none', caption: `Findings of this inspection (${findings.length})` })}

<h2 class="govuk-heading-m" id="statutory-response">${inspection.service === 'fire' ? 'Published action plan' : 'Statutory response'}</h2>
${statutorySummary(statutoryResponse, inspection.service)}
${recording?.statutorySteps}

<h2 class="govuk-heading-m" id="challenges">Scrutiny challenges</h2>
${challenges.length === 0
  ? html`<p class="govuk-body">No scrutiny challenges have been raised about this inspection.</p>`
  : challengesTable(challenges, 'Scrutiny challenges about this inspection', undefined, recording?.challenges.linksOf)}
${recording?.challenges.raise}
${recording?.register}`;
  return { title: inspection.title, content, current: '/register', breadcrumbs: [HOME, REGISTER], consistent };
}
