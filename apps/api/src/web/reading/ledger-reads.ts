import { Injectable } from '@nestjs/common';
import type { ReadModels } from '@ledger/projections';
import type { HistoryReader } from '@ledger/projections/read-models';
import { ReadContext } from '../../read-models/read-context';

/**
 * The read side the JSON API serves from (ReadModelsModule): its context (read models, today
 * from the application's clock, waiting for a position).
 */
@Injectable()
export class LedgerReads {
  constructor(readonly context: ReadContext) {}

  get readModels(): ReadModels {
    return this.context.readModels;
  }

  /** As-at and changes between dates, answered in reader threads: await them rather than query the history here. */
  get history(): HistoryReader {
    return this.context.history;
  }
}
