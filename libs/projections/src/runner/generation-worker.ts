import type { EventStore, RecordedEvent, Subscription, SubscriptionMessage } from '@ledger/event-store';
import { type ProjectionFault, StaleGenerationError } from '../registry/generation-registry';
import type { CommittedBatch, GenerationWriter } from './generation-writer';

export type WorkerEnd =
  | { reason: 'stopped' }
  /** An event could not be applied; the fault is recorded with the generation. */
  | { reason: 'faulted'; fault: ProjectionFault }
  /** The generation moved on without this worker (another process wrote to it, or it was swapped out). */
  | { reason: 'stale' }
  /** The subscription or the database failed; nothing was lost, the checkpoint is where it was. */
  | { reason: 'failed'; error: Error };

export interface WorkerSettings {
  /** Most events in one transaction. */
  batchSize: number;
  /** A batch waits at most this long for more events before it is committed. */
  idleFlushMs: number;
  streamPrefixes?: readonly string[];
}

export interface WorkerHooks {
  committed(batch: CommittedBatch): void;
  /**
   * Everything written before the subscription started has been committed. `stop` ends the
   * worker; a StaleGenerationError thrown here ends it as `stale`.
   */
  caughtUp?(): Promise<'continue' | 'stop'>;
}

const IDLE = Symbol('idle');
type Next = IteratorResult<SubscriptionMessage> | typeof IDLE;

function orIdle(pending: Promise<IteratorResult<SubscriptionMessage>>, ms: number): Promise<Next> {
  let timer: NodeJS.Timeout | undefined;
  const idle = new Promise<typeof IDLE>((resolve) => {
    timer = setTimeout(resolve, ms, IDLE);
  });
  return Promise.race([pending, idle]).finally(() => clearTimeout(timer));
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

/**
 * Feeds one generation from the log: subscribes after its checkpoint and commits batches, full
 * ones during catch-up and whatever has arrived once the stream goes quiet, then keeps going live.
 * `checkpoint` and `caught-up` messages move the checkpoint past events of other streams.
 */
export class GenerationWorker {
  readonly done: Promise<WorkerEnd>;
  private subscription: Subscription | null = null;
  private stopping = false;

  constructor(
    private readonly store: EventStore,
    readonly writer: GenerationWriter,
    private readonly settings: WorkerSettings,
    private readonly hooks: WorkerHooks,
  ) {
    this.done = this.run();
  }

  /** Commits what it holds, closes the subscription and resolves when the worker has ended. */
  async stop(): Promise<WorkerEnd> {
    this.stopping = true;
    await this.subscription?.close();
    return this.done;
  }

  private async run(): Promise<WorkerEnd> {
    let subscription: Subscription;
    try {
      subscription = this.store.subscribeToAll({
        after: this.writer.checkpoint ?? undefined,
        streamPrefixes: this.settings.streamPrefixes && [...this.settings.streamPrefixes],
      });
    } catch (error) {
      return { reason: 'failed', error: asError(error) };
    }
    this.subscription = subscription;
    const iterator = subscription[Symbol.asyncIterator]();
    const batch: RecordedEvent[] = [];
    let advanceTo: bigint | null = null;
    let pending = iterator.next();
    try {
      for (;;) {
        const next: Next = batch.length > 0 || advanceTo !== null ? await orIdle(pending, this.settings.idleFlushMs) : await pending;
        if (next !== IDLE) {
          if (next.done) break;
          pending = iterator.next();
          const message: SubscriptionMessage = next.value;
          if (message.kind === 'event') {
            batch.push(message.event);
            if (batch.length < this.settings.batchSize) continue;
          } else {
            if (message.position !== null && (advanceTo === null || message.position > advanceTo)) advanceTo = message.position;
            if (message.kind === 'checkpoint') continue;
          }
        }
        const end = this.flush(batch, advanceTo);
        batch.length = 0;
        advanceTo = null;
        if (end) return end;
        if (next !== IDLE && next.value.kind === 'caught-up' && this.hooks.caughtUp && (await this.hooks.caughtUp()) === 'stop') {
          return { reason: 'stopped' };
        }
      }
      const end = this.flush(batch, advanceTo);
      if (end) return end;
      return this.stopping ? { reason: 'stopped' } : { reason: 'failed', error: new Error('the subscription to the log ended') };
    } catch (error) {
      if (error instanceof StaleGenerationError) return { reason: 'stale' };
      return { reason: 'failed', error: asError(error) };
    } finally {
      // A read still in flight may fail after the worker has gone; nobody is left to hear it.
      pending.catch(() => undefined);
      await subscription.close();
    }
  }

  /** Commits the batch; returns how the worker ends if it must. */
  private flush(batch: readonly RecordedEvent[], advanceTo: bigint | null): WorkerEnd | null {
    const checkpoint = this.writer.checkpoint;
    if (batch.length === 0 && (advanceTo === null || (checkpoint !== null && advanceTo <= checkpoint))) return null;
    const committed = this.writer.commit(batch, advanceTo);
    this.hooks.committed(committed);
    return committed.fault ? { reason: 'faulted', fault: committed.fault } : null;
  }
}
