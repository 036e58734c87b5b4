import { Inject, Injectable } from '@nestjs/common';
import type { ApiConfig } from '../../../config/api-config';
import { API_CONFIG } from '../../../config/tokens';
import { DevUserDirectory, type DevUser } from '../../../identity/dev-users';

/**
 * The development people the pages may act as, and whether choosing one is allowed at all (only
 * in development mode). The directory and the configuration are the application's own (AppModule
 * provides them), so the pages and the identity guard agree.
 */
@Injectable()
export class DevelopmentPeople {
  constructor(
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    private readonly directory: DevUserDirectory,
  ) {}

  get selectable(): boolean {
    return this.config.devIdentities;
  }

  all(): DevUser[] {
    return this.directory.all();
  }

  find(id: string): DevUser | undefined {
    return this.directory.find(id);
  }
}
