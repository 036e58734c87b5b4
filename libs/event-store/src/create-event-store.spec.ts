import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createEventStore, eventStoreConfigFromEnv } from './create-event-store';

describe('eventStoreConfigFromEnv', () => {
  it('defaults to the embedded store in ./data', () => {
    expect(eventStoreConfigFromEnv({})).toEqual({ kind: 'embedded', dataDir: './data' });
    expect(eventStoreConfigFromEnv({ LEDGER_EVENT_STORE: '', LEDGER_DATA_DIR: '' })).toEqual({ kind: 'embedded', dataDir: './data' });
  });

  it('takes the embedded data folder from LEDGER_DATA_DIR', () => {
    expect(eventStoreConfigFromEnv({ LEDGER_EVENT_STORE: 'embedded', LEDGER_DATA_DIR: '/var/lib/ledger' })).toEqual({
      kind: 'embedded',
      dataDir: '/var/lib/ledger',
    });
  });

  it('takes EventStoreDB from ESDB_CONNECTION_STRING', () => {
    expect(eventStoreConfigFromEnv({ LEDGER_EVENT_STORE: 'esdb', ESDB_CONNECTION_STRING: 'esdb://db:2113?tls=false' })).toEqual({
      kind: 'esdb',
      connectionString: 'esdb://db:2113?tls=false',
    });
  });

  it('refuses EventStoreDB without a connection string, naming the variable', () => {
    expect(() => eventStoreConfigFromEnv({ LEDGER_EVENT_STORE: 'esdb' })).toThrow('ESDB_CONNECTION_STRING is required when LEDGER_EVENT_STORE=esdb');
    expect(() => eventStoreConfigFromEnv({ LEDGER_EVENT_STORE: 'esdb', ESDB_CONNECTION_STRING: '  ' })).toThrow('ESDB_CONNECTION_STRING');
  });

  it('refuses an unknown store kind, naming the variable', () => {
    expect(() => eventStoreConfigFromEnv({ LEDGER_EVENT_STORE: 'postgres' })).toThrow(
      'LEDGER_EVENT_STORE must be "embedded" or "esdb", not "postgres"',
    );
  });
});

describe('createEventStore', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-'));
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('opens the embedded store in <dataDir>/events.sqlite, creating the folder, and finds its events again', async () => {
    const dataDir = path.join(dir, 'nested', 'data');
    const store = await createEventStore({ kind: 'embedded', dataDir });
    await store.append('inspection-1', [{ id: randomUUID(), type: 'InspectionRegistered', data: {}, metadata: {} }], 'no_stream');
    await store.close();

    expect(fs.existsSync(path.join(dataDir, 'events.sqlite'))).toBe(true);
    const reopened = await createEventStore({ kind: 'embedded', dataDir });
    expect(await reopened.headPosition()).toBe(1n);
    expect((await reopened.health()).kind).toBe('embedded');
    await reopened.close();
  });
});
