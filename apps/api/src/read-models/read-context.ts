import { Inject, Injectable } from '@nestjs/common';
import type { Response } from 'express';
import { londonDate } from '@ledger/domain';
import type { ReadModels } from '@ledger/projections';
import { HistoryReader } from '@ledger/projections/read-models';
import { READ_MODELS, READ_SETTINGS, type ReadSettings } from './read-models.tokens';

/** Header saying whether the answer reflects the position asked for with `?atLeast=`. */
export const CONSISTENT_HEADER = 'Ledger-Consistent';

/** What every read answer says about itself. */
export interface ReadAnswer {
  /** The Europe/London date the derived values (overdue, RAG, day numbers) were worked out for. */
  today: string;
  /**
   * False only when `atLeast` was asked for and the read models had not reached it within the
   * wait: the answer is then served from what they have, and may not show that write yet.
   */
  consistent: boolean;
  /** The position asked for, when one was. */
  atLeast?: string;
}

/**
 * What the read routes share: the read models, the history reader (as-at and changes between
 * dates, answered off this thread), today's date, and waiting for a position.
 */
@Injectable()
export class ReadContext {
  constructor(
    @Inject(READ_MODELS) readonly readModels: ReadModels,
    @Inject(READ_SETTINGS) private readonly settings: ReadSettings,
    readonly history: HistoryReader,
  ) {}

  today(): string {
    return londonDate(this.settings.clock());
  }

  /**
   * Read your own writes: waits (bounded) until the projections the route reads have applied
   * the log up to `atLeast`. A read model that does not get there in time (slow, or faulted)
   * still answers, with `consistent: false` and the header saying so, rather than failing.
   */
  async begin(atLeast: bigint | undefined, projections: readonly string[], response: Response): Promise<ReadAnswer> {
    const consistent = atLeast === undefined ? true : await this.readModels.waitForPosition(atLeast, this.settings.waitTimeoutMs, projections);
    response.setHeader(CONSISTENT_HEADER, String(consistent));
    return { today: this.today(), consistent, ...(atLeast === undefined ? {} : { atLeast: String(atLeast) }) };
  }
}
