import type { INestApplication } from '@nestjs/common';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { EVENT_STORE } from '@ledger/application';
import type { EventStore, RecordedEvent } from '@ledger/event-store';
import { loadApiConfig } from '../../../apps/api/src/config/api-config';
import { type CreateAppOptions, createApp } from '../../../apps/api/src/create-app';

/** The real API on a temporary data folder, listening on a free loopback port. */
export interface LedgerUnderTest {
  dataDir: string;
  url: string;
  app: INestApplication;
  store: EventStore;
  http(): ReturnType<typeof request>;
  /** Stops the server; the data folder stays, for a restart on it. */
  stop(): Promise<void>;
}

export function temporaryDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-'));
}

export function removeDataDir(dataDir: string): void {
  fs.rmSync(dataDir, { recursive: true, force: true });
}

/**
 * `env` adds to the environment the API reads (LEDGER_DEV_USER_*, NODE_ENV...). `eventStore`: a
 * raw store to run on instead of the embedded one in the data folder; the caller closes it.
 */
export async function startLedger(
  dataDir = temporaryDataDir(),
  env: Record<string, string> = {},
  options: { eventStore?: EventStore; log?: CreateAppOptions['log'] } = {},
): Promise<LedgerUnderTest> {
  const app = await createApp({ config: loadApiConfig({ ...env, LEDGER_DATA_DIR: dataDir }), eventStore: options.eventStore, logger: ['error'], log: options.log });
  await app.listen(0, '127.0.0.1');
  const url = await app.getUrl();
  return {
    dataDir,
    url,
    app,
    store: app.get<EventStore>(EVENT_STORE),
    http: () => request(url),
    stop: () => app.close(),
  };
}

export async function readLog(store: EventStore): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  for await (const event of store.readAll()) events.push(event);
  return events;
}

/** What "the log did not change" is checked against. */
export async function logSnapshot(store: EventStore): Promise<{ head: bigint | null; ids: string[] }> {
  return { head: await store.headPosition(), ids: (await readLog(store)).map((event) => event.id) };
}
