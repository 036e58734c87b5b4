import { daysBetween } from '@ledger/domain';
import { londonDayOf, type Person, type Represented } from '../shared/envelope';
import { Conditions, containsPattern, pageOf, type Page, type PageRequest, type ReadModelReader } from '../shared/reader';
import { recordingLag, type RecordingLag } from '../shared/recording-lag';
import { COMMITMENTS } from './commitments.projection';

export const COMMITMENT_OUTCOMES = ['kept', 'missed', 'open', 'revised', 'withdrawn'] as const;
/**
 * - kept: completed on or before its date (or completed, when it had no date);
 * - missed: completed after its date, or not completed by the end of it (still open, or revised
 *   only after the date had passed);
 * - open: not completed and its date not passed;
 * - revised: replaced, before its date passed, by an approved new date (a `revised-date` commitment);
 * - withdrawn: the finding was superseded or marked no longer relevant before completion.
 */
export type CommitmentOutcome = (typeof COMMITMENT_OUTCOMES)[number];

export const COMMITMENT_KINDS = ['decision', 'revised-date', 'action'] as const;
export type CommitmentKind = (typeof COMMITMENT_KINDS)[number];

export interface CommitmentFilter {
  inspectionId?: string;
  recommendationId?: string;
  kind?: CommitmentKind;
  outcomes?: readonly CommitmentOutcome[];
  /** Part of the owner's name, any case. */
  owner?: string;
}

/** A commitment, with when it was made (committedAt: a day or an instant) and when that was recorded. */
export interface Commitment extends RecordingLag {
  commitmentId: string;
  recommendationId: string;
  inspectionId: string;
  reference: string;
  kind: CommitmentKind;
  actionId: string | null;
  /** What was committed to: the commitment or accepted scope, or the action's description. */
  what: string;
  /** Why a new date was asked for (revised-date). */
  reason: string | null;
  owner: string | null;
  committedBy: Person;
  onBehalfOf: Represented | null;
  /** Who approved a revised date. */
  approvedBy: Person | null;
  /** Whom the office recorded the approval for (the commissioner, say). */
  approvedOnBehalfOf: Represented | null;
  committedAt: string;
  committedOn: string;
  recordedAt: string;
  /** The date committed to. */
  dueDate: string | null;
  /** The day the work was done (its occurredAt), when that counts for this commitment: before any revision of it. */
  completedOn: string | null;
  revisedOn: string | null;
  revisedByCommitmentId: string | null;
  withdrawnOn: string | null;
  withdrawnReason: string | null;
  outcome: CommitmentOutcome;
  /** Days past the date, for a missed commitment: to its completion, its revision, or today. */
  daysLate: number | null;
}

interface CommitmentRow {
  commitment_id: string;
  recommendation_id: string;
  inspection_id: string;
  reference: string;
  kind: CommitmentKind;
  action_id: string | null;
  what: string;
  reason: string | null;
  owner: string | null;
  committed_by: string;
  on_behalf_of: string | null;
  approved_by: string | null;
  approved_on_behalf_of: string | null;
  committed_at: string;
  committed_on: string;
  recorded_at: string;
  due_date: string | null;
  completed_on: string | null;
  revised_on: string | null;
  revised_by_commitment_id: string | null;
  withdrawn_on: string | null;
  withdrawn_reason: string | null;
  outcome: CommitmentOutcome;
}

/** A completion counts for a commitment unless the commitment had been revised before the work was done. */
const COMPLETION_COUNTS_SQL = `(completed_on IS NOT NULL AND (revised_on IS NULL OR completed_on <= revised_on))`;

/** The outcome on `@today`, as SQL, so that it can be filtered and counted before paging. */
const OUTCOME_SQL = `CASE
  WHEN ${COMPLETION_COUNTS_SQL} THEN CASE WHEN due_date IS NULL OR completed_on <= due_date THEN 'kept' ELSE 'missed' END
  WHEN revised_on IS NOT NULL THEN CASE WHEN due_date IS NOT NULL AND revised_on > due_date THEN 'missed' ELSE 'revised' END
  WHEN withdrawn_on IS NOT NULL THEN 'withdrawn'
  WHEN due_date IS NOT NULL AND due_date < @today THEN 'missed'
  ELSE 'open' END`;

/** Commitments, the earliest date first. */
export function queryCommitments(reader: ReadModelReader, filter: CommitmentFilter, page: PageRequest, today: string): Page<Commitment> {
  return pageOf<CommitmentRow, Commitment>(
    reader,
    () => {
      const where = new Conditions().bind({ today });
      if (filter.inspectionId !== undefined) where.add('inspection_id = @inspectionId', { inspectionId: filter.inspectionId });
      if (filter.recommendationId !== undefined) where.add('recommendation_id = @recommendationId', { recommendationId: filter.recommendationId });
      if (filter.kind !== undefined) where.add('kind = @kind', { kind: filter.kind });
      if (filter.owner !== undefined) where.add(`owner LIKE @owner ESCAPE '\\'`, { owner: containsPattern(filter.owner) });
      if (filter.outcomes !== undefined && filter.outcomes.length > 0) where.addIn(`(${OUTCOME_SQL})`, 'outcome', filter.outcomes);
      return { columns: `*, ${OUTCOME_SQL} AS outcome`, from: reader.table(COMMITMENTS, 'commitments'), where, orderBy: 'due_date IS NULL, due_date, position' };
    },
    page,
    (row) => toCommitment(row, today),
  );
}

function toCommitment(row: CommitmentRow, today: string): Commitment {
  const completedOn = row.completed_on !== null && (row.revised_on === null || row.completed_on <= row.revised_on) ? row.completed_on : null;
  const endedOn = completedOn ?? row.revised_on ?? today;
  const lateBy = row.due_date === null ? null : daysBetween(row.due_date, endedOn);
  return {
    commitmentId: row.commitment_id,
    recommendationId: row.recommendation_id,
    inspectionId: row.inspection_id,
    reference: row.reference,
    kind: row.kind,
    actionId: row.action_id,
    what: row.what,
    reason: row.reason,
    owner: row.owner,
    committedBy: JSON.parse(row.committed_by) as Person,
    onBehalfOf: row.on_behalf_of === null ? null : (JSON.parse(row.on_behalf_of) as Represented),
    approvedBy: row.approved_by === null ? null : (JSON.parse(row.approved_by) as Person),
    approvedOnBehalfOf: row.approved_on_behalf_of === null ? null : (JSON.parse(row.approved_on_behalf_of) as Represented),
    committedAt: row.committed_at,
    committedOn: row.committed_on,
    recordedAt: row.recorded_at,
    dueDate: row.due_date,
    completedOn,
    revisedOn: row.revised_on,
    revisedByCommitmentId: row.revised_by_commitment_id,
    withdrawnOn: row.withdrawn_on,
    withdrawnReason: row.withdrawn_reason,
    outcome: row.outcome,
    daysLate: row.outcome === 'missed' && lateBy !== null && lateBy > 0 ? lateBy : null,
    ...recordingLag(row.committed_at, row.committed_on, londonDayOf(row.recorded_at)),
  };
}
