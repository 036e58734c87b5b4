import type { Commitment } from '@ledger/projections/read-models';
import { hint, lines, link, small, type Column, type Table } from '../components/inline';
import { day, days, occurred } from './format';
import { byText, COMMITMENT_KIND, outcomeTag, recordedText, whoText } from './words';

/** Who committed to what, when, by which date, and whether it was kept. */
export function commitmentsTable(commitments: readonly Commitment[], caption: string, options: { withFinding?: boolean } = {}): Table {
  const withFinding = options.withFinding === true;
  const columns: Column[] = [
    ...(withFinding ? [{ text: 'Finding', nowrap: true }] : []),
    { text: 'Commitment', width: 'one-third' },
    { text: 'Committed by' },
    { text: 'Committed' },
    { text: 'Due by', nowrap: true },
    { text: 'Outcome' },
  ];
  return {
    caption,
    label: caption,
    columns,
    rows: commitments.map((commitment) => [
      ...(withFinding ? [link(`/recommendations/${encodeURIComponent(commitment.recommendationId)}`, commitment.reference)] : []),
      lines(
        commitment.what,
        hint(
          [
            COMMITMENT_KIND[commitment.kind],
            commitment.owner && `owner: ${commitment.owner}`,
            commitment.reason && `reason: ${commitment.reason}`,
            commitment.approvedBy && `approved by ${byText(commitment.approvedBy, commitment.approvedOnBehalfOf)}`,
          ]
            .filter(Boolean)
            .join('; '),
        ),
      ),
      whoText(commitment.committedBy, commitment.onBehalfOf),
      lines(occurred(commitment.committedAt), recordedText(commitment)),
      day(commitment.dueDate, 'No date'),
      lines(outcomeTag(commitment.outcome), commitment.daysLate !== null && small(`${days(commitment.daysLate)} late`), commitment.withdrawnReason && small(commitment.withdrawnReason)),
    ]),
  };
}
