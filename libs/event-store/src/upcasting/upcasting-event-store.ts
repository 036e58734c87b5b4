import { EventStoreDecorator } from '../event-store-decorator';
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

  override async *readStream(streamId: string, options?: ReadStreamOptions): AsyncIterable<RecordedEvent> {
    for await (const event of this.inner.readStream(streamId, options)) yield this.upcasters.upcast(event);
  }

  override async *readAll(options?: ReadAllOptions): AsyncIterable<RecordedEvent> {
    for await (const event of this.inner.readAll(options)) yield this.upcasters.upcast(event);
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
