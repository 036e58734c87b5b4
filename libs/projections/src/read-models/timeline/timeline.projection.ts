import {
  occurredDay,
  occurredSortKey,
  personLabel,
  recommendationDecider,
  statutoryResponseDecider,
  summariseEvent,
  type AnyLedgerEvent,
  type RecommendationEvent,
  type RecommendationState,
  type StatutoryResponseEvent,
  type StatutoryResponseState,
  type SummaryLookups,
} from '@ledger/domain';
import type { RecordedEvent } from '@ledger/event-store';
import type { Projection, ProjectionContext } from '../../projection';
import { aggregateOf, domainEventOf, envelopeOf, londonDayOf, type AggregateKind } from '../shared/envelope';
import { getRow, putRow, updateRows } from '../shared/rows';

export const TIMELINE = 'timeline';

/** Names of things a later event refers to by id only. */
interface Labels {
  actions: Record<string, string>;
  dependencies: Record<string, string>;
  evidence: Record<string, string>;
}

interface StreamRow {
  stream_id: string;
  inspection_id: string | null;
  recommendation_id: string | null;
  challenge_id: string | null;
  reference: string | null;
  state: string | null;
  labels: string;
}

/**
 * Every ledger event as one entry of a timeline: who (actor, role, organisation, on behalf of),
 * when (occurred, a London day or an instant as recorded, and recorded, with their London days and
 * the key that orders occurrences), what changed (the event's data and a readable summary), and
 * for findings the status before and after in log order. Timelines are read in the order things
 * happened (occurredAt, then recordedAt); "what changed between two dates" reads them by either time.
 */
export const timelineProjection: Projection = {
  name: TIMELINE,
  version: 2,
  tables: {
    entries: {
      columns: `position INTEGER PRIMARY KEY, event_id TEXT NOT NULL UNIQUE, stream_id TEXT NOT NULL, aggregate TEXT NOT NULL,
        inspection_id TEXT, recommendation_id TEXT, challenge_id TEXT, reference TEXT, event_type TEXT NOT NULL, summary TEXT NOT NULL,
        changes TEXT NOT NULL, actor_id TEXT NOT NULL, actor_name TEXT NOT NULL, actor_role TEXT NOT NULL, actor_organisation TEXT NOT NULL,
        on_behalf_of_name TEXT, on_behalf_of_role TEXT, on_behalf_of_organisation TEXT, occurred_at TEXT NOT NULL, recorded_at TEXT NOT NULL,
        occurred_key TEXT NOT NULL, occurred_on TEXT NOT NULL, recorded_on TEXT NOT NULL, source TEXT NOT NULL, command_id TEXT NOT NULL, correlation_id TEXT NOT NULL,
        causation_id TEXT NOT NULL, status_before TEXT, status_after TEXT, corrected_by TEXT`,
      queryIndexes: [
        'recommendation_id, occurred_key',
        'inspection_id, occurred_key',
        'challenge_id, occurred_key',
        'occurred_key',
        'recorded_on, position',
        'occurred_on, occurred_key, recorded_at, position',
        // Which findings moved in a period, grouped and counted from the index alone.
        'recorded_on, aggregate, recommendation_id',
        'occurred_on, aggregate, recommendation_id',
        'inspection_id, recorded_on',
        'inspection_id, occurred_on',
      ],
    },
    streams: {
      columns: `stream_id TEXT PRIMARY KEY, inspection_id TEXT, recommendation_id TEXT, challenge_id TEXT, reference TEXT, state TEXT,
        labels TEXT NOT NULL`,
    },
    people: {
      columns: 'actor_id TEXT PRIMARY KEY, name TEXT NOT NULL, role TEXT NOT NULL, organisation TEXT NOT NULL',
    },
  },
  apply(recorded: RecordedEvent, context: ProjectionContext): void {
    const aggregate = aggregateOf(recorded.streamId);
    if (aggregate === null) return;
    const envelope = envelopeOf(recorded);
    const event = domainEventOf<AnyLedgerEvent>(recorded);
    const stream = getRow<StreamRow>(context, 'streams', 'stream_id', recorded.streamId) ?? newStream(recorded.streamId, aggregate, event, context);
    const labels = JSON.parse(stream.labels) as Labels;

    let statusBefore: string | null = null;
    let statusAfter: string | null = null;
    let state: unknown = stream.state === null ? null : JSON.parse(stream.state);
    if (aggregate === 'recommendation') {
      const before = (state as RecommendationState | null) ?? recommendationDecider.initialState;
      const after = recommendationDecider.evolve(before, event as RecommendationEvent);
      statusBefore = before.status;
      statusAfter = after.status;
      state = after;
    } else if (aggregate === 'statutory-response') {
      state = statutoryResponseDecider.evolve((state as StatutoryResponseState | null) ?? statutoryResponseDecider.initialState, event as StatutoryResponseEvent);
    }

    // The actor first, so that a summary can name the person doing it (the approver of a change).
    putRow(context, 'people', { actor_id: envelope.actor.id, name: envelope.actor.name, role: envelope.actor.role, organisation: envelope.actor.organisation });
    const summary = summariseEvent(event, lookups(context, labels, state));
    rememberLabels(event, labels);
    const reference = stream.reference ?? (event.type === 'FindingIssued' ? event.reference : null);
    putRow(context, 'streams', { ...stream, reference, state: state === null ? null : JSON.stringify(state), labels: JSON.stringify(labels) });

    const { type: _type, ...changes } = event;
    putRow(context, 'entries', {
      position: recorded.position,
      event_id: recorded.id,
      stream_id: recorded.streamId,
      aggregate,
      inspection_id: stream.inspection_id,
      recommendation_id: stream.recommendation_id,
      challenge_id: stream.challenge_id,
      reference,
      event_type: recorded.type,
      summary,
      changes: JSON.stringify(changes),
      actor_id: envelope.actor.id,
      actor_name: envelope.actor.name,
      actor_role: envelope.actor.role,
      actor_organisation: envelope.actor.organisation,
      on_behalf_of_name: envelope.onBehalfOf?.name ?? null,
      on_behalf_of_role: envelope.onBehalfOf?.role ?? null,
      on_behalf_of_organisation: envelope.onBehalfOf?.organisation ?? null,
      occurred_at: envelope.occurredAt,
      recorded_at: envelope.recordedAt,
      occurred_key: occurredSortKey(envelope.occurredAt),
      occurred_on: occurredDay(envelope.occurredAt),
      recorded_on: londonDayOf(envelope.recordedAt),
      source: envelope.source,
      command_id: envelope.commandId,
      correlation_id: envelope.$correlationId,
      causation_id: envelope.$causationId,
      status_before: statusBefore,
      status_after: statusAfter,
      corrected_by: null,
    });
    if (event.type === 'RecommendationEntryCorrected') updateRows(context, 'entries', 'event_id', event.correctsEventId, { corrected_by: recorded.id });
  },
};

