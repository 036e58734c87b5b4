import Database from 'better-sqlite3';
import {
  type AppendResult,
  type CountAfterOptions,
  type EventCount,
  type EventStore,
  type EventStoreHealth,
  EventStoreUnavailableError,
  type EventToAppend,
  type ExpectedRevision,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type SubscribeToAllOptions,
  type Subscription,
} from '../event-store.port';
import { AppendNotifier } from './append-notifier';
import { EVENT_COLUMNS, type EventRow } from './event-row';
import type { AppendOutcome, AppendRequest } from './group-writer';
import { checkAppendInput, checkCountLimit, checkMaxCount, checkPosition, checkStreamPrefixes } from './input-checks';
import { migrateSchema } from './migrate-schema';
import { PagedEvents, type PagedRead } from './paged-events';
import { SqliteSubscription, type SubscriptionPage } from './sqlite-subscription';
import { WriterThread } from './writer-thread';

const PAGE_SIZE = 500;
/** Positions a filtered subscription's page looks through at most. */
const FILTER_WINDOW = 20_000n;
/** How often a waiting subscription looks for appends made by another process on the same file. */
const POLL_INTERVAL_MS = 250;
const MAX_INT64 = 2n ** 63n - 1n;

/** One append waiting for the next group commit. */
interface PendingAppend extends AppendRequest {
  resolve(result: AppendResult): void;
  reject(error: unknown): void;
}

/** Appends in one transaction at most: bounds the messages between the threads and how long one commit takes. */
const MAX_GROUP = 512;

export interface SqliteEventStoreOptions {
  /** Told the number of appends each group commit carried (for metrics). */
  onGroupCommit?(appends: number): void;
}

