import { Inject, Injectable } from '@nestjs/common';
import type { EventStore } from '@ledger/event-store';
import type { ReadModels } from '@ledger/projections';
import { ReadContext } from '../../read-models/read-context';
import { READ_LOG } from '../../read-models/read-models.tokens';

/**
 * The read side the JSON API serves from (ReadModelsModule): its context (read models, today
 * from the application's clock, waiting for a position) and the log as it reads it, for "as at".
 */
@Injectable()
export class LedgerReads {
  constructor(
    readonly context: ReadContext,
    /** The log as /api/read/as-at replays it. */
    @Inject(READ_LOG) readonly log: EventStore,
  ) {}

  get readModels(): ReadModels {
    return this.context.readModels;
  }
}
