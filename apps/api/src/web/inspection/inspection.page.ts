import { isOpenRecommendationStatus } from '@ledger/domain';
import type { ChallengeEntry, Page, RegisterEntry, StatutoryEntry, TimelineEntry } from '@ledger/projections/read-models';
import type { InspectionSummary } from '@ledger/projections/read-models/register/inspection-summary';
import { join, lines, row, small, type SummaryRows, type Table } from '../components/inline';
import { sanitised } from '../layout/sanitised';
import { challengesTable } from '../reading/challenges-table';
import { entriesTable } from '../reading/entries-table';
import { findingsTable } from '../reading/findings-table';
import { day, dayText, externalLink, instant, occurred } from '../reading/format';
import { pagination, showing, type PaginationParams, type Showing } from '../reading/pagination';
import { HOME, REGISTER, type ReadingPage } from '../reading/reading-page';
import { statutorySummary } from '../reading/statutory-summary';
import { INSPECTION_TYPE, SCOPE, SERVICE } from '../reading/words';
import type { InspectionRecording } from '../record/inspection/inspection-recording';

export interface InspectionPageModel {
  today: string;
  inspection: InspectionSummary;
  findings: readonly RegisterEntry[];
  statutoryResponse: StatutoryEntry | null;
  challenges: readonly ChallengeEntry[];
  /** One page of everything recorded about the inspection, its response and its findings, in the order things happened. */
  timeline: Page<TimelineEntry>;
  consistent: boolean;
  /** The banner after a recording form was used, the changes and steps to record, challenges, and registering another inspection. */
  recording?: InspectionRecording;
}

export interface InspectionPage extends ReadingPage {
  inspection: InspectionSummary;
  typeText: string;
  details: SummaryRows;
  /** Sanitised: only text structure and web links are left of the published page's markup. */
  keyFindingsHtml: string;
  todayText: string;
  packHref: string;
  changesHref: string;
  findings: Table | null;
  statutoryHeading: string;
  statutory: SummaryRows | null;
  challenges: Table | null;
  timeline: { showing: Showing; table: Table | null; pagination: PaginationParams | null };
  recording?: InspectionRecording;
}

export function inspectionPage({ today, inspection, findings, statutoryResponse, challenges, timeline, consistent, recording }: InspectionPageModel): InspectionPage {
  const open = findings.filter((finding) => isOpenRecommendationStatus(finding.status)).length;
  const overdue = findings.filter((finding) => finding.overdue).length;
  const id = encodeURIComponent(inspection.inspectionId);
  return {
    template: 'inspection/inspection.njk',
    title: inspection.title,
    current: '/register',
    breadcrumbs: [HOME, REGISTER],
    consistent,
    inspection,
    typeText: INSPECTION_TYPE[inspection.inspectionType],
    details: [
      row('HMICFRS reference', inspection.hmicfrsReference ?? 'None given'),
      row('Type', inspection.typeAsWritten ? `${INSPECTION_TYPE[inspection.inspectionType]} (published as “${inspection.typeAsWritten}”)` : INSPECTION_TYPE[inspection.inspectionType]),
      row('Scope', SCOPE[inspection.scope]),
      row('Service', SERVICE[inspection.service]),
      row('Published', day(inspection.publishedOn)),
      row('Report', externalLink(inspection.reportUrl)),
      row('Registered', lines(join('Dated ', occurred(inspection.registrationOccurredAt)), small(join('Recorded ', instant(inspection.registeredAt))))),
      row('Findings', `${findings.length} in all: ${open} open, ${overdue} overdue`),
      inspection.lastAmendmentReason !== null && row('Details last amended because', inspection.lastAmendmentReason),
    ],
    keyFindingsHtml: sanitised(inspection.keyFindingsHtml).trim(),
    todayText: dayText(today),
    packHref: `/pack?inspection=${id}&date=${today}`,
    changesHref: `/changes?inspectionId=${id}`,
    findings: findings.length === 0 ? null : findingsTable(findings, `Findings of this inspection (${findings.length})`),
    statutoryHeading: inspection.service === 'fire' ? 'Published action plan' : 'Statutory response',
    statutory: statutorySummary(statutoryResponse, inspection.service),
    challenges: challenges.length === 0 ? null : challengesTable(challenges, 'Scrutiny challenges about this inspection', undefined, recording?.challenges.linksOf),
    timeline: {
      showing: showing(timeline.total, timeline.offset, timeline.items.length, timeline.total === 1 ? 'entry' : 'entries'),
      table: timeline.items.length === 0 ? null : entriesTable(timeline.items, new Map([[inspection.inspectionId, inspection.title]]), `Timeline of this inspection (${timeline.total} ${timeline.total === 1 ? 'entry' : 'entries'})`),
      pagination: pagination(`/inspections/${id}`, {}, timeline.total, timeline.offset),
    },
    recording,
  };
}

