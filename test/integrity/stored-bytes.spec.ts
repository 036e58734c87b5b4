import Database from 'better-sqlite3';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { EventStoreDecorator, type RecordedEvent, SqliteEventStore } from '@ledger/event-store';
import { exportToFile, fromRecordedEvents, readLog, readManifest, verifyEvents, verifyStore } from '@ledger/integrity';
import { generateLedger } from './support/generate-ledger';
import { ledgerProcess } from './support/run-ledger';
import { REC_03_STREAM, type TempLedger, sampleLedgerInTempDir } from './support/sample-ledger';

/** The same store, seen only through the port: the integrity tools take their general path. */
class PortOnly extends EventStoreDecorator {}

async function all(store: SqliteEventStore): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  for await (const event of store.readAll()) events.push(event);
  return events;
}

describe('verification and the canonical export on the stored bytes', () => {
  let ledger: TempLedger;

  beforeAll(async () => {
    ledger = await sampleLedgerInTempDir();
    await generateLedger(ledger.store, 3000, { concurrency: 16 });
  });
  afterAll(() => ledger.dispose());

  it('verify on the stored bytes gives the full verification’s report', async () => {
    const fast = await verifyStore(ledger.store);
    const full = await verifyEvents(fromRecordedEvents(readLog(ledger.store)));

    expect(fast).toEqual(full);
    expect(fast).toMatchObject({ ok: true, events: (await all(ledger.store)).length });
  });

  it('the whole-ledger JSONL export from the stored bytes is byte for byte the general path’s, and so is its streamed manifest', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-export-'));
    try {
      const now = () => new Date('2025-04-01T09:00:00.000Z');
      const fast = await exportToFile(ledger.store, path.join(dir, 'fast.jsonl'), { format: 'jsonl', now });
      const general = await exportToFile(new PortOnly(ledger.store), path.join(dir, 'general.jsonl'), { format: 'jsonl', now });

      expect(fs.readFileSync(fast.file)).toEqual(fs.readFileSync(general.file));
      const manifest = (file: string) => fs.readFileSync(file, 'utf8').replace(/fast\.jsonl|general\.jsonl/g, 'x.jsonl');
      expect(manifest(fast.manifestFile)).toBe(manifest(general.manifestFile));
      expect(readManifest(fast.manifestFile).streamList.length).toBeGreaterThan(100);
      expect(ledgerProcess(['verify', fast.file], {}).code).toBe(0);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** The event store's first schema, as files written before canonical storage hold it. */
const VERSION_1_SCHEMA = `
CREATE TABLE events (
  position  INTEGER PRIMARY KEY CHECK (position > 0),
  stream_id TEXT    NOT NULL CHECK (length(stream_id) > 0),
  revision  INTEGER NOT NULL CHECK (revision >= 0),
  event_id  TEXT    NOT NULL UNIQUE,
  type      TEXT    NOT NULL CHECK (length(type) > 0),
  data      TEXT    NOT NULL CHECK (json_valid(data) AND json_type(data) = 'object'),
  metadata  TEXT    NOT NULL CHECK (json_valid(metadata) AND json_type(metadata) = 'object'),
  created   TEXT    NOT NULL,
  UNIQUE (stream_id, revision)
) STRICT;
CREATE TRIGGER events_refuse_update BEFORE UPDATE ON events BEGIN SELECT RAISE(ABORT, 'ledger events are append-only'); END;
CREATE TRIGGER events_refuse_delete BEFORE DELETE ON events BEGIN SELECT RAISE(ABORT, 'ledger events are append-only'); END;
PRAGMA user_version = 1;
`;

describe('a ledger written with schema 1 is migrated to canonical storage', () => {
  let source: TempLedger;
  let events: RecordedEvent[];
  let digest: string;
  let dataDir: string;

  beforeAll(async () => {
    source = await sampleLedgerInTempDir();
    events = await all(source.store);
    const run = ledgerProcess(['verify', '--json'], { LEDGER_DATA_DIR: source.dataDir });
    expect(run.code).toBe(0);
    digest = JSON.parse(run.stdout).digest;
  }, 60_000);
  afterAll(() => source.dispose());

  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-v1-'));
  });
  afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  /** The same events as schema 1 stored them: JSON.stringify of data and metadata, hashes inside. */
  function writeVersion1(edit: (event: RecordedEvent) => RecordedEvent = (event) => event): string {
    const file = path.join(dataDir, 'events.sqlite');
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.exec(VERSION_1_SCHEMA);
    const insert = db.prepare('INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    for (const event of events.map(edit)) {
      insert.run(event.position, event.streamId, event.revision, event.id, event.type, JSON.stringify(event.data), JSON.stringify(event.metadata), event.created.toISOString());
    }
    db.close();
    return file;
  }

  it('`ledger verify` proves nothing changed: same events, same digest; the file stays append-only', async () => {
    const file = writeVersion1();

    const run = ledgerProcess(['verify', '--json'], { LEDGER_DATA_DIR: dataDir });

    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ ok: true, events: events.length, digest });
    const db = new Database(file);
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(2);
      expect(() => db.prepare('UPDATE events SET type = type').run()).toThrow(/append-only/);
      expect(() => db.prepare('DELETE FROM events').run()).toThrow(/append-only/);
      const row = db.prepare<[], { metadata: string; hash: string }>('SELECT metadata, hash FROM events WHERE position = 1').get()!;
      expect(JSON.parse(row.metadata)).not.toHaveProperty('hash');
      expect(row.hash).toBe(events[0].metadata.hash);
    } finally {
      db.close();
    }
    const migrated = SqliteEventStore.open(file);
    try {
      expect(await all(migrated)).toEqual(events);
    } finally {
      await migrated.close();
    }
  });

  it('an event edited before the migration is still caught after it, at its place', () => {
    writeVersion1((event) =>
      event.streamId === REC_03_STREAM && event.revision === 1n ? { ...event, data: { ...event.data, commitment: 'Something else' } } : event,
    );

    const run = ledgerProcess(['verify', '--json'], { LEDGER_DATA_DIR: dataDir });

    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout).break).toMatchObject({ problem: 'hash-mismatch', streamId: REC_03_STREAM, revision: '1' });
  });
});

