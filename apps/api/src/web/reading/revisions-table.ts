import type { TargetDateRevision } from '@ledger/projections/read-models';
import { join, lines, link, small, type Column, type Table } from '../components/inline';
import { day, days, instant, occurred } from './format';
import { byText, revisionTag, whoText } from './words';

/** Requests to move a target date: from, to, why, who asked, and who approved or refused. */
export function revisionsTable(rows: readonly { revision: TargetDateRevision; finding?: { recommendationId: string; reference: string } }[], caption: string): Table {
  const withFinding = rows.some((r) => r.finding !== undefined);
  const columns: Column[] = [
    ...(withFinding ? [{ text: 'Finding', nowrap: true }] : []),
    { text: 'Requested' },
    { text: 'From', nowrap: true },
    { text: 'To', nowrap: true },
    { text: 'Reason', width: 'one-quarter' },
    { text: 'Requested by' },
    { text: 'Decision' },
  ];
  return {
    caption,
    label: caption,
    columns,
    rows: rows.map(({ revision, finding }) => [
      ...(withFinding ? [finding && link(`/recommendations/${encodeURIComponent(finding.recommendationId)}`, finding.reference)] : []),
      lines(occurred(revision.requestedAt), small(join('Recorded ', instant(revision.requestedRecordedAt)))),
      day(revision.from),
      lines(day(revision.to), small(movedText(revision.daysMoved))),
      revision.reason,
      whoText(revision.requestedBy, revision.requestedOnBehalfOf),
      lines(
        revisionTag(revision.outcome),
        revision.decidedBy && small(join(`by ${byText(revision.decidedBy, revision.decidedOnBehalfOf)}`, revision.decidedAt && join(', ', occurred(revision.decidedAt)), revision.decidedRecordedAt && join('; recorded ', instant(revision.decidedRecordedAt)))),
        revision.decisionNote && small(`“${revision.decisionNote}”`),
      ),
    ]),
  };
}

function movedText(daysMoved: number): string {
  if (daysMoved === 0) return 'Same date';
  return daysMoved > 0 ? `${days(daysMoved)} later` : `${days(-daysMoved)} earlier`;
}
