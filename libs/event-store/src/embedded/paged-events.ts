import type { RecordedEvent } from '../event-store.port';
import type { SteppingIterator } from '../map-async-iterable';
import { type EventRow, toRecordedEvent } from './event-row';

/** A read, once its options are checked: how many events at most, and how to fetch the next page after the last. */
export interface PagedRead {
  maxCount: number | undefined;
  nextPage(limit: number): EventRow[];
}

const DONE: IteratorResult<RecordedEvent> = { done: true, value: undefined };

/**
 * The events of a read, fetched a page at a time (each page one synchronous query) and handed
 * out one by one. An iterator of its own rather than an async generator: a generator's per-event
 * machinery was most of what loading a short stream allocated. Like a generator, it begins (checks
 * its options) at the first `next`, so a bad option rejects when the read is iterated.
 */
export class PagedEvents implements AsyncIterableIterator<RecordedEvent>, SteppingIterator<RecordedEvent> {
  private read: PagedRead | null | undefined;
  private rows: EventRow[] = [];
  private index = 0;
  private remaining = 0;
  private lastPage = false;
  private finished = false;

  constructor(
    private readonly pageSize: number,
    /** Checks the options and starts the read; null for a read that holds nothing. */
    private readonly begin: () => PagedRead | null,
    private readonly ensureOpen: () => void,
  ) {}

  [Symbol.asyncIterator](): AsyncIterableIterator<RecordedEvent> {
    return this;
  }

  next(): Promise<IteratorResult<RecordedEvent>> {
    try {
      return Promise.resolve(this.step());
    } catch (error) {
      return Promise.reject(error);
    }
  }

  /** The next event now, for the layers over this read (SteppingIterator): each page is read synchronously. */
  step(): IteratorResult<RecordedEvent> {
    try {
      return this.advance();
    } catch (error) {
      this.finished = true;
      throw error;
    }
  }

  return(): Promise<IteratorResult<RecordedEvent>> {
    this.finished = true;
    return Promise.resolve(DONE);
  }

  private advance(): IteratorResult<RecordedEvent> {
    if (this.finished) return DONE;
    if (this.read === undefined) {
      this.read = this.begin();
      this.remaining = this.read?.maxCount ?? Number.POSITIVE_INFINITY;
    }
    if (this.read === null) return this.finish();
    if (this.index === this.rows.length) {
      if (this.lastPage || this.remaining <= 0) return this.finish();
      this.ensureOpen();
      const limit = Math.min(this.pageSize, this.remaining);
      this.rows = this.read.nextPage(limit);
      this.index = 0;
      this.lastPage = this.rows.length < limit;
      this.remaining -= this.rows.length;
      if (this.rows.length === 0) return this.finish();
    }
    return { done: false, value: toRecordedEvent(this.rows[this.index++]) };
  }

  private finish(): IteratorResult<RecordedEvent> {
    this.finished = true;
    this.rows = [];
    return DONE;
  }
}
