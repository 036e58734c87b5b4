import { Inject, Injectable } from '@nestjs/common';
import type { Response } from 'express';
import type { ReadModels } from '@ledger/projections';
import { PUBLIC_REGISTER } from '@ledger/projections/read-models';
import { ReadContext } from '../read-models/read-context';
import { PUBLISHING_SETTINGS, type PublishingSettings } from './publishing.settings';

/**
 * The public register's read model, read as current. Its pages and feeds are opened from links
 * and calendars that carry no `?atLeast=`, so each read waits (bounded, like `atLeast`) for the
 * projection to reach the log's head as it stood when the request came: what was recorded before
 * shows. A projection that does not get there in time still answers, with the header saying so.
 */
@Injectable()
export class PublicRegisterReads {
  constructor(
    private readonly context: ReadContext,
    @Inject(PUBLISHING_SETTINGS) private readonly settings: PublishingSettings,
  ) {}

  get readModels(): ReadModels {
    return this.context.readModels;
  }

  async current(response: Response): Promise<ReadModels> {
    const head = await this.settings.store.headPosition();
    await this.context.begin(head ?? undefined, [PUBLIC_REGISTER], response);
    return this.context.readModels;
  }
}
