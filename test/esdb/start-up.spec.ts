/**
 * Choosing EventStoreDB by configuration: LEDGER_EVENT_STORE=esdb with ESDB_CONNECTION_STRING.
 * An unreachable server stops start-up at once with a message naming its address (the store
 * factory, the API's createApp and its real main), a reachable one is used, and the operator's
 * `ledger verify` checks the hash chains of a ledger held in EventStoreDB.
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import * as path from 'node:path';
import { EventStoreUnavailableError, createEventStore, eventStoreConfigFromEnv } from '@ledger/event-store';
import { EsdbEventStore } from '@ledger/event-store/esdb/esdb-event-store';
import { ledgerEventStore } from '@ledger/integrity';
import { loadApiConfig } from '../../apps/api/src/config/api-config';
import { createApp } from '../../apps/api/src/create-app';
import { ledger } from '../integrity/support/run-ledger';
import { FindingIssuerThread } from '@ledger/application';
import { type ProjectionEngine, ProjectionThread } from '@ledger/projections';
import { PROJECTION_RUNNER } from '../../apps/api/src/read-models/read-models.tokens';
import { post } from '../e2e/support/http';
import { removeDataDir, startLedger, temporaryDataDir } from '../e2e/support/ledger-under-test';
import { readSamplePage } from '../e2e/support/sample-page';
import { registration } from '../e2e/support/sample-requests';
import { LedgerDriver } from '../read-models/support/ledger-driver';
import { ID, recordSampleYear } from '../read-models/support/sample-year';
import { type EmulatedStore, startEmulatedStore } from './support/emulated-store';
import { closedPort } from './support/esdb-test-kit';

const ROOT = path.resolve(__dirname, '..', '..');
/** Well under the adapter's 5 s connect deadline: a refused connection is known at once. */
const FAST_MS = 4_000;

function esdbEnv(connectionString: string): Record<string, string> {
  return { LEDGER_EVENT_STORE: 'esdb', ESDB_CONNECTION_STRING: connectionString };
}

/** Runs a TypeScript entry point from source in a child process; resolves with its exit code and output. */
function runEntryPoint(entry: string, env: Record<string, string>, timeoutMs: number): Promise<{ code: number | null; stdout: string; stderr: string; ms: number }> {
  const started = Date.now();
  const child = spawn(process.execPath, ['-r', './test/support/register-ts.js', entry], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  return new Promise((resolve) =>
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, ms: Date.now() - started });
    }),
  );
}