function prepareStatements(db: Database.Database) {
  return {
    head: db.prepare<[], bigint | null>('SELECT max(position) FROM events').pluck(),
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
 * Reads run on this thread's connection; appends are written by a writer thread with its own
 * connection (WAL lets the two work at once), so a commit's fsync never holds this event loop.
 */
export class SqliteEventStore implements EventStore {
  private readonly statements: Statements;
  private readonly writer: WriterThread;
  private readonly appends: AppendNotifier;
  private readonly subscriptions = new Set<SqliteSubscription>();
  private pending: PendingAppend[] = [];
  private flushScheduled = false;
  /** The group commit the writer thread is working on, if any: the next group forms meanwhile. */
  private inFlight: Promise<void> | null = null;
  private dataVersion: bigint;
  private closing = false;
  private closed = false;

  private constructor(
    private readonly db: Database.Database,
    private readonly file: string,
    private readonly options: SqliteEventStoreOptions,
  ) {
    this.statements = prepareStatements(db);
    this.writer = new WriterThread(file);
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
   * Group commit: appends made together (in the same turn of the event loop, or while the
   * previous group's commit is under way) are written by the writer thread in one transaction,
   * with one fsync at its commit. Each append still checks its own expected revision, inside its
   * own savepoint, so one refused append leaves the others of its group untouched. Every append
   * is answered only after the commit that holds it, fsync included.
   */
  append(streamId: string, events: EventToAppend[], expected: ExpectedRevision): Promise<AppendResult> {
    try {
      const checked = checkAppendInput(streamId, events, expected);
      if (this.closing) throw new EventStoreUnavailableError(`the event store ${this.file} is closed`);
      this.ensureOpen();
      return new Promise<AppendResult>((resolve, reject) => {
        this.pending.push({ streamId, events: checked, expected, resolve, reject });
        this.scheduleFlush();
      });
    } catch (error) {
      return Promise.reject(error);
    }
  }

  readStream(streamId: string, options: ReadStreamOptions = {}): AsyncIterableIterator<RecordedEvent> {
    return this.paged(() => {
      checkMaxCount(options.maxCount);
      const backwards = options.direction === 'backwards';
      const from = options.fromRevision ?? (backwards ? 'end' : 'start');
      if (!(from === 'start' || from === 'end' || (typeof from === 'bigint' && from >= 0n))) {
        throw new TypeError("fromRevision must be 'start', 'end' or a revision >= 0n");
      }
      if (from === 'end' && !backwards) return null;
      // The statements read after an exclusive cursor; fromRevision is inclusive.
      let cursor = from === 'start' ? (backwards ? 1n : -1n) : from === 'end' ? MAX_INT64 : backwards ? from + 1n : from - 1n;
      const statement = backwards ? this.statements.streamBackwards : this.statements.streamForwards;
      return {
        maxCount: options.maxCount,
        nextPage: (limit) => {
          const rows = statement.all(streamId, cursor, limit);
          if (rows.length > 0) cursor = rows[rows.length - 1].revision;
          return rows;
        },
      };
    });
  }

  readAll(options: ReadAllOptions = {}): AsyncIterableIterator<RecordedEvent> {
    return this.paged(() => {
      checkMaxCount(options.maxCount);
      checkPosition('after', options.after);
      const backwards = options.direction === 'backwards';
      let cursor = options.after ?? (backwards ? MAX_INT64 : 0n);
      const statement = backwards ? this.statements.allBackwards : this.statements.allForwards;
      return {
        maxCount: options.maxCount,
        nextPage: (limit) => {
          const rows = statement.all(cursor, limit);
          if (rows.length > 0) cursor = rows[rows.length - 1].position;
          return rows;
        },
      };
    });
  }

  subscribeToAll(options: SubscribeToAllOptions = {}): Subscription {
    checkPosition('after', options.after);
    checkStreamPrefixes(options.streamPrefixes);
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

  /**
   * Positions here are gap-free, so the whole log's count is a subtraction; the count of some
   * streams is SQLite's, over the `limit` positions after `after`, never read into JavaScript.
   */
  async countAfter(after: bigint | null, options: CountAfterOptions = {}): Promise<EventCount> {
    checkPosition('after', after ?? undefined);
    checkStreamPrefixes(options.streamPrefixes);
    const limit = checkCountLimit(options.limit);
    this.ensureOpen();
    const from = after ?? 0n;
    const head = this.statements.head.get() ?? 0n;
    if (head <= from) return { events: 0, atLeast: false };
    if (options.streamPrefixes === undefined) return { events: Number(head - from), atLeast: false };
    const upTo = head - from > BigInt(limit) ? from + BigInt(limit) : head;
    const { sql, params } = streamPrefixMatch(options.streamPrefixes);
    const events = this.db.prepare<unknown[], bigint>(`SELECT count(*) FROM events WHERE position > ? AND position <= ? AND (${sql})`).pluck().get(from, upTo, ...params);
    return { events: Number(events ?? 0n), atLeast: upTo < head };
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

  /**
   * Runs a PRAGMA on the write connection and gives its value. For tests: `max_page_count` there
   * makes SQLite refuse to grow the file, as a full disk does.
   */
  writerPragma(pragma: string): Promise<unknown> {
    this.ensureOpen();
    return this.writer.pragma(pragma);
  }

  /** Ends every open subscription, writes the appends already made, then closes the file. */
  async close(): Promise<void> {
    if (this.closed || this.closing) return;
    this.closing = true;
    for (const subscription of [...this.subscriptions]) await subscription.close();
    while (this.inFlight || this.pending.length > 0) await (this.inFlight ?? this.flush());
    await this.writer.close();
    this.closed = true;
    this.db.close();
  }

  private scheduleFlush(): void {
    if (this.flushScheduled || this.inFlight) return;
    this.flushScheduled = true;
    // Appends made in this turn of the event loop join the group.
    setImmediate(() => {
      this.flushScheduled = false;
      if (!this.inFlight) void this.flush();
    });
  }

  /**
   * Sends the waiting appends (up to MAX_GROUP of them) to the writer thread as one group and
   * answers each once it has committed; appends made meanwhile wait for the next group, sent as
   * soon as this one is answered.
   */
  private flush(): Promise<void> {
    const group = this.pending.splice(0, MAX_GROUP);
    if (group.length === 0) return Promise.resolve();
    const requests: AppendRequest[] = group.map(({ streamId, events, expected }) => ({ streamId, events, expected }));
    const flight = this.writer.commit(requests).then(
      (outcomes) => this.committed(group, outcomes),
      (failure: unknown) => {
        for (const append of group) append.reject(failure);
      },
    );
    this.inFlight = flight
      .finally(() => {
        this.inFlight = null;
        if (this.pending.length > 0) void this.flush();
      })
      .catch(() => undefined);
    return this.inFlight;
  }

  private committed(group: PendingAppend[], outcomes: AppendOutcome[]): void {
    this.options.onGroupCommit?.(group.length);
    if (outcomes.some((outcome) => 'ok' in outcome && outcome.written)) {
      // The writer thread's commit, seen by this connection: subscriptions read it at once.
      this.changedElsewhere();
      this.appends.notify();
    }
    group.forEach((append, index) => {
      const outcome = outcomes[index];
      if ('ok' in outcome) append.resolve(outcome.ok);
      else append.reject(outcome.error);
    });
  }

  private paged(begin: () => PagedRead | null): PagedEvents {
    return new PagedEvents(PAGE_SIZE, begin, () => this.ensureOpen());
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
    const { sql: matching, params: prefixParams } = streamPrefixMatch(prefixes);
    const page = this.db.prepare<unknown[], EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM events WHERE position > ? AND position <= ? AND (${matching}) ORDER BY position LIMIT ?`,
    );
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

/** SQL true of a row whose stream id starts with one of the prefixes, with its parameters. */
function streamPrefixMatch(prefixes: readonly string[]): { sql: string; params: (string | number)[] } {
  return { sql: prefixes.map(() => 'substr(stream_id, 1, ?) = ?').join(' OR '), params: prefixes.flatMap((prefix) => [prefix.length, prefix]) };
}
