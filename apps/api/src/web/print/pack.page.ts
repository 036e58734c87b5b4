import type { ChallengeEntry, RegisterEntry, SlippageEntry, StatutoryEntry } from '@ledger/projections/read-models';
import type { InspectionSummary } from '@ledger/projections/read-models/register/inspection-summary';
import type { FilterForm } from '../components/fields';
import { row, type SummaryRows, type Table } from '../components/inline';
import type { FormError } from '../layout/error-summary';
import { challengesTable } from '../reading/challenges-table';
import { findingsTable } from '../reading/findings-table';
import { inspectionField } from '../reading/filter-fields';
import { dateField, type Choice } from '../reading/form-fields';
import { day, dayText } from '../reading/format';
import type { FormValues } from '../reading/page-query';
import type { ReadingPage } from '../reading/reading-page';
import { revisionsTable } from '../reading/revisions-table';
import { statutorySummary } from '../reading/statutory-summary';
import { INSPECTION_TYPE, SERVICE } from '../reading/words';

/** One inspection's part of the pack. */
export interface PackInspection {
  inspection: InspectionSummary;
  findings: readonly RegisterEntry[];
  statutoryResponse: StatutoryEntry | null;
  slippage: readonly SlippageEntry[];
  openChallenges: readonly ChallengeEntry[];
}

export interface PackPageModel {
  today: string;
  values: FormValues;
  errors: readonly FormError[];
  inspectionChoices: readonly Choice[];
  pack?: { date: string; inspections: readonly PackInspection[] };
}

export interface PackPage extends ReadingPage {
  form: FilterForm;
  todayText: string;
  pack?: {
    dateText: string;
    /** Whether one inspection was asked for: what to say when nothing had been recorded. */
    oneInspection: boolean;
    parts: {
      id: string;
      title: string;
      details: SummaryRows;
      findings: Table | null;
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
    title: pack ? `Meeting pack for ${pack.date}` : 'Meeting pack',
    current: '/pack',
    errors,
    todayText: dayText(today),
    form: {
      action: '/pack',
      submit: pack ? 'Make the pack again' : 'Make the pack',
      clear: false,
      fields: [dateField({ ...context, name: 'date', label: 'Meeting date' }), inspectionField(context, inspectionChoices, 'inspection')],
    },
    pack: pack && {
      dateText: dayText(pack.date),
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
    findings: findings.length === 0 ? null : findingsTable(findings, 'Findings of this inspection at the end of the meeting day'),
    statutoryHeading: inspection.service === 'fire' ? 'Published action plan' : 'Statutory response',
    statutory: statutorySummary(part.statutoryResponse, inspection.service),
    revisions: revisions.length === 0 ? null : revisionsTable(revisions, 'Every request to change a target date, with its decision'),
    challenges: part.openChallenges.length === 0 ? null : challengesTable(part.openChallenges, 'Challenges still open'),
  };
}
