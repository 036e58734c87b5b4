import Database from 'better-sqlite3';
import { REC_03_STREAM, REC_05_STREAM, type TempLedger, sampleLedgerInTempDir } from './support/sample-ledger';
import { ledgerProcess } from './support/run-ledger';

/**
 * Someone with write access to the embedded store's file drops its append-only triggers and
 * edits the log directly. `ledger verify`, run as the real CLI, names the place.
 */
describe('tampering with the SQLite file is caught by `ledger verify`', () => {
  let ledger: TempLedger;
  let publishedDigest: string;

  beforeEach(async () => {
    ledger = await sampleLedgerInTempDir();
    await ledger.store.close();
    const run = ledgerProcess(['verify', '--json'], { LEDGER_DATA_DIR: ledger.dataDir });
    expect(run).toMatchObject({ code: 0 });
    publishedDigest = JSON.parse(run.stdout).digest;
  }, 60_000);

  afterEach(() => ledger.dispose());

  function tamper(sql: string): void {
    const db = new Database(ledger.file);
    try {
      expect(() => db.prepare(sql).run()).toThrow(/append-only/);
      const triggers = db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'events'").all();
      for (const { name } of triggers) db.exec(`DROP TRIGGER "${name}"`);
      expect(db.prepare(sql).run().changes).toBeGreaterThan(0);
    } finally {
      db.close();
    }
  }

  function verify(...args: string[]) {
    const run = ledgerProcess(['verify', ...args], { LEDGER_DATA_DIR: ledger.dataDir });
    return { code: run.code, stdout: run.stdout, result: args.includes('--json') ? JSON.parse(run.stdout) : null };
  }

  it('an edited field of a stored event: hash-mismatch at its stream, revision and position', () => {
    tamper(`UPDATE events SET data = json_set(data, '$.plannedCompletionDate', '2025-06-30') WHERE stream_id = '${REC_03_STREAM}' AND revision = 1`);
    const { code, stdout } = verify();
    expect(code).toBe(1);
    expect(stdout).toMatch(new RegExp(`^BROKEN: the live ledger: hash-mismatch at stream ${REC_03_STREAM}, revision 1, event [0-9a-f-]{36}, position 8: recorded hash [0-9a-f]{64}, recomputed [0-9a-f]{64}`));
  }, 60_000);

  it('an edited actor in the metadata: hash-mismatch there too', () => {
    tamper(`UPDATE events SET metadata = json_set(metadata, '$.actor.name', 'Someone Else') WHERE stream_id = '${REC_05_STREAM}' AND revision = 4`);
    expect(verify('--json').result.break).toMatchObject({ problem: 'hash-mismatch', streamId: REC_05_STREAM, revision: '4', position: '19' });
  }, 60_000);

  it('a deleted event: missing-revision, naming the revision that is gone', () => {
    tamper(`DELETE FROM events WHERE stream_id = '${REC_03_STREAM}' AND revision = 3`);
    expect(verify('--json').result.break).toMatchObject({ problem: 'missing-revision', streamId: REC_03_STREAM, revision: '3', position: '13' });
  }, 60_000);

  it('a whole stream deleted: every remaining chain holds, and the published digest no longer matches', () => {
    tamper(`DELETE FROM events WHERE stream_id = '${REC_05_STREAM}'`);
    expect(verify().code).toBe(0);
    const { code, result } = verify('--json', '--expect-digest', publishedDigest);
    expect(code).toBe(1);
    expect(result.break).toMatchObject({ problem: 'digest-mismatch' });
    expect(result.break.detail).toContain(publishedDigest);
  }, 60_000);
});
