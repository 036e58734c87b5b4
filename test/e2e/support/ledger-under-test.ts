import type { INestApplication } from '@nestjs/common';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { EVENT_STORE } from '@ledger/application';
import type { EventStore, RecordedEvent } from '@ledger/event-store';
import type { ProjectionEngine } from '@ledger/projections';
import { loadApiConfig } from '../../../apps/api/src/config/api-config';
import { type CreateAppOptions, createApp } from '../../../apps/api/src/create-app';
import { PROJECTION_RUNNER } from '../../../apps/api/src/read-models/read-models.tokens';

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

/**
 * The suites act as the development people (X-Ledger-Dev-User), so they turn development
 * identities on; a test of sign-in itself turns them off with LEDGER_DEV_IDENTITIES: '0'. The
 * rate limits are lifted: the suites send far more requests a minute than a person would.
 */
export const TEST_ENV: Readonly<Record<string, string>> = {
  LEDGER_DEV_IDENTITIES: '1',
  LEDGER_SIGN_IN_PER_MINUTE: '1000000',
  LEDGER_HEAVY_READS_PER_MINUTE: '1000000',
  // A page that reads its own write must show it even when the machine running the suites is loaded.
  LEDGER_READ_WAIT_MS: '30000',
};

export function temporaryDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-'));
}

export function removeDataDir(dataDir: string): void {
  fs.rmSync(dataDir, { recursive: true, force: true });
}

/**
 * `env` adds to the environment the API reads (LEDGER_DEV_USER_*, NODE_ENV...) after TEST_ENV. `eventStore`: a
 * raw store to run on instead of the embedded one in the data folder; the caller closes it.
 */
export async function startLedger(
  dataDir = temporaryDataDir(),
  env: Record<string, string> = {},
  options: { eventStore?: EventStore; log?: CreateAppOptions['log'] } = {},
): Promise<LedgerUnderTest> {
  const app = await createApp({ config: loadApiConfig({ ...TEST_ENV, ...env, LEDGER_DATA_DIR: dataDir }), eventStore: options.eventStore, logger: ['error'], log: options.log });
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

/**
 * Waits until every read model has applied everything in the log. A page reads several read
 * models, so waiting on one of them (as an `?atLeast=` read of one route does) is not enough, and
 * a loaded machine may take longer than the API's own bounded wait.
 */
export async function readModelsCaughtUp(ledger: Pick<LedgerUnderTest, 'app' | 'store'>, timeoutMs = 30_000): Promise<void> {
  const head = await ledger.store.headPosition();
  if (head === null) return;
  if (!(await ledger.app.get<ProjectionEngine>(PROJECTION_RUNNER).waitForPosition(head, timeoutMs))) throw new Error(`The read models did not reach position ${head} in ${timeoutMs} ms`);
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