describe('LEDGER_EVENT_STORE=esdb with a server that cannot be reached', () => {
  let address: string;
  let env: Record<string, string>;

  beforeAll(async () => {
    const port = await closedPort();
    address = `esdb://127.0.0.1:${port}`;
    env = esdbEnv(`esdb://127.0.0.1:${port}?tls=false`);
  });

  it('createEventStore fails fast with EventStoreUnavailableError naming the address', async () => {
    const started = Date.now();
    const error = await createEventStore(eventStoreConfigFromEnv(env)).catch((failure: unknown) => failure);

    expect(error).toBeInstanceOf(EventStoreUnavailableError);
    expect((error as Error).message).toContain(`Cannot reach EventStoreDB at ${address}`);
    expect(Date.now() - started).toBeLessThan(FAST_MS);
  });

  it("the API's createApp refuses to start, naming the address", async () => {
    const dataDir = temporaryDataDir();
    try {
      const started = Date.now();
      await expect(createApp({ config: loadApiConfig({ ...env, LEDGER_DATA_DIR: dataDir }), logger: false })).rejects.toThrow(
        `Cannot reach EventStoreDB at ${address}`,
      );
      expect(Date.now() - started).toBeLessThan(FAST_MS);
    } finally {
      removeDataDir(dataDir);
    }
  });

  it('the API process (apps/api/src/main.ts) exits 1 with the address, without listening', async () => {
    const dataDir = temporaryDataDir();
    try {
      const port = await closedPort();
      const run = await runEntryPoint('apps/api/src/main.ts', { ...env, LEDGER_DATA_DIR: dataDir, PORT: String(port) }, 60_000);

      expect(run.code).toBe(1);
      expect(run.stderr).toContain(`Cannot reach EventStoreDB at ${address}`);
      expect(run.stdout).not.toContain('listening');
    } finally {
      removeDataDir(dataDir);
    }
  }, 70_000);

  it('the embedded default does not load the EventStoreDB client at all', async () => {
    const probe = "require('./libs/event-store/src/index.ts'); console.log(Object.keys(require.cache).filter((f) => f.includes('@eventstore/db-client')).length)";
    const child = spawn(process.execPath, ['-r', './test/support/register-ts.js', '-e', probe], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    await new Promise((resolve) => child.once('close', resolve));
    expect(out.trim()).toBe('0');
  });
});

describe('LEDGER_EVENT_STORE=esdb with a server that answers (the emulator)', () => {
  let emulated: EmulatedStore;
  let env: Record<string, string>;

  beforeAll(async () => {
    emulated = await startEmulatedStore();
    env = esdbEnv(emulated.emulator.connectionString);
    const driver = await LedgerDriver.start(ledgerEventStore(emulated.store));
    try {
      await recordSampleYear(driver);
    } finally {
      await driver.close();
    }
  });

  afterAll(async () => {
    await emulated?.close();
  });

  it('createEventStore connects the EventStoreDB adapter to it', async () => {
    const store = await createEventStore(eventStoreConfigFromEnv(env));
    try {
      expect(store).toBeInstanceOf(EsdbEventStore);
      expect(await store.health()).toEqual({ ok: true, kind: 'esdb', detail: `EventStoreDB at esdb://127.0.0.1:${emulated.emulator.port} answers` });
      expect(await store.headPosition()).toBe(await emulated.store.headPosition());
    } finally {
      await store.close();
    }
  });

  it('the API started on it runs its projections and its finding issuer in worker threads with connections of their own, and reads its own writes through ?atLeast=', async () => {
    const api = await startLedger(temporaryDataDir(), env);
    try {
      expect(api.app.get(PROJECTION_RUNNER)).toBeInstanceOf(ProjectionThread);
      await api.app.get(FindingIssuerThread).whenCaughtUp();
      const registered = await post(api, '/api/inspections', { ...registration(readSamplePage()), title: `Inspection read back through a worker thread ${randomUUID()}` }).expect(201);

      const read = await api.http().get('/api/read/register').query({ inspectionId: registered.body.inspectionId, atLeast: registered.body.position }).expect(200);

      expect(read.headers['ledger-consistent']).toBe('true');
      expect(read.body.total).toBe(registered.body.findingIds.length);
      const statuses = await api.app.get<ProjectionEngine>(PROJECTION_RUNNER).status();
      expect(statuses.map((status) => status.error)).toEqual(statuses.map(() => null));
    } finally {
      await api.stop();
      removeDataDir(api.dataDir);
    }
  });

  it('`ledger verify` recomputes every hash of the ledger held there', async () => {
    const events: string[] = [];
    const streams = new Set<string>();
    for await (const event of emulated.store.readAll()) {
      events.push(event.id);
      streams.add(event.streamId);
    }

    const run = await ledger(['verify', '--json'], env);

    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      ok: true,
      break: null,
      events: events.length,
      streams: streams.size,
      lastPosition: String(await emulated.store.headPosition()),
    });
  });

  it('`ledger verify` exits 1 naming the stream when an event without its hash is slipped into a ledger stream', async () => {
    const stream = `recommendation-${ID.rec05}`;
    await emulated.store.append(stream, [{ id: randomUUID(), type: 'RecommendationProgressRecorded', data: { recommendationId: ID.rec05, narrative: 'Slipped in' }, metadata: {} }], 'any');

    const run = await ledger(['verify'], env);

    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^BROKEN: the live ledger: /);
    expect(run.stdout).toContain(stream);
  });
});
