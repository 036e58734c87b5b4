import { EventStoreDecorator } from '../event-store-decorator';
import { mapAsyncIterable } from '../map-async-iterable';
import type {
  EventStore,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeToAllOptions,
  Subscription,
  SubscriptionMessage,
} from '../event-store.port';
import type { UpcasterRegistry } from './upcaster-registry';

/**
 * The port, with every event read brought to its type's current shape, so that the domain and the
 * projections only ever handle one shape per type. Appends pass through untouched. Integrity checks
 * (hashes) must read the inner store: they are over the events as stored.
 */
export class UpcastingEventStore extends EventStoreDecorator {
  constructor(
    inner: EventStore,
    private readonly upcasters: UpcasterRegistry,
  ) {
    super(inner);
  }

  override readStream(streamId: string, options?: ReadStreamOptions): AsyncIterable<RecordedEvent> {
    return this.upcasting(() => this.inner.readStream(streamId, options));
  }

  override readAll(options?: ReadAllOptions): AsyncIterable<RecordedEvent> {
    return this.upcasting(() => this.inner.readAll(options));
  }

  /** The inner read is started when iterated, as the store's own reads are. */
  private upcasting(read: () => AsyncIterable<RecordedEvent>): AsyncIterable<RecordedEvent> {
    return { [Symbol.asyncIterator]: () => mapAsyncIterable(read(), (event) => this.upcasters.upcast(event))[Symbol.asyncIterator]() };
  }

  override subscribeToAll(options?: SubscribeToAllOptions): Subscription {
    const inner = this.inner.subscribeToAll(options);
    const upcasters = this.upcasters;
    async function* messages(): AsyncGenerator<SubscriptionMessage> {
      for await (const message of inner) {
        yield message.kind === 'event' ? { kind: 'event', event: upcasters.upcast(message.event) } : message;
      }
    }
    const iterator = messages();
    return { [Symbol.asyncIterator]: () => iterator, close: () => inner.close() };
  }
}
