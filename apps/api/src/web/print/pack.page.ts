import { DEFAULT_BASIS, type AsAtEntry, type Basis, type ChallengeEntry, type Commitment, type SlippageEntry, type StatutoryEntry } from '@ledger/projections/read-models';
import type { InspectionSummary } from '@ledger/projections/read-models/register/inspection-summary';
import type { FilterForm } from '../components/fields';
import { join, lines, row, small, type SummaryRows, type Table } from '../components/inline';
import type { FormError } from '../layout/error-summary';
import { challengesTable } from '../reading/challenges-table';
import { findingsTable } from '../reading/findings-table';
import { inspectionField } from '../reading/filter-fields';
import { dateField, selectField, type Choice } from '../reading/form-fields';
import { day, dayText } from '../reading/format';
import type { FormValues } from '../reading/page-query';
import type { ReadingPage } from '../reading/reading-page';
import { revisionsTable } from '../reading/revisions-table';
import { statutorySummary } from '../reading/statutory-summary';
import { basisStatement, byText, INSPECTION_TYPE, recordedText, SERVICE } from '../reading/words';
import { BASIS_CHOICES } from '../scrutiny/as-at.page';

/** One inspection's part of the pack. */
export interface PackInspection {
  inspection: InspectionSummary;
  findings: readonly AsAtEntry[];
  statutoryResponse: StatutoryEntry | null;
  slippage: readonly SlippageEntry[];
  openChallenges: readonly ChallengeEntry[];
  /** Each finding's decision commitment as it stood on the meeting day, by recommendation id. */
  commitments: ReadonlyMap<string, Commitment>;
}

export interface PackPageModel {
  today: string;
  values: FormValues;
  errors: readonly FormError[];
  inspectionChoices: readonly Choice[];
  pack?: { date: string; basis: Basis; inspections: readonly PackInspection[] };
}

export interface PackPage extends ReadingPage {
  form: FilterForm;
  todayText: string;
  pack?: {
    dateText: string;
    /** Which view the findings are shown in, and whether that is the default. */
    basisText: string;
    /** Whether one inspection was asked for: what to say when nothing had been recorded. */
    oneInspection: boolean;
    parts: {
      id: string;
      title: string;
      details: SummaryRows;
      findings: Table | null;
      /** What was committed to, and the latest progress reported by the meeting day. */
      delivery: Table | null;
      statutoryHeading: string;
      statutory: SummaryRows | null;
      revisions: Table | null;
      challenges: Table | null;
    }[];
  };
}

export function packPage({ today, values, errors, inspectionChoices, pack }: PackPageModel): PackPage {
  const context = { values, errors };
  return {
    template: 'print/pack.njk',
    title: pack ? `Meeting pack for ${dayText(pack.date)}` : 'Meeting pack',
    current: '/pack',
    errors,
    todayText: dayText(today),
    form: {
      action: '/pack',
      submit: pack ? 'Make the pack again' : 'Make the pack',
      clear: false,
      fields: [
        dateField({ ...context, name: 'date', label: 'Meeting date' }),
        selectField({ ...context, values: { ...values, basis: values.basis || DEFAULT_BASIS }, name: 'basis', label: 'View', choices: BASIS_CHOICES, any: false }),
        inspectionField(context, inspectionChoices, 'inspection'),
      ],
    },
    pack: pack && {
      dateText: dayText(pack.date),
      basisText: basisStatement(pack.basis, pack.basis === DEFAULT_BASIS),
      oneInspection: Boolean(values.inspection),
      parts: pack.inspections.map((part) => inspectionPart(part, pack.date)),
    },
  };
}

function inspectionPart(part: PackInspection, date: string): NonNullable<PackPage['pack']>['parts'][number] {
  const { inspection, findings } = part;
  const revisions = part.slippage.flatMap((entry) => entry.revisions.map((revision) => ({ revision, finding: entry })));
  return {
    id: inspection.inspectionId,
    title: inspection.title,
    details: [
      row('Type', `${INSPECTION_TYPE[inspection.inspectionType]}, ${SERVICE[inspection.service].toLowerCase()}`),
      row('Published', day(inspection.publishedOn)),
      row('Findings', `${findings.length}, of which ${findings.filter((finding) => finding.overdue).length} overdue on ${dayText(date)}`),
    ],
    findings: findings.length === 0 ? null : findingsTable(findings, 'Findings of this inspection at the end of the meeting day', { fullText: true }),
    delivery: findings.length === 0 ? null : deliveryTable(findings, part.commitments),
    statutoryHeading: inspection.service === 'fire' ? 'Published action plan' : 'Statutory response',
    statutory: statutorySummary(part.statutoryResponse, inspection.service, date),
    revisions: revisions.length === 0 ? null : revisionsTable(revisions, 'Every request to change a target date, with its decision'),
    challenges: part.openChallenges.length === 0 ? null : challengesTable(part.openChallenges, 'Challenges still open'),
  };
}

function deliveryTable(findings: readonly AsAtEntry[], commitments: ReadonlyMap<string, Commitment>): Table {
  const caption = 'What was committed to, and the latest progress reported';
  return {
    caption,
    label: caption,
    rowHeaders: true,
    columns: [{ text: 'Finding', nowrap: true }, { text: 'Commitment', width: 'one-third' }, { text: 'Latest progress', width: 'one-third' }],
    rows: findings.map((finding) => {
      const commitment = commitments.get(finding.recommendationId);
      const progress = finding.latestProgress;
      return [
        finding.reference,
        commitment
          ? lines(`“${commitment.what}”`, small(join('Committed ', day(commitment.committedOn), ` by ${byText(commitment.committedBy, commitment.onBehalfOf)}`, commitment.dueDate && join(', to be done by ', day(commitment.dueDate)))), recordedText(commitment))
          : 'None recorded',
        progress
          ? lines(progress.narrative, small(join('Reported ', day(progress.reportedOn), progress.percentComplete !== null && `; ${progress.percentComplete}% complete`, `; owner's own RAG: ${RAG_TEXT[progress.rag]}`)))
          : 'None reported',
      ];
    }),
  };
}

const RAG_TEXT = { red: 'red', amber: 'amber', green: 'green' } as const;
