import type { StreamState } from './stream-state';

export interface StreamStateCacheLimits {
  /** Streams kept. */
  streams: number;
  /** Events summed over the streams kept (each keeps its events' ids): bounds the memory. */
  events: number;
}

/** Injection token for other limits than the default (tests). */
export const STREAM_STATE_CACHE_LIMITS = Symbol('STREAM_STATE_CACHE_LIMITS');

/**
 * Some tens of MB: a stream keeps its state, its events' ids and the data of its latest event of
 * each type (a finding's stream, some 20 types at most, about 10 KB).
 */
export const DEFAULT_STREAM_STATE_CACHE_LIMITS: StreamStateCacheLimits = { streams: 5_000, events: 200_000 };

/**
 * Folded streams, least recently used first out. A kept fold is only a starting point: the
 * pipeline still reads the stream after its revision, since the store is the truth and another
 * process may have appended.
 */
export class StreamStateCache {
  private readonly entries = new Map<string, { stream: StreamState<unknown>; events: number }>();
  private events = 0;

  constructor(private readonly limits: StreamStateCacheLimits = DEFAULT_STREAM_STATE_CACHE_LIMITS) {}

  get size(): number {
    return this.entries.size;
  }

  /** Removes and returns the stream's fold, so that a failure halfway through extending it leaves nothing stale behind. */
  take<State>(streamId: string, decider: StreamState<State>['decider']): StreamState<State> | undefined {
    const entry = this.entries.get(streamId);
    if (entry === undefined) return undefined;
    this.delete(streamId);
    // A stream id names one aggregate type; a fold by another decider is not this one's.
    return entry.stream.decider === decider ? (entry.stream as StreamState<State>) : undefined;
  }

  put(streamId: string, stream: StreamState<unknown>): void {
    this.delete(streamId);
    const events = stream.eventIds.size;
    if (events > this.limits.events) return;
    this.entries.set(streamId, { stream, events });
    this.events += events;
    for (const [oldest, entry] of this.entries) {
      if (this.entries.size <= this.limits.streams && this.events <= this.limits.events) break;
      this.entries.delete(oldest);
      this.events -= entry.events;
    }
  }

  delete(streamId: string): void {
    const entry = this.entries.get(streamId);
    if (entry === undefined) return;
    this.entries.delete(streamId);
    this.events -= entry.events;
  }
}
