import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { ApiConfig } from '../../../config/api-config';
import { API_CONFIG } from '../../../config/tokens';
import { DevUserDirectory, type DevUser } from '../../../identity/dev-users';

/**
 * The development people the pages may act as, and whether choosing one is allowed at all (only
 * in development mode). The directory and the configuration are the application's own (AppModule
 * provides them), looked up rather than copied, so the pages and the identity guard agree.
 */
@Injectable()
export class DevelopmentPeople {
  constructor(private readonly moduleRef: ModuleRef) {}

  get selectable(): boolean {
    return this.moduleRef.get<ApiConfig>(API_CONFIG, { strict: false }).mode === 'development';
  }

  all(): DevUser[] {
    return this.directory().all();
  }

  find(id: string): DevUser | undefined {
    return this.directory().find(id);
  }

  private directory(): DevUserDirectory {
    return this.moduleRef.get(DevUserDirectory, { strict: false });
  }
}
