import type { SubscribeToAllOptions, Subscription, SubscriptionMessage } from '../event-store.port';
import type { AppendNotifier } from './append-notifier';
import { type EventRow, toRecordedEvent } from './event-row';

/**
 * A catch-up subscription that reads the log in pages after its cursor and, once it has read
 * everything, waits for the next append and reads again. Because positions are gap-free and
 * assigned in commit order, "every row after the cursor" can never miss or repeat an event,
 * however subscriptions and appends interleave. Pull-based: a slow consumer holds no buffer.
 */
export class SqliteSubscription implements Subscription {
  private closed = false;
  private stopWaiting: (() => void) | undefined;
  private readonly messages: AsyncGenerator<SubscriptionMessage>;

  constructor(
    private readonly readPage: (after: bigint) => EventRow[],
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
    const prefixes = this.options.streamPrefixes;
    const matches = (streamId: string) => prefixes === undefined || prefixes.some((prefix) => streamId.startsWith(prefix));
    let cursor = this.options.after ?? 0n;
    let caughtUp = false;
    try {
      while (!this.closed) {
        const page = this.readPage(cursor);
        if (page.length > 0) {
          for (const row of page) {
            cursor = row.position;
            if (matches(row.stream_id)) {
              yield { kind: 'event', event: toRecordedEvent(row) };
              if (this.closed) return;
            }
          }
          if (!matches(page[page.length - 1].stream_id)) yield { kind: 'checkpoint', position: cursor };
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
