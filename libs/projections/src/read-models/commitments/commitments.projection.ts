import { occurredTimes, type RecommendationEvent } from '@ledger/domain';
import type { RecordedEvent } from '@ledger/event-store';
import type { Projection, ProjectionContext } from '../../projection';
import { aggregateOf, domainEventOf, envelopeOf, onBehalfOfPerson, personOf, type Person, type Represented } from '../shared/envelope';
import { findingRowsPerBatch } from '../shared/batch-rows';
import { putRow, type SqlRow } from '../shared/rows';

export const COMMITMENTS = 'commitments';

interface FindingRow {
  recommendation_id: string;
  inspection_id: string;
  reference: string;
  owner: string | null;
  /** The pending target-date request: who asked, so that its approval can name them. */
  pending_request: string | null;
}

interface PendingRequest {
  requestedBy: Person;
  onBehalfOf: Represented | null;
}

/**
 * The kinds a finding's completion and its dates apply to. Tested on the finding's few rows (the
 * unary + keeps the index to recommendation_id): an index seek over the IN list would open a
 * temporary b-tree for it on every run, which cost 80-300 µs a statement while a rebuild loads.
 */
const DATED_KINDS = `+kind IN ('decision', 'revised-date')`;

/** The commitment a finding's completion counts against: its decision, or the latest approved new date. */
const CURRENT = `recommendation_id = @recommendationId AND ${DATED_KINDS} AND revised_on IS NULL`;

/**
 * Every commitment to complete the finding. A completion is dated with the day the work was done
 * (its occurredAt), which a back-filled history may put before a revision recorded earlier: each
 * of them gets it, and the queries count it for a commitment it came before the revision of.
 */
const TO_COMPLETE = `recommendation_id = @recommendationId AND ${DATED_KINDS}`;

/** The dates of a finding's commitments that the event `@id` set, moved to `@on` (`@at`). */
const REDATE_SQL = (table: string) => `UPDATE ${table} SET
  committed_at = CASE WHEN commitment_id = @id THEN @at ELSE committed_at END,
  committed_on = CASE WHEN commitment_id = @id THEN @on ELSE committed_on END,
  completed_on = CASE WHEN completed_by_event_id = @id THEN @on ELSE completed_on END,
  revised_on = CASE WHEN revised_by_commitment_id = @id THEN @on ELSE revised_on END,
  withdrawn_on = CASE WHEN withdrawn_by_event_id = @id THEN @on ELSE withdrawn_on END
  WHERE recommendation_id = @recommendationId AND @id IN (commitment_id, completed_by_event_id, revised_by_commitment_id, withdrawn_by_event_id)`;

/**
 * Who committed to what, when, and by which date:
 * - `decision`: accepting a recommendation (the commitment, or the scope accepted) by its planned
 *   completion date (or, if none was given, the first target date set);
 * - `revised-date`: an approved change of target date, a new commitment to the new date, made by
 *   whoever asked for it and approved by someone else; the commitment it replaces is marked
 *   revised on the day of the approval;
 * - `action`: a sub-action, by its owner and due date.
 * Rows hold what happened (completed, revised, withdrawn, and on which day it happened); kept or
 * missed is worked out when read, since an open commitment becomes missed as days pass, and it is
 * judged by the day the work was completed, never by the day that was recorded.
 */
