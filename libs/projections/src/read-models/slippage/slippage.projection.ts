import type { RecommendationEvent } from '@ledger/domain';
import type { RecordedEvent } from '@ledger/event-store';
import type { Projection, ProjectionContext } from '../../projection';
import { aggregateOf, domainEventOf, envelopeOf, onBehalfOfPerson } from '../shared/envelope';
import { basisKey, timeKeys } from '../history/history-keys';
import { findingRowsPerBatch } from '../shared/batch-rows';
import { putRow } from '../shared/rows';

export const SLIPPAGE = 'slippage';

interface FindingRow {
  recommendation_id: string;
  inspection_id: string;
  reference: string;
  original_target_date: string | null;
  current_target_date: string | null;
}

/** A request's decision columns while it awaits one. */
export const UNDECIDED = {
  outcome: 'pending',
  decided_by_id: null,
  decided_by_name: null,
  decided_by_role: null,
  decided_by_organisation: null,
  decided_at: null,
  decision_note: null,
  decided_on_behalf_of: null,
  decided_recorded_at: null,
  decided_occurred_key: null,
  decided_recorded_key: null,
  decided_event_id: null,
} as const;

/** The request `@id` made, or the decision `@id` gave, dated `@at` (`@key` in the occurred order) by a date correction. */
const REDATE_SQL = (table: string) => `UPDATE ${table} SET
  requested_at = CASE WHEN request_id = @id THEN @at ELSE requested_at END,
  requested_occurred_key = CASE WHEN request_id = @id THEN @key ELSE requested_occurred_key END,
  decided_at = CASE WHEN decided_event_id = @id THEN @at ELSE decided_at END,
  decided_occurred_key = CASE WHEN decided_event_id = @id THEN @key ELSE decided_occurred_key END
  WHERE recommendation_id = @recommendationId AND @id IN (request_id, decided_event_id)`;

/**
 * Target dates: each finding's original (first) and current target date, and every request to
 * move it, with its reason, who asked, and who approved or refused it and when.
 */
export const slippageProjection: Projection = {
  name: SLIPPAGE,
  version: 5,
  tables: {
    findings: {
      columns: `recommendation_id TEXT PRIMARY KEY, inspection_id TEXT NOT NULL, reference TEXT NOT NULL, original_target_date TEXT,
        current_target_date TEXT`,
      indexes: ['inspection_id'],
    },
    revisions: {
      columns: `request_id TEXT PRIMARY KEY, recommendation_id TEXT NOT NULL, position INTEGER NOT NULL, from_date TEXT NOT NULL,
        to_date TEXT NOT NULL, reason TEXT NOT NULL, requested_by_id TEXT NOT NULL, requested_by_name TEXT NOT NULL,
        requested_by_role TEXT NOT NULL, requested_by_organisation TEXT NOT NULL, requested_at TEXT NOT NULL, outcome TEXT NOT NULL,
        decided_by_id TEXT, decided_by_name TEXT, decided_by_role TEXT, decided_by_organisation TEXT, decided_at TEXT, decision_note TEXT,
        requested_on_behalf_of TEXT, decided_on_behalf_of TEXT, requested_recorded_at TEXT NOT NULL, decided_recorded_at TEXT,
        requested_occurred_key TEXT NOT NULL, requested_recorded_key TEXT NOT NULL, decided_occurred_key TEXT, decided_recorded_key TEXT,
        decided_event_id TEXT`,
      indexes: ['recommendation_id, position'],
    },
  },
  apply(recorded: RecordedEvent, context: ProjectionContext): void {
    if (aggregateOf(recorded.streamId) !== 'recommendation') return;
    const event = domainEventOf<RecommendationEvent>(recorded);
    const findings = batches.of(context);
    if (event.type === 'FindingIssued') {
      findings.set(event.recommendationId, { recommendation_id: event.recommendationId, inspection_id: event.inspectionId, reference: event.reference, original_target_date: null, current_target_date: null });
      return;
    }
    const finding = findings.get(event.recommendationId);
    if (!finding) throw new Error(`${event.type} in ${recorded.streamId} before the finding was issued`);
    const { actor, occurredAt, recordedAt, onBehalfOf } = envelopeOf(recorded);
    // Kept so that the slippage can be read as at a day in either basis (querySlippage's asAt).
    const keys = timeKeys({ occurredAt, recordedAt });
    const represented = onBehalfOfPerson(onBehalfOf);
    const forWhom = represented === null ? null : JSON.stringify(represented);
    const decide = (outcome: 'approved' | 'refused', note: string | null) =>
      context
        .statement(
          `UPDATE ${context.table('revisions')} SET outcome = @outcome, decided_by_id = @id, decided_by_name = @name, decided_by_role = @role,
             decided_by_organisation = @organisation, decided_at = @at, decision_note = @note,
             decided_on_behalf_of = @forWhom, decided_recorded_at = @recordedAt,
             decided_occurred_key = @occurredKey, decided_recorded_key = @recordedKey, decided_event_id = @eventId
           WHERE recommendation_id = @recommendationId AND outcome = 'pending'`,
        )
        .run({ outcome, id: actor.id, name: actor.name, role: actor.role, organisation: actor.organisation, at: occurredAt, recordedAt, occurredKey: keys.occurred, recordedKey: keys.recorded, note, forWhom, recommendationId: event.recommendationId, eventId: recorded.id });

    switch (event.type) {
      case 'RecommendationTargetDateSet':
        findings.set(event.recommendationId, { ...finding, original_target_date: finding.original_target_date ?? event.targetDate, current_target_date: event.targetDate });
        return;
      case 'RecommendationTargetDateChangeRequested':
        putRow(context, 'revisions', {
          request_id: recorded.id,
          recommendation_id: event.recommendationId,
          position: recorded.position,
          from_date: event.from,
          to_date: event.to,
          reason: event.reason,
          requested_by_id: actor.id,
          requested_by_name: actor.name,
          requested_by_role: actor.role,
          requested_by_organisation: actor.organisation,
          requested_at: occurredAt,
          requested_on_behalf_of: forWhom,
          requested_recorded_at: recordedAt,
          requested_occurred_key: keys.occurred,
          requested_recorded_key: keys.recorded,
          ...UNDECIDED,
        });
        return;
      case 'RecommendationTargetDateChangeApproved':
        decide('approved', event.comment);
        findings.set(event.recommendationId, { ...finding, current_target_date: event.to });
        return;
      case 'RecommendationTargetDateChangeRefused':
        decide('refused', event.reason);
        return;
      // As in the history, a re-dated event takes the corrected time in the occurred order; the recorded order keeps it where it was recorded.
      case 'RecommendationEntryDateCorrected': {
        const at = event.correctOccurredAt;
        const corrected = { at, key: basisKey('occurred', { occurredAt: at, recordedAt: at }), recommendationId: event.recommendationId };
        const update = context.statement(REDATE_SQL(context.table('revisions')));
        for (const id of event.redatedEventIds) update.run({ ...corrected, id });
        return;
      }
      default:
        return;
    }
  },
  flush: (context) => batches.flush(context),
  discard: (context) => batches.discard(context),
};

/** The findings a batch touches (their target dates). */
const batches = findingRowsPerBatch<FindingRow>();
