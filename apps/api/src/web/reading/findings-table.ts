import type { RegisterEntry } from '@ledger/projections/read-models';
import { hint, join, lines, link, small, type Inline, type Table } from '../components/inline';
import { day, dayText, inSentence, shorten } from './format';
import { againstDateText, FINDING_TYPE, ragTag, ragWord, statusTag } from './words';

const COLUMNS = [
  { text: 'Reference', nowrap: true },
  { text: 'Finding', width: 'one-third' },
  { text: 'Status' },
  { text: 'Owner' },
  { text: "Inspectorate's due date" },
  { text: "Force's target date" },
  { text: 'RAG' },
] as const;

/** What a findings table shows of a finding: the live register's entries and "as at" entries both have it. */
export type FindingLine = Pick<
  RegisterEntry,
  | 'recommendationId'
  | 'inspectionId'
  | 'inspection'
  | 'reference'
  | 'text'
  | 'findingType'
  | 'status'
  | 'blocked'
  | 'owner'
  | 'targetDate'
  | 'dueDate'
  | 'daysPastDueDate'
  | 'daysUntilDueDate'
  | 'daysPastTargetDate'
  | 'daysUntilTarget'
  | 'rag'
  | 'ragAgainstDueDate'
  | 'ragAgainstTargetDate'
>;

/** Findings as the register shows them, one table per inspection in the order given. */
export function findingsTables(findings: readonly FindingLine[]): Table[] {
  const groups: FindingLine[][] = [];
  for (const finding of findings) {
    const last = groups[groups.length - 1];
    if (last && last[0].inspectionId === finding.inspectionId) last.push(finding);
    else groups.push([finding]);
  }
  return groups.map((group) => {
    const inspection = group[0].inspection;
    if (!inspection) return findingsTable(group, `Inspection ${group[0].inspectionId}`);
    const caption = join(link(`/inspections/${encodeURIComponent(inspection.inspectionId)}`, inspection.title), ' ', { hint: join('published ', day(inspection.publishedOn)) });
    return { ...findingsTable(group, inspection.title), caption, label: `${inSentence(inspection.title)}, published ${dayText(inspection.publishedOn)}` };
  });
}

function against(date: string | null, daysPast: number | null, daysUntil: number | null): Inline {
  return date === null ? hint('None set') : lines(day(date), againstDateText(daysPast, daysUntil));
}

/** The worse of the two RAGs, and each one when they differ (a target date moved past the inspectorate's date, say). */
function ragCell(finding: FindingLine): Inline {
  if (finding.ragAgainstDueDate === finding.ragAgainstTargetDate) return ragTag(finding.rag);
  return lines(ragTag(finding.rag), small(`Due date: ${ragWord(finding.ragAgainstDueDate)}`), small(`Target date: ${ragWord(finding.ragAgainstTargetDate)}`));
}

/**
 * One table of findings under one caption, lateness judged twice: against the inspectorate's due
 * date, which never moves, and against the force's current target date; the text cut short unless it is to be read in full (the printed pack). */
export function findingsTable(findings: readonly FindingLine[], caption: string, options: { fullText?: boolean } = {}): Table {
  return {
    caption,
    label: caption,
    columns: COLUMNS,
    rowHeaders: true,
    rows: findings.map((finding) => [
      link(`/recommendations/${encodeURIComponent(finding.recommendationId)}`, finding.reference),
      lines(options.fullText ? finding.text : shorten(finding.text), hint(FINDING_TYPE[finding.findingType])),
      lines(statusTag(finding.status), finding.blocked && small('Blocked: waiting on a dependency')),
      finding.owner ?? 'Not assigned',
      against(finding.dueDate, finding.daysPastDueDate, finding.daysUntilDueDate),
      against(finding.targetDate, finding.daysPastTargetDate, finding.daysUntilTarget),
      ragCell(finding),
    ]),
  };
}
