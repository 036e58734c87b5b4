import { createHash, randomUUID } from 'node:crypto';
import { type EventStore, IDEMPOTENCY_STREAM_PREFIX, WrongExpectedVersionError } from '@ledger/event-store';

/** The answer a command gave, kept so that a retry with the same key gets it again. */
export interface StoredAnswer {
  fingerprint: string;
  body: string;
  headers: Record<string, string>;
}


/** How long a key is remembered unless LEDGER_IDEMPOTENCY_TTL_HOURS says otherwise: one day. */
export const DEFAULT_IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

const ANSWERED = 'IdempotencyKeyAnswered';

interface AnsweredData extends StoredAnswer {
  answeredAt: string;
  expiresAt: string;
}

/**
 * Idempotency keys and the answers they got, kept in the event store itself so that every API
 * instance sees them: one stream per principal and key (named by their hash), each record an
 * `IdempotencyKeyAnswered` event. A key is remembered for `ttlMs` after its answer; after that
 * the same key starts afresh, and its next answer is appended to the same stream at the exact
 * revision read, so two instances cannot both take it.
 *
 * These records are bookkeeping, not facts about recommendations: they are written to the raw
 * store (no hash chain), the projections never subscribe to them, and the integrity layer's
 * exports, digest and verification read only the ledger's own streams.
 */
export class IdempotencyStore {
  constructor(
    private readonly store: EventStore,
    private readonly ttlMs = DEFAULT_IDEMPOTENCY_TTL_MS,
  ) {}

  /** The live answer under this principal and key, and the revision it is at (null: never used, or expired). */
  async find(principal: string, key: string, now: Date): Promise<{ answer: StoredAnswer | null; revision: bigint | null }> {
    for await (const event of this.store.readStream(streamOf(principal, key), { direction: 'backwards', maxCount: 1 })) {
      const data = event.data as unknown as AnsweredData;
      const live = event.type === ANSWERED && Date.parse(data.expiresAt) > now.getTime();
      return { answer: live ? { fingerprint: data.fingerprint, body: data.body, headers: data.headers } : null, revision: event.revision };
    }
    return { answer: null, revision: null };
  }

  /**
   * Records the answer, expecting the stream where `find` left it. False when another request
   * (on this or another instance) recorded one first: the caller reads it again.
   */
  async save(principal: string, key: string, answer: StoredAnswer, recordedAt: Date, expected: bigint | null): Promise<boolean> {
    const data: AnsweredData = { ...answer, answeredAt: recordedAt.toISOString(), expiresAt: new Date(recordedAt.getTime() + this.ttlMs).toISOString() };
    try {
      await this.store.append(streamOf(principal, key), [{ id: randomUUID(), type: ANSWERED, data: { ...data }, metadata: {} }], expected ?? 'no_stream');
      return true;
    } catch (error) {
      if (error instanceof WrongExpectedVersionError) return false;
      throw error;
    }
  }
}

function streamOf(principal: string, key: string): string {
  return `${IDEMPOTENCY_STREAM_PREFIX}${createHash('sha256').update(`${principal}\n${key}`).digest('hex').slice(0, 40)}`;
}
