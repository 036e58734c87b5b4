import type Database from 'better-sqlite3';
import type { EventStore, RecordedEvent, Subscription, SubscriptionMessage } from '@ledger/event-store';
import { ApplyFailed, commitBatch, StaleTargets } from './commit-batch';
import type { GenerationWriter, TargetOutcome } from './generation-writer';

export interface LaneSettings {
  /** Most events in one transaction once the lane has caught up with the log. */
  batchSize: number;
  /** Most events in one transaction while it catches up: fewer, larger commits write each page fewer times. */
  catchUpBatchSize: number;
  streamPrefixes?: readonly string[];
}

export interface LaneHooks {
  /** After each committed batch: what it did to each target. A target that faulted has left the lane. */
  committed(outcomes: ReadonlyMap<GenerationWriter, TargetOutcome>): void;
  /** A target another writer moved on (another process, or a swap): it has left the lane. */
  stale(writer: GenerationWriter): void;
  /** Everything written before the lane started has been committed; `stop` ends the lane. */
  caughtUp(lane: Lane): Promise<'continue' | 'stop'> | 'continue' | 'stop';
}

export type LaneEnd =
  | { reason: 'stopped' }
  /** Every target left (faulted or stale). */
  | { reason: 'empty' }
  /** The subscription or the database failed; nothing was lost, every checkpoint is where it was. */
  | { reason: 'failed'; error: Error };

const IDLE = Symbol('idle');
type Next = IteratorResult<SubscriptionMessage> | typeof IDLE;

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * One reader of the log feeding a set of generations (targets). It subscribes once, after the
 * least checkpoint among them, and commits the events in batches: each batch is one transaction
 * that checks every target is still where it left it, applies each event to every target that
 * has not had it, and stores every target's checkpoint with its rows. A batch closes when it is
 * full or when no further event is ready without waiting (no timer per event), and the lane
 * yields to the event loop between batches.
 * A projection that throws rolls the batch back; it is then applied again carefully (see
 * commit-batch.ts).
 */
export class Lane {
  readonly done: Promise<LaneEnd>;
  private readonly targets: Set<GenerationWriter>;
  private subscription: Subscription | null = null;
  private stopping = false;

  constructor(
    private readonly store: EventStore,
    private readonly db: Database.Database,
    targets: readonly GenerationWriter[],
    private readonly settings: LaneSettings,
    private readonly hooks: LaneHooks,
  ) {
    this.targets = new Set(targets);
    this.done = Promise.resolve().then(() => this.run());
  }

  get writers(): GenerationWriter[] {
    return [...this.targets];
  }

  /** Commits what it holds, closes the subscription and resolves when the lane has ended. */
  async stop(): Promise<LaneEnd> {
    this.stopping = true;
    await this.subscription?.close();
    return this.done;
  }

  private async run(): Promise<LaneEnd> {
    if (this.targets.size === 0 || this.stopping) return { reason: this.stopping ? 'stopped' : 'empty' };
    let after: bigint | null | undefined;
    for (const target of this.targets) {
      const checkpoint = target.checkpoint;
      if (after === undefined || checkpoint === null || (after !== null && checkpoint < after)) after = checkpoint;
    }
    let subscription: Subscription;
    try {
      subscription = this.store.subscribeToAll({ after: after ?? undefined, streamPrefixes: this.settings.streamPrefixes && [...this.settings.streamPrefixes] });
    } catch (error) {
      return { reason: 'failed', error: asError(error) };
    }
    this.subscription = subscription;
    const iterator = subscription[Symbol.asyncIterator]();
    const batch: RecordedEvent[] = [];
    let advanceTo: bigint | null = null;
    let caughtUp = false;
    let idle: Promise<typeof IDLE> | null = null;
    let pending = iterator.next();
    try {
      for (;;) {
        let next: Next;
        if (caughtUp && (batch.length > 0 || advanceTo !== null)) {
          // Live, a batch commits what is ready without waiting: one check per batch, not a timer per event.
          // Catching up, it fills to catchUpBatchSize (or to the caught-up message).
          idle ??= new Promise((resolve) => setImmediate(resolve, IDLE));
          next = await Promise.race([pending, idle]);
        } else {
          next = await pending;
        }
        let caughtUpNow = false;
        if (next !== IDLE) {
          if (next.done) break;
          pending = iterator.next();
          const message: SubscriptionMessage = next.value;
          if (message.kind === 'event') {
            batch.push(message.event);
            if (batch.length < (caughtUp ? this.settings.batchSize : this.settings.catchUpBatchSize)) continue;
          } else {
            if (message.position !== null && (advanceTo === null || message.position > advanceTo)) advanceTo = message.position;
            if (message.kind === 'checkpoint') continue;
            caughtUpNow = true;
          }
        }
        this.flush(batch, advanceTo);
        batch.length = 0;
        advanceTo = null;
        idle = null;
        if (this.targets.size === 0) return { reason: 'empty' };
        if (caughtUpNow) {
          caughtUp = true;
          if ((await this.hooks.caughtUp(this)) === 'stop') return { reason: 'stopped' };
        }
        // Requests, timers and a stop get their turn between batches, also while catching up.
        await yieldToEventLoop();
      }
      this.flush(batch, advanceTo);
      return this.stopping ? { reason: 'stopped' } : { reason: 'failed', error: new Error('the subscription to the log ended') };
    } catch (error) {
      return { reason: 'failed', error: asError(error) };
    } finally {
      // A read still in flight may fail after the lane has gone; nobody is left to hear it.
      pending.catch(() => undefined);
      await subscription.close();
    }
  }

  /** Commits the batch to every target still in the lane. */
  private flush(batch: readonly RecordedEvent[], advanceTo: bigint | null): void {
    if (batch.length === 0 && advanceTo === null) return;
    let careful = false;
    for (;;) {
      if (this.targets.size === 0) return;
      try {
        const outcomes = commitBatch(this.db, [...this.targets], batch, advanceTo, careful);
        for (const [writer, outcome] of outcomes) {
          writer.committed(outcome);
          if (outcome.fault) this.targets.delete(writer);
        }
        this.hooks.committed(outcomes);
        return;
      } catch (error) {
        if (error instanceof StaleTargets) {
          for (const writer of error.writers) {
            this.targets.delete(writer);
            this.hooks.stale(writer);
          }
        } else if (error instanceof ApplyFailed && !careful) {
          careful = true;
        } else {
          throw error;
        }
      }
    }
  }
}
