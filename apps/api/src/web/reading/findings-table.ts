import type { RegisterEntry } from '@ledger/projections/read-models';
import { hint, join, lines, link, small, type Table } from '../components/inline';
import { day, dayText, inSentence, shorten } from './format';
import { FINDING_TYPE, overdueText, ragTag, statusTag } from './words';

const COLUMNS = [
  { text: 'Reference', nowrap: true },
  { text: 'Finding', width: 'one-third' },
  { text: 'Status' },
  { text: 'Owner' },
  { text: 'Target date', nowrap: true },
  { text: 'Overdue' },
  { text: 'RAG' },
] as const;

/** Findings as the register shows them, one table per inspection in the order given. */
export function findingsTables(findings: readonly RegisterEntry[]): Table[] {
  const groups: RegisterEntry[][] = [];
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

/** One table of findings under one caption; the text cut short unless it is to be read in full (the printed pack). */
export function findingsTable(findings: readonly RegisterEntry[], caption: string, options: { fullText?: boolean } = {}): Table {
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
      day(finding.targetDate),
      overdueText(finding),
      ragTag(finding.rag),
    ]),
  };
}