export const commitmentsProjection: Projection = {
  name: COMMITMENTS,
  version: 5,
  tables: {
    commitments: {
      columns: `commitment_id TEXT PRIMARY KEY, recommendation_id TEXT NOT NULL, inspection_id TEXT NOT NULL, reference TEXT NOT NULL,
        kind TEXT NOT NULL, action_id TEXT, what TEXT NOT NULL, reason TEXT, owner TEXT, committed_by TEXT NOT NULL, on_behalf_of TEXT,
        approved_by TEXT, committed_at TEXT NOT NULL, committed_on TEXT NOT NULL, recorded_at TEXT NOT NULL, due_date TEXT,
        completed_on TEXT, revised_on TEXT, revised_by_commitment_id TEXT, withdrawn_on TEXT, withdrawn_reason TEXT, position INTEGER NOT NULL,
        approved_on_behalf_of TEXT, completed_by_event_id TEXT, withdrawn_by_event_id TEXT`,
      indexes: ['recommendation_id, kind', 'inspection_id', 'due_date'],
    },
    findings: {
      columns: 'recommendation_id TEXT PRIMARY KEY, inspection_id TEXT NOT NULL, reference TEXT NOT NULL, owner TEXT, pending_request TEXT',
    },
  },
  apply(recorded: RecordedEvent, context: ProjectionContext): void {
    if (aggregateOf(recorded.streamId) !== 'recommendation') return;
    const event = domainEventOf<RecommendationEvent>(recorded);
    const findings = batches.of(context);
    if (event.type === 'FindingIssued') {
      findings.set(event.recommendationId, { recommendation_id: event.recommendationId, inspection_id: event.inspectionId, reference: event.reference, owner: null, pending_request: null });
      return;
    }
    const finding = findings.get(event.recommendationId);
    if (!finding) throw new Error(`${event.type} in ${recorded.streamId} before the finding was issued`);
    const envelope = envelopeOf(recorded);
    const on = occurredTimes(envelope.occurredAt).day;
    const table = context.table('commitments');
    const run = (sql: string, params: SqlRow = {}) => context.statement(sql).run({ recommendationId: event.recommendationId, ...params });
    const setFinding = (values: Partial<FindingRow>) => findings.set(event.recommendationId, { ...finding, ...values });

    const commit = (values: { kind: string; what: string; dueDate: string | null; owner: string | null } & Partial<SqlRow>) => {
      const { kind, what, dueDate, owner, ...rest } = values;
      putRow(context, 'commitments', {
        commitment_id: recorded.id,
        recommendation_id: event.recommendationId,
        inspection_id: finding.inspection_id,
        reference: finding.reference,
        kind,
        action_id: null,
        what,
        reason: null,
        owner,
        committed_by: JSON.stringify(personOf(envelope.actor)),
        on_behalf_of: envelope.onBehalfOf ? JSON.stringify(onBehalfOfPerson(envelope.onBehalfOf)) : null,
        approved_by: null,
        approved_on_behalf_of: null,
        committed_at: envelope.occurredAt,
        committed_on: on,
        recorded_at: envelope.recordedAt,
        due_date: dueDate,
        completed_on: null,
        completed_by_event_id: null,
        revised_on: null,
        revised_by_commitment_id: null,
        withdrawn_on: null,
        withdrawn_reason: null,
        withdrawn_by_event_id: null,
        position: recorded.position,
        ...rest,
      });
    };

    switch (event.type) {
      case 'RecommendationAccepted':
        return commit({ kind: 'decision', what: event.commitment, dueDate: event.plannedCompletionDate, owner: finding.owner });
      case 'RecommendationPartiallyAccepted':
        return commit({ kind: 'decision', what: event.acceptedScope, dueDate: event.plannedCompletionDate, owner: finding.owner });
      case 'RecommendationActionAdded':
        return commit({ kind: 'action', what: event.description, dueDate: event.dueDate, owner: event.owner, action_id: event.actionId });
      case 'RecommendationOwnerAssigned':
        setFinding({ owner: event.owner });
        return void run(`UPDATE ${table} SET owner = @owner WHERE ${CURRENT}`, { owner: event.owner });
      case 'RecommendationTargetDateSet':
        return void run(`UPDATE ${table} SET due_date = @date WHERE ${CURRENT} AND due_date IS NULL`, { date: event.targetDate });
      case 'RecommendationTargetDateChangeRequested':
        return setFinding({ pending_request: JSON.stringify({ requestedBy: personOf(envelope.actor), onBehalfOf: onBehalfOfPerson(envelope.onBehalfOf) } satisfies PendingRequest) });
      case 'RecommendationTargetDateChangeRefused':
        return setFinding({ pending_request: null });
      case 'RecommendationTargetDateChangeApproved': {
        const current = context.statement(`SELECT commitment_id, what FROM ${table} WHERE ${CURRENT}`).get({ recommendationId: event.recommendationId }) as
          | { commitment_id: string; what: string }
          | undefined;
        const request = finding.pending_request === null ? null : (JSON.parse(finding.pending_request) as PendingRequest);
        if (current) run(`UPDATE ${table} SET revised_on = @on, revised_by_commitment_id = @by WHERE commitment_id = @id`, { on, by: recorded.id, id: current.commitment_id });
        setFinding({ pending_request: null });
        return commit({
          kind: 'revised-date',
          what: current?.what ?? `Complete ${finding.reference}`,
          dueDate: event.to,
          owner: finding.owner,
          reason: event.reason,
          committed_by: JSON.stringify(request?.requestedBy ?? { id: event.requestedBy, name: event.requestedBy, role: '', organisation: '' }),
          on_behalf_of: request?.onBehalfOf ? JSON.stringify(request.onBehalfOf) : null,
          approved_by: JSON.stringify(personOf(envelope.actor)),
          approved_on_behalf_of: envelope.onBehalfOf ? JSON.stringify(onBehalfOfPerson(envelope.onBehalfOf)) : null,
        });
      }
      case 'RecommendationActionCompleted':
        return void run(`UPDATE ${table} SET completed_on = @on, completed_by_event_id = @by WHERE recommendation_id = @recommendationId AND action_id = @actionId`, {
          on,
          by: recorded.id,
          actionId: event.actionId,
        });
      case 'RecommendationMarkedComplete':
        return void run(`UPDATE ${table} SET completed_on = @on, completed_by_event_id = @by WHERE ${TO_COMPLETE} AND completed_on IS NULL`, { on, by: recorded.id });
      // A completion handed back no longer counts: the commitment is open (or missed) again.
      case 'RecommendationReturnedForFurtherWork':
        return void run(`UPDATE ${table} SET completed_on = NULL, completed_by_event_id = NULL WHERE ${TO_COMPLETE}`);
      case 'RecommendationSuperseded':
      case 'RecommendationMarkedNoLongerRelevant':
        return void run(
          `UPDATE ${table} SET withdrawn_on = @on, withdrawn_reason = @reason, withdrawn_by_event_id = @by
           WHERE recommendation_id = @recommendationId AND completed_on IS NULL AND revised_on IS NULL`,
          { on, reason: event.reason, by: recorded.id },
        );
      case 'RecommendationReopened':
        run(`UPDATE ${table} SET withdrawn_on = NULL, withdrawn_reason = NULL, withdrawn_by_event_id = NULL WHERE recommendation_id = @recommendationId`);
        return void run(`UPDATE ${table} SET completed_on = NULL, completed_by_event_id = NULL WHERE ${TO_COMPLETE}`);
      // Every date a re-dated event set moves to the corrected day: a commitment made, completed, revised or withdrawn then.
      case 'RecommendationEntryDateCorrected': {
        const corrected = { at: event.correctOccurredAt, on: occurredTimes(event.correctOccurredAt).day };
        for (const id of event.redatedEventIds) run(REDATE_SQL(table), { ...corrected, id });
        return;
      }
      default:
        return;
    }
  },
  flush: (context) => batches.flush(context),
  discard: (context) => batches.discard(context),
};

/** The findings a batch touches (owner, pending request). */
const batches = findingRowsPerBatch<FindingRow>();
