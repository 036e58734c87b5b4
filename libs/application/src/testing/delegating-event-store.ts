import type { EventStore, EventToAppend, ExpectedRevision, SubscribeToAllOptions } from '@ledger/event-store';

/** An EventStore that passes everything to another; tests override one method to stage a fault. */
export class DelegatingEventStore implements EventStore {
  constructor(protected readonly inner: EventStore) {}

  append(streamId: string, events: EventToAppend[], expected: ExpectedRevision) {
    return this.inner.append(streamId, events, expected);
  }
  readStream: EventStore['readStream'] = (...args) => this.inner.readStream(...args);
  readAll: EventStore['readAll'] = (...args) => this.inner.readAll(...args);
  subscribeToAll(options?: SubscribeToAllOptions) {
    return this.inner.subscribeToAll(options);
  }
  headPosition = () => this.inner.headPosition();
  health = () => this.inner.health();
  close = () => this.inner.close();
}
