/**
 * A catch-up subscription to $all that survives connection loss.
 *
 * The server filters by stream prefix (or, without prefixes, drops system streams) and sends a
 * checkpoint every `checkpointInterval × 32` events it has looked at, so a projection whose
 * streams are quiet still advances. When the connection goes (server restarted, connection cut,
 * leader change) the subscription logs it and resubscribes with backoff after the last position
 * it received, inside this class: the consumer sees neither a gap nor a duplicate, and only one
 * caught-up. Any other failure ends the iteration with that error.
 */
import {
  type AllStreamResolvedEvent,
  type AllStreamSubscription,
  type EventStoreDBClient,
  START,
  streamNameFilter,
} from '@eventstore/db-client';
import type { Subscription, SubscriptionMessage } from '../event-store.port';
import { NoAnswerError, describeError, isConnectionFailure } from './esdb-errors';
import { isSystemEvent, toRecordedEvent } from './recorded-event';

export interface EsdbLogger {
  log(message: string): void;
  warn(message: string): void;
}

export interface ReconnectBackoff {
  initialMs: number;
  maxMs: number;
}

export interface EsdbSubscriptionSettings {
  client: EventStoreDBClient;
  address: string;
  after: bigint | undefined;
  /** Omitted: every stream that is not a system stream. */
  streamPrefixes: string[] | undefined;
  checkpointInterval: number;
  backoff: ReconnectBackoff;
  logger: EsdbLogger;
  onClosed: (subscription: EsdbSubscription) => void;
}

type Signal = Extract<SubscriptionMessage, { kind: 'checkpoint' | 'caught-up' }>;

const NON_SYSTEM_STREAMS = '^[^$]';

/** The consumer is this far behind: stop reading from the server until it catches up. */
const PAUSE_AT = 512;
const RESUME_AT = 128;

export class EsdbSubscription implements Subscription {
  private readonly queue: SubscriptionMessage[] = [];
  private wake: (() => void) | null = null;
  private closed = false;
  private failure: Error | null = null;
  private current: AllStreamSubscription | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private failedAttempts = 0;
  /** Where to resume: the last position the server has told us about, whether or not it was delivered. */
  private resumeAfter: bigint | undefined;
  /** Position of the last event or checkpoint handed to the consumer's queue. */
  private lastQueuedPosition: bigint | undefined;
  private caughtUpQueued = false;

  constructor(private readonly settings: EsdbSubscriptionSettings) {
    this.resumeAfter = settings.after;
    this.subscribe();
  }

  [Symbol.asyncIterator](): AsyncIterator<SubscriptionMessage> {
    return {
      next: () => this.next(),
      return: async () => {
        await this.close();
        return { done: true, value: undefined };
      },
    };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    if (this.current) this.detach(this.current);
    this.queue.length = 0;
    this.wakeConsumer();
    this.settings.onClosed(this);
  }

