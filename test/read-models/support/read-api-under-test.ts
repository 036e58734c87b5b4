import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import type { Clock } from '@ledger/application';
import { loadApiConfig } from '../../../apps/api/src/config/api-config';
import { TEST_ENV } from '../../e2e/support/ledger-under-test';
import { createApp } from '../../../apps/api/src/create-app';

export interface ReadApi {
  app: INestApplication;
  url: string;
  http(): ReturnType<typeof request>;
  stop(): Promise<void>;
}

/** The real API (createApp) on a data folder with a fixed clock, listening on loopback. `env` adds to TEST_ENV. */
export async function startReadApi(dataDir: string, clock: Clock, env: Record<string, string> = {}): Promise<ReadApi> {
  const config = loadApiConfig({ ...TEST_ENV, ...env, LEDGER_DATA_DIR: dataDir });
  const app = await createApp({ config, clock, logger: false });
  await app.listen(0, '127.0.0.1');
  const url = await app.getUrl();
  return { app, url, http: () => request(url), stop: () => app.close() };
}
