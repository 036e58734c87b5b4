import { Query } from '@nestjs/cqrs';
import type { RecordedEvent } from '@ledger/event-store';

/** Every event of one stream, in order, with its metadata: the raw audit trail of an aggregate. */
export class StreamHistoryQuery extends Query<RecordedEvent[]> {
  constructor(readonly streamId: string) {
    super();
  }
}