  private async next(): Promise<IteratorResult<SubscriptionMessage>> {
    for (;;) {
      if (this.closed) return { done: true, value: undefined };
      const message = this.queue.shift();
      if (message) {
        if (this.queue.length <= RESUME_AT && this.current?.isPaused()) this.current.resume();
        return { done: false, value: message };
      }
      if (this.failure) {
        const failure = this.failure;
        await this.close();
        throw failure;
      }
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
  }

  private subscribe(): void {
    const { client, streamPrefixes, checkpointInterval } = this.settings;
    const from = this.resumeAfter;
    // The client emits caught-up and calls checkpointReached while it transforms a response,
    // possibly before it has handed over events it transformed earlier. Each signal is therefore
    // held until as many events as preceded it have arrived, keeping the server's order.
    let eventsReceived = 0;
    const held: Array<{ afterEvents: number; signal: Signal }> = [];
    const signal = (message: Signal) => {
      const afterEvents = eventsReceived + subscription.readableLength;
      if (afterEvents <= eventsReceived) this.acceptSignal(message);
      else held.push({ afterEvents, signal: message });
    };

    const checkpointReached = (_subscription: unknown, position: { commit: bigint }) =>
      signal({ kind: 'checkpoint', position: position.commit });
    const subscription = client.subscribeToAll({
      fromPosition: from === undefined ? START : { commit: from, prepare: from },
      filter: streamPrefixes
        ? streamNameFilter({ prefixes: streamPrefixes, checkpointInterval, checkpointReached })
        : streamNameFilter({ regex: NON_SYSTEM_STREAMS, checkpointInterval, checkpointReached }),
    });
    this.current = subscription;

    subscription.on('confirmation', () => {
      if (this.failedAttempts > 0) {
        this.settings.logger.log(`EventStoreDB subscription to $all resumed after ${String(this.resumeAfter ?? 'the start')}.`);
      }
      this.failedAttempts = 0;
    });
    subscription.on('data', (resolved: AllStreamResolvedEvent) => {
      if (subscription !== this.current) return;
      eventsReceived += 1;
      this.acceptEvent(subscription, resolved);
      while (subscription === this.current && held.length > 0 && held[0].afterEvents <= eventsReceived) {
        this.acceptSignal(held.shift()!.signal);
      }
    });
    subscription.on('caughtUp', () => signal({ kind: 'caught-up', position: null }));
    subscription.on('error', (error: Error) => this.broken(subscription, error));
    // A subscription never ends by itself: a server that ends one is going away.
    subscription.on('end', () => this.broken(subscription, new NoAnswerError('the server ended the subscription')));
  }

  private acceptEvent(subscription: AllStreamSubscription, resolved: AllStreamResolvedEvent): void {
    const event = resolved.event;
    if (!event || this.closed) return;
    const position = event.position?.commit ?? resolved.commitPosition;
    if (position !== undefined) this.resumeAfter = position;
    if (isSystemEvent(event)) return;
    try {
      this.enqueue({ kind: 'event', event: toRecordedEvent(event, resolved.commitPosition) });
    } catch (error) {
      this.fail(subscription, error as Error);
      return;
    }
    if (this.queue.length >= PAUSE_AT) subscription.pause();
  }

  private acceptSignal(message: Signal): void {
    if (this.closed) return;
    if (message.kind === 'checkpoint') {
      if (this.lastQueuedPosition !== undefined && message.position <= this.lastQueuedPosition) return;
      if (this.resumeAfter === undefined || message.position > this.resumeAfter) this.resumeAfter = message.position;
      this.enqueue(message);
    } else if (!this.caughtUpQueued) {
      this.caughtUpQueued = true;
      this.enqueue({ kind: 'caught-up', position: this.resumeAfter ?? null });
    }
  }

  private enqueue(message: SubscriptionMessage): void {
    if (message.kind === 'event') this.lastQueuedPosition = message.event.position;
    if (message.kind === 'checkpoint') this.lastQueuedPosition = message.position;
    this.queue.push(message);
    this.wakeConsumer();
  }

  private broken(subscription: AllStreamSubscription, error: Error): void {
    if (subscription !== this.current || this.closed) return;
    if (!isConnectionFailure(error)) {
      this.fail(subscription, new Error(`EventStoreDB subscription to $all failed: ${describeError(error)}`, { cause: error }));
      return;
    }
    this.detach(subscription);
    const { initialMs, maxMs } = this.settings.backoff;
    const delay = Math.min(maxMs, initialMs * 2 ** this.failedAttempts);
    this.failedAttempts += 1;
    this.settings.logger.warn(
      `EventStoreDB subscription to $all at ${this.settings.address} lost (${describeError(error)}); ` +
        `resubscribing after ${String(this.resumeAfter ?? 'the start')} in ${delay} ms (attempt ${this.failedAttempts}).`,
    );
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      if (!this.closed) this.subscribe();
    }, delay);
  }

  private fail(subscription: AllStreamSubscription, error: Error): void {
    this.detach(subscription);
    this.failure = error;
    this.wakeConsumer();
  }

  private detach(subscription: AllStreamSubscription): void {
    if (this.current === subscription) this.current = null;
    subscription.removeAllListeners();
    // A cancelled call may still report its cancellation; it is expected and ignored.
    subscription.on('error', () => undefined);
    // Flowing again, so that the cancelled call can run out and the client release it.
    subscription.resume();
    void subscription.unsubscribe().catch(() => undefined);
  }

  private wakeConsumer(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }
}
