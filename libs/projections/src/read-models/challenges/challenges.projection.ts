import type { ChallengeEvent, RecommendationEvent } from '@ledger/domain';
import type { RecordedEvent } from '@ledger/event-store';
import type { Projection, ProjectionContext } from '../../projection';
import { timeKeys } from '../history/history-keys';
import { aggregateOf, domainEventOf, envelopeOf, onBehalfOfPerson, personOf, type Person, type Represented } from '../shared/envelope';
import { getRow, putRow, updateRows } from '../shared/rows';

export const CHALLENGES = 'challenges';

export interface ChallengeAnswer {
  answer: string;
  answeredOn: string;
  recordedBy: Person;
  /** Whom the office recorded the answer for (the commissioner, say); null when the recorder answered for themselves. */
  onBehalfOf: Represented | null;
  /** When the ledger recorded the answer (answeredOn is when it was given). */
  recordedAt: string;
}

/** Questions put by scrutiny forums, their answers, and how they were closed. */
export const challengesProjection: Projection = {
  name: CHALLENGES,
  version: 4,
  tables: {
    challenges: {
      columns: `challenge_id TEXT PRIMARY KEY, forum TEXT NOT NULL, meeting_date TEXT NOT NULL, question TEXT NOT NULL,
        answer_due_by TEXT NOT NULL, inspection_id TEXT, recommendation_id TEXT, reference TEXT, raised_by TEXT NOT NULL,
        raised_at TEXT NOT NULL, answers TEXT NOT NULL, first_answered_on TEXT, closed_on TEXT, outcome TEXT, closed_by TEXT,
        position INTEGER NOT NULL, raised_on_behalf_of TEXT, closed_on_behalf_of TEXT, raised_recorded_at TEXT NOT NULL,
        raised_occurred_key TEXT NOT NULL, raised_recorded_key TEXT NOT NULL, closed_occurred_key TEXT, closed_recorded_key TEXT`,
      indexes: ['closed_on', 'answer_due_by', 'inspection_id', 'recommendation_id'],
    },
    findings: {
      columns: 'recommendation_id TEXT PRIMARY KEY, inspection_id TEXT NOT NULL, reference TEXT NOT NULL',
    },
  },
  apply(recorded: RecordedEvent, context: ProjectionContext): void {
    const aggregate = aggregateOf(recorded.streamId);
    if (aggregate === 'recommendation') {
      const event = domainEventOf<RecommendationEvent>(recorded);
      if (event.type === 'FindingIssued') putRow(context, 'findings', { recommendation_id: event.recommendationId, inspection_id: event.inspectionId, reference: event.reference });
      return;
    }
    if (aggregate !== 'challenge') return;
    const event = domainEventOf<ChallengeEvent>(recorded);
    const envelope = envelopeOf(recorded);
    const by = JSON.stringify(personOf(envelope.actor));
    const represented = onBehalfOfPerson(envelope.onBehalfOf);
    const forWhom = represented === null ? null : JSON.stringify(represented);
    // Kept so that the challenges can be read as at a day in either basis (queryChallengesAsAt).
    const keys = timeKeys(envelope);
    switch (event.type) {
      case 'ChallengeRaised': {
        const finding = event.recommendationId === null ? undefined : getRow<{ inspection_id: string; reference: string }>(context, 'findings', 'recommendation_id', event.recommendationId);
        putRow(context, 'challenges', {
          challenge_id: event.challengeId,
          forum: event.forum,
          meeting_date: event.meetingDate,
          question: event.question,
          answer_due_by: event.answerDueBy,
          inspection_id: event.inspectionId ?? finding?.inspection_id ?? null,
          recommendation_id: event.recommendationId,
          reference: finding?.reference ?? null,
          raised_by: by,
          raised_at: envelope.occurredAt,
          answers: '[]',
          first_answered_on: null,
          closed_on: null,
          outcome: null,
          closed_by: null,
          position: recorded.position,
          raised_on_behalf_of: forWhom,
          closed_on_behalf_of: null,
          raised_recorded_at: envelope.recordedAt,
          raised_occurred_key: keys.occurred,
          raised_recorded_key: keys.recorded,
          closed_occurred_key: null,
          closed_recorded_key: null,
        });
        return;
      }
      case 'ChallengeAnswered': {
        const row = getRow<{ answers: string; first_answered_on: string | null }>(context, 'challenges', 'challenge_id', event.challengeId);
        if (!row) throw new Error(`ChallengeAnswered for challenge ${event.challengeId}, which was never raised`);
        const answers = [...(JSON.parse(row.answers) as ChallengeAnswer[]), { answer: event.answer, answeredOn: event.answeredOn, recordedBy: personOf(envelope.actor), onBehalfOf: represented, recordedAt: envelope.recordedAt }];
        const first = row.first_answered_on === null || event.answeredOn < row.first_answered_on ? event.answeredOn : row.first_answered_on;
        updateRows(context, 'challenges', 'challenge_id', event.challengeId, { answers: JSON.stringify(answers), first_answered_on: first });
        return;
      }
      case 'ChallengeClosed':
        updateRows(context, 'challenges', 'challenge_id', event.challengeId, {
          closed_on: event.closedOn,
          outcome: event.outcome,
          closed_by: by,
          closed_on_behalf_of: forWhom,
          closed_occurred_key: keys.occurred,
          closed_recorded_key: keys.recorded,
        });
        return;
    }
  },
};
