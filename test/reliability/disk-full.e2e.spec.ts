import type Database from 'better-sqlite3';
import * as path from 'node:path';
import { SqliteEventStore } from '@ledger/event-store';
import { readSamplePage } from '../e2e/support/sample-page';
import { registration } from '../e2e/support/sample-requests';
import { post } from '../e2e/support/http';
import { logSnapshot, readLog, removeDataDir, startLedger, temporaryDataDir, type LedgerUnderTest } from '../e2e/support/ledger-under-test';

/**
 * A full disk, injected as SQLite itself reports one (SQLITE_FULL): the log's file may not grow
 * by a single page. Commands get a clear 503, nothing is half-written, and once space is freed
 * the same command succeeds.
 */
describe('disk full', () => {
  let ledger: LedgerUnderTest;
  let raw: SqliteEventStore;
  let db: Database.Database;

  beforeEach(async () => {
    const dataDir = temporaryDataDir();
    raw = SqliteEventStore.open(path.join(dataDir, 'events.sqlite'));
    db = (raw as unknown as { db: Database.Database }).db;
    ledger = await startLedger(dataDir, {}, { eventStore: raw });
  });
  afterEach(async () => {
    await ledger.stop();
    await raw.close();
    removeDataDir(ledger.dataDir);
  });

  it('answers 503 saying the disk is full, records nothing, keeps the file sound, and records once space is freed', async () => {
    const before = await logSnapshot(ledger.store);
    await raw.writerPragma(`max_page_count = ${Number(await raw.writerPragma('page_count'))}`);

    const refused = await post(ledger, '/api/inspections', registration(readSamplePage()));

    expect(refused.status).toBe(503);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.body.detail).toContain("The ledger's disk is full; nothing was recorded");
    // The inspection's natural key may have been reserved before the disk filled: bookkeeping that
    // a later registration takes over, not a ledger entry.
    const after = await logSnapshot(ledger.store);
    const added = (await readLog(ledger.store)).filter((event) => !before.ids.includes(event.id));
    expect(added.every((event) => event.streamId.startsWith('reservation-inspection-'))).toBe(true);
    expect(after.ids.length - before.ids.length).toBe(added.length);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect((await ledger.http().get('/health')).status).toBeLessThan(500);

    await raw.writerPragma('max_page_count = 1073741823');
    // The same inspection, sent again at once: the refused registration's reservation does not hold its title.
    const recorded = await post(ledger, '/api/inspections', registration(readSamplePage()));

    expect(recorded.status).toBe(201);
    expect((await logSnapshot(ledger.store)).head).toBeGreaterThan(before.head ?? 0n);
    const registered = (await readLog(ledger.store)).filter((event) => event.type === 'InspectionRegistered');
    expect(registered.map((event) => event.data['title'])).toEqual([readSamplePage().title]);
  });
});
