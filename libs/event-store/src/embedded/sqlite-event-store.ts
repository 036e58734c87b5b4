import Database from 'better-sqlite3';
import {
  type AppendResult,
  type EventStore,
  type EventStoreHealth,
  EventStoreFullError,
  EventStoreUnavailableError,
  expectationHolds,
  type EventToAppend,
  type ExpectedRevision,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type SubscribeToAllOptions,
  type Subscription,
  WrongExpectedVersionError,
} from '../event-store.port';
import { AppendNotifier } from './append-notifier';
import { EVENT_COLUMNS, type EventRow, storedForm, toRecordedEvent } from './event-row';
import { checkAppendInput, checkMaxCount, checkPosition } from './input-checks';
import { migrateSchema } from './migrate-schema';
import { SqliteSubscription, type SubscriptionPage } from './sqlite-subscription';

const PAGE_SIZE = 500;
/** Positions a filtered subscription's page looks through at most. */
const FILTER_WINDOW = 20_000n;
/** How often a waiting subscription looks for appends made by another process on the same file. */
const POLL_INTERVAL_MS = 250;
const MAX_INT64 = 2n ** 63n - 1n;

interface AppendOutcome {
  result: AppendResult;
  written: boolean;
}

/** One append waiting for the next group commit. */
interface PendingAppend {
  streamId: string;
  events: EventToAppend[];
  expected: ExpectedRevision;
  resolve(result: AppendResult): void;
  reject(error: unknown): void;
}

/** Appends in one transaction at most: bounds how long one commit holds the event loop. */
const MAX_GROUP = 512;

export interface SqliteEventStoreOptions {
  /** Told the number of appends each group commit carried (for metrics). */
  onGroupCommit?(appends: number): void;
}

interface StoredId {
  stream_id: string;
  revision: bigint;
  position: bigint;
}