/** The ids a stream's entries are filed under, from its first event. */
function newStream(streamId: string, aggregate: AggregateKind, event: AnyLedgerEvent, context: ProjectionContext): StreamRow {
  const row: StreamRow = {
    stream_id: streamId,
    inspection_id: null,
    recommendation_id: null,
    challenge_id: null,
    reference: null,
    state: null,
    labels: JSON.stringify({ actions: {}, dependencies: {}, evidence: {} } satisfies Labels),
  };
  const data = event as unknown as Record<string, unknown>;
  switch (aggregate) {
    case 'inspection':
    case 'statutory-response':
      return { ...row, inspection_id: String(data['inspectionId']) };
    case 'recommendation':
      return { ...row, inspection_id: typeof data['inspectionId'] === 'string' ? data['inspectionId'] : null, recommendation_id: String(data['recommendationId']) };
    case 'challenge': {
      // A challenge about a finding is filed under the finding and its inspection too.
      const recommendationId = typeof data['recommendationId'] === 'string' ? data['recommendationId'] : null;
      const finding = recommendationId === null ? undefined : getRow<StreamRow>(context, 'streams', 'stream_id', `recommendation-${recommendationId}`);
      const inspectionId = typeof data['inspectionId'] === 'string' ? data['inspectionId'] : (finding?.inspection_id ?? null);
      return { ...row, challenge_id: String(data['challengeId']), recommendation_id: recommendationId, inspection_id: inspectionId, reference: finding?.reference ?? null };
    }
  }
}

function lookups(context: ProjectionContext, labels: Labels, state: unknown): SummaryLookups {
  return {
    personName(actorId) {
      const person = getRow<{ name: string; role: string }>(context, 'people', 'actor_id', actorId);
      return person ? personLabel(person) : actorId;
    },
    actionDescription: (actionId) => labels.actions[actionId],
    dependsOn: (dependencyId) => labels.dependencies[dependencyId],
    evidenceTitle: (evidenceId) => labels.evidence[evidenceId],
    entrySummary: (eventId) => getRow<{ summary: string }>(context, 'entries', 'event_id', eventId)?.summary,
    timetable() {
      const response = state as StatutoryResponseState | null;
      return response?.opened ? { reportPublishedOn: response.reportPublishedOn, responsePeriodDays: response.responsePeriodDays } : undefined;
    },
  };
}

function rememberLabels(event: AnyLedgerEvent, labels: Labels): void {
  if (event.type === 'RecommendationActionAdded') labels.actions[event.actionId] = event.description;
  else if (event.type === 'RecommendationDependencyFlagged') labels.dependencies[event.dependencyId] = event.dependsOn;
  else if (event.type === 'RecommendationEvidenceSubmitted') labels.evidence[event.evidenceId] = event.title;
}
