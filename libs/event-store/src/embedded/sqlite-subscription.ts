import type { SubscribeToAllOptions, Subscription, SubscriptionMessage } from '../event-store.port';
import type { AppendNotifier } from './append-notifier';
import { type EventRow, toRecordedEvent } from './event-row';

/** Rows after a position, all of them matching the subscription's filter, and how far they cover the log. */
export interface SubscriptionPage {
  rows: EventRow[];
  /** The page covers the log up to here (inclusive): there is no other matching event up to it. */
  through: bigint;
}

/**
 * A catch-up subscription that reads the log in pages after its cursor and, once it has read
 * everything, waits for the next append and reads again. Because positions are gap-free and
 * assigned in commit order, "every row after the cursor" can never miss or repeat an event,
 * however subscriptions and appends interleave. Pull-based: a slow consumer holds no buffer.
 * The stream filter runs in SQL (`readPage`); between pages it lets the event loop run, so that
 * catching up with a long log never holds the thread it shares with requests.
 */
export class SqliteSubscription implements Subscription {
  private closed = false;
  private stopWaiting: (() => void) | undefined;
  private readonly messages: AsyncGenerator<SubscriptionMessage>;

  constructor(
    private readonly readPage: (after: bigint) => SubscriptionPage,
    private readonly appends: AppendNotifier,
    private readonly options: SubscribeToAllOptions,
    private readonly onClose: (subscription: SqliteSubscription) => void,
  ) {
    this.messages = this.run();
  }

  [Symbol.asyncIterator](): AsyncIterator<SubscriptionMessage> {
    return this.messages;
  }

  async close(): Promise<void> {
    this.end();
  }

  private end(): void {
    if (this.closed) return;
    this.closed = true;
    this.stopWaiting?.();
    this.onClose(this);
  }

  private async *run(): AsyncGenerator<SubscriptionMessage> {
    let cursor = this.options.after ?? 0n;
    let caughtUp = false;
    try {
      while (!this.closed) {
        const { rows, through } = this.readPage(cursor);
        if (through > cursor) {
          for (const row of rows) {
            yield { kind: 'event', event: toRecordedEvent(row) };
            if (this.closed) return;
          }
          cursor = through;
          if (rows.length === 0 || rows[rows.length - 1].position !== through) yield { kind: 'checkpoint', position: through };
          await new Promise((resolve) => setImmediate(resolve));
        } else if (!caughtUp) {
          caughtUp = true;
          yield { kind: 'caught-up', position: cursor > 0n ? cursor : null };
        } else {
          await this.nextAppend();
        }
      }
    } finally {
      // Also when the consumer stops early (break out of for await).
      this.end();
    }
  }

  private async nextAppend(): Promise<void> {
    await new Promise<void>((resolve) => {
      const cancel = this.appends.onNextAppend(resolve);
      this.stopWaiting = () => {
        cancel();
        resolve();
      };
    });
    this.stopWaiting = undefined;
  }
}
