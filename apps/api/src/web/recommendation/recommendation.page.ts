import type { ChallengeEntry, Commitment, RegisterEntry, SlippageEntry, TimelineEntry } from '@ledger/projections/read-models';
import type { Chart } from '../charts/chart';
import type { EvidenceList } from '../evidence/evidence.page';
import { join, lines, row, small, type Inline, type SummaryRows, type Table } from '../components/inline';
import { challengesTable } from '../reading/challenges-table';
import { commitmentsTable } from '../reading/commitments-table';
import { day, days, dayText } from '../reading/format';
import { HOME, REGISTER, type Crumb, type ReadingPage } from '../reading/reading-page';
import { revisionsTable } from '../reading/revisions-table';
import { againstDateText, DECISION, FINDING_TYPE, personText, ragTag, ragWord, recordedText, statusTag } from '../reading/words';
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
  /** The target date over time; null when none was ever set. */
  targetDateChart?: Chart | null;
  /** The evidence submitted, each linking to its file. */
  evidence?: EvidenceList;
}

export interface RecommendationPage extends ReadingPage {
  finding: RegisterEntry;
  caption: string;
  todayText: string;
  standing: SummaryRows;
  commitments: Table | null;
  revisions: Table | null;
  /** Shown when there are challenges, or whoever acts may raise one. */
  showChallenges: boolean;
  challenges: Table | null;
  timeline: Table;
  recording?: RecommendationRecording;
  targetDateChart: Chart | null;
  evidence: EvidenceList | null;
}

export function recommendationPage(model: RecommendationPageModel): RecommendationPage {
  const { finding, timeline, commitments, slippage, challenges } = model;
  const inspection = finding.inspection;
  const breadcrumbs: Crumb[] = [HOME, REGISTER];
  if (inspection) breadcrumbs.push({ text: inspection.title, href: `/inspections/${encodeURIComponent(inspection.inspectionId)}` });
  const decision = commitments.filter((commitment) => commitment.kind === 'decision').at(-1);
  const progress = finding.latestProgress;
  return {
    template: 'recommendation/recommendation.njk',
    title: `${finding.reference}${inspection ? ` – ${inspection.title}` : ''}`,
    current: '/register',
    breadcrumbs,
    consistent: model.consistent,
    finding,
    caption: `${FINDING_TYPE[finding.findingType]}${inspection ? ` · ${inspection.title}` : ''}`,
    todayText: dayText(model.today),
    standing: [
      row('Status', statusTag(finding.status)),
      row('Decision', decisionText(finding)),
      row('Owner', finding.owner ? `${finding.owner}${finding.ownerOrganisation ? `, ${finding.ownerOrganisation}` : ''}` : 'Not assigned'),
      row('Commitment', decision ? commitmentText(decision) : 'None recorded'),
      row('Original target date', day(finding.originalTargetDate)),
      row(
        'Current target date',
        lines(
          day(finding.targetDate),
          finding.targetDateRevisions > 0 &&
            small(`Moved ${finding.targetDateRevisions} ${finding.targetDateRevisions === 1 ? 'time' : 'times'}${finding.slippageDays !== null && finding.slippageDays !== 0 ? `, ${days(finding.slippageDays)} later than first set` : ''}`),
        ),
      ),
      finding.pendingTargetDateChange !== null && row('Change of target date awaiting a decision', join('To ', day(finding.pendingTargetDateChange.to), `; reason: ${finding.pendingTargetDateChange.reason}`)),
      row("Overdue against the inspectorate's due date", finding.dueDate === null ? 'No due date' : againstDateText(finding.daysPastDueDate, finding.daysUntilDueDate)),
      row('Overdue against the current target date', finding.targetDate === null ? 'No target date' : againstDateText(finding.daysPastTargetDate, finding.daysUntilTarget)),
      row(
        'RAG',
        lines(ragTag(finding.rag), finding.rag !== null && small(`Against the inspectorate's due date: ${ragWord(finding.ragAgainstDueDate)}; against the current target date: ${ragWord(finding.ragAgainstTargetDate)}`)),
      ),
      row('Blocked', finding.openDependencies.length === 0 ? 'No' : { list: finding.openDependencies.map((dependency) => `Waiting on ${dependency.dependsOn}: ${dependency.description}`) }),
      progress !== null &&
        row(
          'Latest progress',
          lines(progress.narrative, small(join('Reported ', day(progress.reportedOn), progress.percentComplete !== null && `; ${progress.percentComplete}% complete`, `; owner's own RAG: ${progress.rag}`))),
        ),
      finding.openActions > 0 && row('Open actions', String(finding.openActions)),
      finding.completedOn !== null && row('Completion handed in', day(finding.completedOn)),
      finding.verifiedOn !== null && row('Completion verified', day(finding.verifiedOn)),
      finding.closedOn !== null && row('Closed', day(finding.closedOn)),
      row('Inspectorate due date', finding.immediate ? 'With immediate effect' : day(finding.dueDate, 'None given')),
      finding.inspectorate !== null && row('Inspectorate status', lines(`“${finding.inspectorate.statusText}”`, small(join(day(finding.inspectorate.statusDate), `, from ${finding.inspectorate.source}`)))),
      finding.inspectorateClosure !== null && row('Inspectorate closure', join(finding.inspectorateClosure.outcome === 'discharged' ? 'Discharged ' : 'Closed ', day(finding.inspectorateClosure.closedOn))),
      finding.addressees.length > 0 && row('Addressed to', finding.addressees.join(', ')),
    ],
    commitments: commitments.length === 0 ? null : commitmentsTable(commitments, 'Who committed to what, and whether it was kept'),
    revisions: slippage === null || slippage.revisions.length === 0 ? null : revisionsTable(slippage.revisions.map((revision) => ({ revision })), `Every request to change the target date of ${finding.reference}`),
    targetDateChart: model.targetDateChart ?? null,
    evidence: model.evidence ?? null,
    showChallenges: challenges.length > 0 || Boolean(model.recording?.challenges.raise),
    challenges: challenges.length === 0 ? null : challengesTable(challenges, `Scrutiny challenges about ${finding.reference}`, undefined, model.recording?.challenges.linksOf),
    timeline: timelineTable(timeline, `Timeline of ${finding.reference} (${timeline.length} ${timeline.length === 1 ? 'entry' : 'entries'})`),
    recording: model.recording,
  };
}

function decisionText(finding: RegisterEntry): string {
  if (finding.applicability === 'not-applicable') return 'Assessed as not applicable';
  return finding.decision === null ? 'Not yet decided' : DECISION[finding.decision];
}

function commitmentText(commitment: Commitment): Inline {
  return lines(
    `“${commitment.what}”`,
    small(
      join(
        'Committed ',
        day(commitment.committedOn),
        ` by ${personText(commitment.committedBy)}`,
        commitment.onBehalfOf && ` on behalf of ${personText(commitment.onBehalfOf)}`,
        commitment.dueDate && join(', to be done by ', day(commitment.dueDate)),
      ),
    ),
    recordedText(commitment),
  );
}
