import { daysBetween } from '@ledger/domain';
import type { Person, Represented } from '../shared/envelope';
import { Conditions, pageOf, type Page, type PageRequest, type ReadModelReader } from '../shared/reader';
import { endOfDayKey, type AsAt } from '../history/history-keys';
import { SLIPPAGE, UNDECIDED } from './slippage.projection';

export type RevisionOutcome = 'pending' | 'approved' | 'refused';

/** One request to move a target date, and what became of it. */
export interface TargetDateRevision {
  requestId: string;
  from: string;
  to: string;
  /** Positive when the date moved later. */
  daysMoved: number;
  reason: string;
  requestedBy: Person;
  /** Whom the request was recorded for (the chief constable, by the office); null when the recorder asked for themselves. */
  requestedOnBehalfOf: Represented | null;
  /** When the request was made (occurredAt), and when the ledger recorded it. */
  requestedAt: string;
  requestedRecordedAt: string;
  outcome: RevisionOutcome;
  decidedBy: Person | null;
  decidedOnBehalfOf: Represented | null;
  decidedAt: string | null;
  decidedRecordedAt: string | null;
  /** The approver's comment, or the reason for refusing. */
  decisionNote: string | null;
}

export interface SlippageEntry {
  recommendationId: string;
  inspectionId: string;
  reference: string;
  originalTargetDate: string | null;
  currentTargetDate: string | null;
  /** Days the current target date lies after the original one. */
  slippageDays: number | null;
  /** Approved changes of the target date. */
  revisionCount: number;
  revisions: TargetDateRevision[];
}

export interface SlippageFilter {
  inspectionId?: string;
  recommendationId?: string;
  /** Only findings whose target date has moved (true) or has not (false). */
  slipped?: boolean;
}

interface FindingRow {
  recommendation_id: string;
  inspection_id: string;
  reference: string;
  original_target_date: string | null;
  current_target_date: string | null;
}

interface RevisionRow {
  request_id: string;
  recommendation_id: string;
  from_date: string;
  to_date: string;
  reason: string;
  requested_by_id: string;
  requested_by_name: string;
  requested_by_role: string;
  requested_by_organisation: string;
  requested_at: string;
  requested_recorded_at: string;
  outcome: RevisionOutcome;
  decided_by_id: string | null;
  decided_by_name: string | null;
  decided_by_role: string | null;
  decided_by_organisation: string | null;
  decided_at: string | null;
  decided_recorded_at: string | null;
  decision_note: string | null;
  requested_on_behalf_of: string | null;
  decided_on_behalf_of: string | null;
}

/**
 * Findings that have a target date, with every revision asked for. With `asAt`, as at the end of
 * that day in its basis: only the requests made (or recorded) by then, a decision only if it was
 * made (or recorded) by then, and the current target date the one last approved by then.
 */
export function querySlippage(reader: ReadModelReader, filter: SlippageFilter, page: PageRequest, asAt?: AsAt): Page<SlippageEntry> {
  return reader.read(() => {
    const found = pageOf<FindingRow, FindingRow>(
      reader,
      () => {
        const where = new Conditions().add('original_target_date IS NOT NULL');
        if (filter.inspectionId !== undefined) where.add('inspection_id = @inspectionId', { inspectionId: filter.inspectionId });
        if (filter.recommendationId !== undefined) where.add('recommendation_id = @recommendationId', { recommendationId: filter.recommendationId });
        if (filter.slipped !== undefined) where.add(filter.slipped ? 'current_target_date <> original_target_date' : 'current_target_date = original_target_date');
        return { columns: '*', from: reader.table(SLIPPAGE, 'findings'), where, orderBy: 'inspection_id, reference' };
      },
      page,
      (row) => row,
    );
    const revisions = reader.db.prepare(
      asAt === undefined
        ? `SELECT * FROM ${reader.table(SLIPPAGE, 'revisions')} WHERE recommendation_id = @id ORDER BY position`
        : `SELECT *, decided_${asAt.basis}_key < @end AS decided_then FROM ${reader.table(SLIPPAGE, 'revisions')}
           WHERE recommendation_id = @id AND requested_${asAt.basis}_key < @end ORDER BY position`,
    );
    const end = asAt === undefined ? {} : { end: endOfDayKey(asAt.date) };
    return {
      ...found,
      items: found.items.map((row) => {
        const kept = (revisions.all({ id: row.recommendation_id, ...end }) as (RevisionRow & { decided_then?: number | null })[]).map((revision) =>
          asAt === undefined || revision.decided_then === 1 ? revision : undecided(revision),
        );
        return toEntry(asAt === undefined ? row : { ...row, current_target_date: kept.filter((revision) => revision.outcome === 'approved').at(-1)?.to_date ?? row.original_target_date }, kept.map(toRevision));
      }),
    };
  });
}

/** A request as it stood before its decision. */
function undecided(row: RevisionRow): RevisionRow {
  return { ...row, ...UNDECIDED };
}

function toEntry(row: FindingRow, revisions: TargetDateRevision[]): SlippageEntry {
  const { original_target_date: original, current_target_date: current } = row;
  return {
    recommendationId: row.recommendation_id,
    inspectionId: row.inspection_id,
    reference: row.reference,
    originalTargetDate: original,
    currentTargetDate: current,
    slippageDays: original !== null && current !== null ? daysBetween(original, current) : null,
    revisionCount: revisions.filter((revision) => revision.outcome === 'approved').length,
    revisions,
  };
}

function toRevision(row: RevisionRow): TargetDateRevision {
  return {
    requestId: row.request_id,
    from: row.from_date,
    to: row.to_date,
    daysMoved: daysBetween(row.from_date, row.to_date),
    reason: row.reason,
    requestedBy: { id: row.requested_by_id, name: row.requested_by_name, role: row.requested_by_role, organisation: row.requested_by_organisation },
    requestedOnBehalfOf: row.requested_on_behalf_of === null ? null : (JSON.parse(row.requested_on_behalf_of) as Represented),
    requestedAt: row.requested_at,
    requestedRecordedAt: row.requested_recorded_at,
    outcome: row.outcome,
    decidedBy:
      row.decided_by_name === null
        ? null
        : { id: row.decided_by_id, name: row.decided_by_name, role: row.decided_by_role ?? '', organisation: row.decided_by_organisation ?? '' },
    decidedOnBehalfOf: row.decided_on_behalf_of === null ? null : (JSON.parse(row.decided_on_behalf_of) as Represented),
    decidedAt: row.decided_at,
    decidedRecordedAt: row.decided_recorded_at,
    decisionNote: row.decision_note,
  };
}
