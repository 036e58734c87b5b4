import type Database from 'better-sqlite3';
import {
  type AppendResult,
  EventStoreFullError,
  EventStoreUnavailableError,
  expectationHolds,
  type EventToAppend,
  type ExpectedRevision,
  WrongExpectedVersionError,
} from '../event-store.port';
import { EVENT_COLUMNS, storedForm } from './event-row';

/** One append of a group, as the store's caller made it (input already checked). */
export interface AppendRequest {
  streamId: string;
  events: EventToAppend[];
  expected: ExpectedRevision;
}

/** What became of one append of a committed group. */
export type AppendOutcome = { ok: AppendResult; written: boolean } | { error: unknown };

interface StoredId {
  stream_id: string;
  revision: bigint;
  position: bigint;
}

/**
 * Writes groups of appends through one connection: each group is one IMMEDIATE transaction with
 * one fsync at its commit (the connection runs `synchronous=FULL`). Each append checks its own
 * expected revision inside its own savepoint, so one refused append leaves the others of its
 * group untouched. Synchronous: it runs in the writer thread, never on the API's event loop.
 */
export class GroupWriter {
  private readonly statements;
  private readonly appendEvents: Database.Transaction<(request: AppendRequest) => { ok: AppendResult; written: boolean }>;

  constructor(
    private readonly db: Database.Database,
    private readonly file: string,
  ) {
    this.statements = {
      lastRevision: db.prepare<[string], bigint | null>('SELECT max(revision) FROM events WHERE stream_id = ?').pluck(),
      head: db.prepare<[], bigint | null>('SELECT max(position) FROM events').pluck(),
      byId: db.prepare<[string], StoredId>('SELECT stream_id, revision, position FROM events WHERE event_id = ?'),
      insert: db.prepare(
        `INSERT INTO events (${EVENT_COLUMNS}) VALUES (@position, @streamId, @revision, @eventId, @type, @data, @metadata, @hash, @prevHash, @created)`,
      ),
    };
    this.appendEvents = db.transaction((request: AppendRequest) => this.appendInTransaction(request));
  }

  /**
   * Commits the group and says what became of each append. Throws (nothing of the group written)
   * when the transaction as a whole fails: the file is locked by another writer, the disk is full.
   */
  commit(group: readonly AppendRequest[]): AppendOutcome[] {
    const outcomes: AppendOutcome[] = [];
    try {
      this.db
        .transaction(() => {
          for (const request of group) {
            try {
              // A nested transaction is a savepoint: a refused append is rolled back alone.
              outcomes.push(this.appendEvents(request));
            } catch (error) {
              // Some failures (a full disk, an I/O error) end the whole transaction: the group fails.
              if (!this.db.inTransaction) throw error;
              outcomes.push({ error: storageError(this.file, error) });
            }
          }
        })
        .immediate();
    } catch (error) {
      if ((error as { code?: string }).code === 'SQLITE_BUSY') {
        throw new EventStoreUnavailableError(`${this.file} is locked by another writer; try again`, error);
      }
      throw storageError(this.file, error);
    }
    return outcomes;
  }

  private appendInTransaction({ streamId, events, expected }: AppendRequest): { ok: AppendResult; written: boolean } {
    const original = this.originalAppend(streamId, events);
    if (original !== null) return { ok: original, written: false };

    const current = this.statements.lastRevision.get(streamId) ?? null;
    if (!expectationHolds(expected, current)) throw new WrongExpectedVersionError(streamId, expected, current ?? 'no_stream');

    let position = this.statements.head.get() ?? 0n;
    let revision = current ?? -1n;
    const created = new Date().toISOString();
    for (const event of events) {
      position += 1n;
      revision += 1n;
      this.statements.insert.run({
        position,
        streamId,
        revision,
        eventId: event.id,
        type: event.type,
        ...storedForm(event),
        created,
      });
    }
    return { ok: { nextRevision: revision, position }, written: true };
  }

  /**
   * A retried append finds its ids already stored in this stream, one after the other: it gets
   * the original result. Any other reuse of a stored id is refused, as the log stores an id once.
   */
  private originalAppend(streamId: string, events: EventToAppend[]): AppendResult | null {
    const stored = events.map((event) => this.statements.byId.get(event.id));
    const clash = stored.findIndex((row) => row !== undefined);
    if (clash === -1) return null;
    const first = stored[0];
    const isRetry =
      first !== undefined &&
      stored.every((row, index) => row !== undefined && row.stream_id === streamId && row.revision === first.revision + BigInt(index));
    if (isRetry) {
      const last = stored[stored.length - 1] as StoredId;
      return { nextRevision: last.revision, position: last.position };
    }
    const row = stored[clash] as StoredId;
    throw new Error(
      `append to ${streamId}: event id ${events[clash].id} is already stored (stream ${row.stream_id}, revision ${row.revision}) ` +
        'and this append is not a retry of the one that stored it',
    );
  }
}

/** A write the disk refused: said plainly, with SQLite's own error kept as the cause. */
export function storageError(file: string, error: unknown): unknown {
  const code = (error as { code?: string }).code;
  if (code === 'SQLITE_FULL') return new EventStoreFullError(`${file}: the disk is full; nothing of this append was written`, error);
  if (code === 'SQLITE_IOERR' || code?.startsWith('SQLITE_IOERR_')) {
    return new EventStoreUnavailableError(`${file}: the disk refused the write (${code}); nothing of this append was written`, error);
  }
  return error;
}