function prepareStatements(db: Database.Database) {
  return {
    lastRevision: db.prepare<[string], bigint | null>('SELECT max(revision) FROM events WHERE stream_id = ?').pluck(),
    head: db.prepare<[], bigint | null>('SELECT max(position) FROM events').pluck(),
    byId: db.prepare<[string], StoredId>('SELECT stream_id, revision, position FROM events WHERE event_id = ?'),
    insert: db.prepare(
      `INSERT INTO events (${EVENT_COLUMNS}) VALUES (@position, @streamId, @revision, @eventId, @type, @data, @metadata, @hash, @prevHash, @created)`,
    ),
    streamForwards: db.prepare<[string, bigint, number], EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM events WHERE stream_id = ? AND revision > ? ORDER BY revision LIMIT ?`,
    ),
    streamBackwards: db.prepare<[string, bigint, number], EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM events WHERE stream_id = ? AND revision < ? ORDER BY revision DESC LIMIT ?`,
    ),
    allForwards: db.prepare<[bigint, number], EventRow>(`SELECT ${EVENT_COLUMNS} FROM events WHERE position > ? ORDER BY position LIMIT ?`),
    allBackwards: db.prepare<[bigint, number], EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM events WHERE position < ? ORDER BY position DESC LIMIT ?`,
    ),
    dataVersion: db.prepare<[], bigint>('PRAGMA data_version').pluck(),
    // Each event with the hash and position of its stream's previous revision, found through the
    // (stream, revision) index: a chain is checked link by link without holding any stream.
    chainPage: db.prepare<[bigint, bigint, number], ChainRow>(
      `SELECT e.position, e.stream_id, e.revision, e.event_id, e.type, e.data, e.metadata, e.hash, e.prev_hash, e.created,
              p.hash AS link_hash, p.position AS link_position
         FROM events e LEFT JOIN events p ON p.stream_id = e.stream_id AND p.revision = e.revision - 1
        WHERE e.position > ? AND e.position <= ? ORDER BY e.position LIMIT ?`,
    ),
    storedPage: db.prepare<[bigint, bigint, number], EventRow>(`SELECT ${EVENT_COLUMNS} FROM events WHERE position > ? AND position <= ? ORDER BY position LIMIT ?`),
    streamStarts: db.prepare<[bigint, bigint, number], { position: bigint; stream_id: string }>(
      'SELECT position, stream_id FROM events WHERE position > ? AND position <= ? AND revision = 0 ORDER BY position LIMIT ?',
    ),
    streamLast: db.prepare<[string, bigint], { revision: bigint; position: bigint; hash: string | null }>(
      'SELECT revision, position, hash FROM events WHERE stream_id = ? AND position <= ? ORDER BY revision DESC LIMIT 1',
    ),
  };
}

type Statements = ReturnType<typeof prepareStatements>;

/** A stored event with its stream's previous event's hash and position (null at revision 0 or when missing). */
export interface ChainRow extends EventRow {
  link_hash: string | null;
  link_position: bigint | null;
}

/** One stream's extent in the log, up to a position. */
export interface StreamHeadRow {
  stream_id: string;
  last_revision: bigint;
  first_position: bigint;
  last_position: bigint;
  last_hash: string | null;
}

/** Rows read per page by the stored-bytes readers: each page is its own short read transaction. */
const STORED_PAGE = 2000;

/**
 * The embedded log: one SQLite file in WAL mode with `synchronous=FULL`, so an acknowledged
 * append survives a killed process and a power cut. Several processes (the API and the CLI) may
 * open the same file: SQLite serialises their appends and subscriptions poll for each other's.
 */
export class SqliteEventStore implements EventStore {
  private readonly statements: Statements;
  private readonly appendEvents: Database.Transaction<(streamId: string, events: EventToAppend[], expected: ExpectedRevision) => AppendOutcome>;
  private readonly appends: AppendNotifier;
  private readonly subscriptions = new Set<SqliteSubscription>();
  private pending: PendingAppend[] = [];
  private flushScheduled = false;
  private dataVersion: bigint;
  private closed = false;

  private constructor(
    private readonly db: Database.Database,
    private readonly file: string,
    private readonly options: SqliteEventStoreOptions,
  ) {
    this.statements = prepareStatements(db);
    this.appendEvents = db.transaction((streamId: string, events: EventToAppend[], expected: ExpectedRevision) =>
      this.appendInTransaction(streamId, events, expected),
    );
    this.dataVersion = this.statements.dataVersion.get() as bigint;
    this.appends = new AppendNotifier(() => this.changedElsewhere(), POLL_INTERVAL_MS);
  }

  /** Opens (and if need be creates) the log in `file`. */
  static open(file: string, options: SqliteEventStoreOptions = {}): SqliteEventStore {
    const db = new Database(file);
    try {
      db.defaultSafeIntegers(true);
      const journalMode = db.pragma('journal_mode = WAL', { simple: true });
      if (journalMode !== 'wal') throw new Error(`${file}: the event store needs WAL mode, but SQLite chose ${String(journalMode)}`);
      db.pragma('synchronous = FULL');
      migrateSchema(db, file);
      return new SqliteEventStore(db, file, options);
    } catch (error) {
      db.close();
      throw error;
    }
  }

  /**
   * Group commit: appends made in the same turn of the event loop (commands that arrive together)
   * are written in one transaction, with one fsync at its commit. Each append still checks its own
   * expected revision, inside its own savepoint, so one refused append leaves the others of its
   * group untouched. Every append is answered only after the commit that holds it, fsync included.
   */
  append(streamId: string, events: EventToAppend[], expected: ExpectedRevision): Promise<AppendResult> {
    try {
      const checked = checkAppendInput(streamId, events, expected);
      this.ensureOpen();
      return new Promise<AppendResult>((resolve, reject) => {
        this.pending.push({ streamId, events: checked, expected, resolve, reject });
        this.scheduleFlush();
      });
    } catch (error) {
      return Promise.reject(error);
    }
  }

  async *readStream(streamId: string, options: ReadStreamOptions = {}): AsyncGenerator<RecordedEvent> {
    checkMaxCount(options.maxCount);
    const backwards = options.direction === 'backwards';
    const from = options.fromRevision ?? (backwards ? 'end' : 'start');
    if (!(from === 'start' || from === 'end' || (typeof from === 'bigint' && from >= 0n))) {
      throw new TypeError("fromRevision must be 'start', 'end' or a revision >= 0n");
    }
    if (from === 'end' && !backwards) return;
    // The statements read after an exclusive cursor; fromRevision is inclusive.
    let cursor = from === 'start' ? (backwards ? 1n : -1n) : from === 'end' ? MAX_INT64 : backwards ? from + 1n : from - 1n;
    const statement = backwards ? this.statements.streamBackwards : this.statements.streamForwards;
    yield* this.paged(options.maxCount, (limit) => {
      const rows = statement.all(streamId, cursor, limit);
      if (rows.length > 0) cursor = rows[rows.length - 1].revision;
      return rows;
    });
  }

  async *readAll(options: ReadAllOptions = {}): AsyncGenerator<RecordedEvent> {
    checkMaxCount(options.maxCount);
    checkPosition('after', options.after);
    const backwards = options.direction === 'backwards';
    let cursor = options.after ?? (backwards ? MAX_INT64 : 0n);
    const statement = backwards ? this.statements.allBackwards : this.statements.allForwards;
    yield* this.paged(options.maxCount, (limit) => {
      const rows = statement.all(cursor, limit);
      if (rows.length > 0) cursor = rows[rows.length - 1].position;
      return rows;
    });
  }

  subscribeToAll(options: SubscribeToAllOptions = {}): Subscription {
    checkPosition('after', options.after);
    if (options.streamPrefixes !== undefined && options.streamPrefixes.length === 0) {
      throw new RangeError('streamPrefixes, when given, must name at least one prefix');
    }
    this.ensureOpen();
    const readPage = options.streamPrefixes === undefined ? (after: bigint) => this.nextPage(after) : this.filteredPages(options.streamPrefixes);
    const subscription = new SqliteSubscription(
      (after) => {
        this.ensureOpen();
        return readPage(after);
      },
      this.appends,
      { ...options, streamPrefixes: options.streamPrefixes && [...options.streamPrefixes] },
      (closed) => this.subscriptions.delete(closed),
    );
    this.subscriptions.add(subscription);
    return subscription;
  }

  async headPosition(): Promise<bigint | null> {
    this.ensureOpen();
    return this.statements.head.get() ?? null;
  }

  async health(): Promise<EventStoreHealth> {
    if (this.closed) return { ok: false, kind: 'embedded', detail: `${this.file} is closed` };
    try {
      const head = this.statements.head.get() ?? null;
      return { ok: true, kind: 'embedded', detail: `SQLite ${this.file} (WAL, synchronous=FULL), head position ${head ?? 'none'}` };
    } catch (error) {
      return { ok: false, kind: 'embedded', detail: `${this.file}: ${(error as Error).message}` };
    }
  }

  /**
   * The stored rows in log order up to `upTo`, as their bytes are kept (canonical text, hashes in
   * their own columns), each with its stream's previous hash: for verification at the scan rate.
   */
  *chainRows(upTo: bigint): Generator<ChainRow> {
    yield* this.storedPages(upTo, (after) => this.statements.chainPage.all(after, upTo, STORED_PAGE));
  }

  /** The stored rows in log order up to `upTo`, as their bytes are kept: for the canonical export. */
  *storedRows(upTo: bigint): Generator<EventRow> {
    yield* this.storedPages(upTo, (after) => this.statements.storedPage.all(after, upTo, STORED_PAGE));
  }

  /**
   * Every stream's last revision and hash up to `upTo`, in order of each stream's first event,
   * page by page: one look-up in the (stream, revision) index per stream, nothing held.
   */
  *streamHeads(upTo: bigint): Generator<StreamHeadRow> {
    let after = 0n;
    for (;;) {
      this.ensureOpen();
      const starts = this.statements.streamStarts.all(after, upTo, STORED_PAGE);
      for (const start of starts) {
        const last = this.statements.streamLast.get(start.stream_id, upTo);
        if (last === undefined) continue;
        yield { stream_id: start.stream_id, first_position: start.position, last_revision: last.revision, last_position: last.position, last_hash: last.hash };
      }
      if (starts.length < STORED_PAGE) return;
      after = starts[starts.length - 1].position;
    }
  }

  private *storedPages<Row extends EventRow>(upTo: bigint, page: (after: bigint) => Row[]): Generator<Row> {
    let after = 0n;
    while (after < upTo) {
      this.ensureOpen();
      const rows = page(after);
      yield* rows;
      if (rows.length < STORED_PAGE) return;
      after = rows[rows.length - 1].position;
    }
  }

  /** Ends every open subscription, writes the appends already made, then closes the file. */
  async close(): Promise<void> {
    if (this.closed) return;
    for (const subscription of [...this.subscriptions]) await subscription.close();
    while (this.pending.length > 0) this.flush();
    this.closed = true;
    this.db.close();
  }

  private scheduleFlush(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    setImmediate(() => {
      this.flushScheduled = false;
      this.flush();
      if (this.pending.length > 0) this.scheduleFlush();
    });
  }

  /** Commits the waiting appends as one group (up to MAX_GROUP of them) and answers each. */
  private flush(): void {
    const group = this.pending.splice(0, MAX_GROUP);
    if (group.length === 0) return;
    if (this.closed) {
      for (const append of group) append.reject(new EventStoreUnavailableError(`the event store ${this.file} is closed`));
      return;
    }
    const outcomes: ({ ok: AppendOutcome } | { error: unknown })[] = [];
    try {
      this.db
        .transaction(() => {
          for (const append of group) {
            try {
              // A nested transaction is a savepoint: a refused append is rolled back alone.
              outcomes.push({ ok: this.appendEvents(append.streamId, append.events, append.expected) });
            } catch (error) {
              // Some failures (a full disk, an I/O error) end the whole transaction: the group fails.
              if (!this.db.inTransaction) throw error;
              outcomes.push({ error: storageError(this.file, error) });
            }
          }
        })
        .immediate();
    } catch (error) {
      const failure =
        (error as { code?: string }).code === 'SQLITE_BUSY'
          ? new EventStoreUnavailableError(`${this.file} is locked by another writer; try again`, error)
          : storageError(this.file, error);
      for (const append of group) append.reject(failure);
      return;
    }
    this.options.onGroupCommit?.(group.length);
    if (outcomes.some((outcome) => 'ok' in outcome && outcome.ok.written)) this.appends.notify();
    group.forEach((append, index) => {
      const outcome = outcomes[index];
      if ('ok' in outcome) append.resolve(outcome.ok.result);
      else append.reject(outcome.error);
    });
  }

  private appendInTransaction(streamId: string, events: EventToAppend[], expected: ExpectedRevision): AppendOutcome {
    const original = this.originalAppend(streamId, events);
    if (original !== null) return { result: original, written: false };

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
    return { result: { nextRevision: revision, position }, written: true };
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

  private async *paged(maxCount: number | undefined, nextPage: (limit: number) => EventRow[]): AsyncGenerator<RecordedEvent> {
    let remaining = maxCount ?? Number.POSITIVE_INFINITY;
    while (remaining > 0) {
      this.ensureOpen();
      const limit = Math.min(PAGE_SIZE, remaining);
      const rows = nextPage(limit);
      for (const row of rows) yield toRecordedEvent(row);
      if (rows.length < limit) return;
      remaining -= rows.length;
    }
  }

  /**
   * Another connection (another thread or process) says it has just appended: waiting
   * subscriptions read at once instead of at their next poll.
   */
  appendedElsewhere(): void {
    if (this.changedElsewhere()) this.appends.notify();
  }

  private nextPage(after: bigint): SubscriptionPage {
    const rows = this.statements.allForwards.all(after, PAGE_SIZE);
    return { rows, through: rows.length > 0 ? rows[rows.length - 1].position : after };
  }

  /**
   * Pages of the streams with these prefixes, filtered by SQLite over a bounded window of
   * positions at a time: the other streams' rows are never read into JavaScript, and no one read
   * scans the whole log.
   */
  private filteredPages(prefixes: readonly string[]): (after: bigint) => SubscriptionPage {
    const matching = prefixes.map(() => 'substr(stream_id, 1, ?) = ?').join(' OR ');
    const page = this.db.prepare<unknown[], EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM events WHERE position > ? AND position <= ? AND (${matching}) ORDER BY position LIMIT ?`,
    );
    const prefixParams = prefixes.flatMap((prefix) => [prefix.length, prefix]);
    const head = this.db.prepare<[], bigint | null>('SELECT max(position) FROM events').pluck();
    // One snapshot: the rows and the head they are judged against.
    return this.db.transaction((after: bigint): SubscriptionPage => {
      const last = head.get() ?? 0n;
      const upTo = after + FILTER_WINDOW < last ? after + FILTER_WINDOW : last;
      if (upTo <= after) return { rows: [], through: after };
      const rows = page.all(after, upTo, ...prefixParams, PAGE_SIZE);
      return { rows, through: rows.length === PAGE_SIZE ? rows[rows.length - 1].position : upTo };
    });
  }

  /** True once per batch of commits made through any other connection to the file. */
  private changedElsewhere(): boolean {
    if (this.closed) return false;
    const version = this.statements.dataVersion.get() as bigint;
    if (version === this.dataVersion) return false;
    this.dataVersion = version;
    return true;
  }

  private ensureOpen(): void {
    if (this.closed) throw new EventStoreUnavailableError(`the event store ${this.file} is closed`);
  }
}

/** A write the disk refused: said plainly, with SQLite's own error kept as the cause. */
function storageError(file: string, error: unknown): unknown {
  const code = (error as { code?: string }).code;
  if (code === 'SQLITE_FULL') return new EventStoreFullError(`${file}: the disk is full; nothing of this append was written`, error);
  if (code === 'SQLITE_IOERR' || code?.startsWith('SQLITE_IOERR_')) {
    return new EventStoreUnavailableError(`${file}: the disk refused the write (${code}); nothing of this append was written`, error);
  }
  return error;
}
