import * as fs from 'node:fs';
import * as path from 'node:path';
import { SqliteEventStore } from '@ledger/event-store';
import { type EsdbEmulator, startEmulator } from '../esdb-emulator/start-emulator';
import { REC_03_STREAM, type TempLedger, sampleLedgerInTempDir, tempDir } from './support/sample-ledger';
import { ledger } from './support/run-ledger';

describe('`ledger import`: moving a ledger between stores through its canonical export', () => {
  let sample: TempLedger;
  let exported: string;
  let exportedBytes: Buffer;
  const scratch = tempDir();

  beforeAll(async () => {
    sample = await sampleLedgerInTempDir();
    exported = path.join(scratch.dir, 'ledger.jsonl');
    expect((await ledger(['export', '--format', 'jsonl', '--out', exported, '--unsigned'], { LEDGER_DATA_DIR: sample.dataDir })).code).toBe(0);
    exportedBytes = fs.readFileSync(exported);
  });

  afterAll(async () => {
    await sample.dispose();
    scratch.dispose();
  });

  function emptyDataDir(): string {
    return fs.mkdtempSync(path.join(scratch.dir, 'target-'));
  }

  async function headOf(dataDir: string): Promise<bigint | null> {
    const store = SqliteEventStore.open(path.join(dataDir, 'events.sqlite'));
    try {
      return await store.headPosition();
    } finally {
      await store.close();
    }
  }

  it('embedded -> export -> import into an empty embedded store -> export again: byte-identical, and it verifies', async () => {
    const target = { LEDGER_DATA_DIR: emptyDataDir() };
    const imported = await ledger(['import', exported], target);
    expect(imported).toMatchObject({ code: 0, stderr: '' });
    expect(imported.stdout).toContain('Imported 22 events in 9 streams');
    expect((await ledger(['verify'], target)).code).toBe(0);

    const again = path.join(scratch.dir, 'again.jsonl');
    expect((await ledger(['export', '--format', 'jsonl', '--out', again, '--unsigned'], target)).code).toBe(0);
    expect(fs.readFileSync(again).equals(exportedBytes)).toBe(true);
  });

  it('refuses a store that is not empty, before writing anything', async () => {
    const run = await ledger(['import', exported], { LEDGER_DATA_DIR: sample.dataDir });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('the target store is not empty');
    expect(await headOf(sample.dataDir)).toBe(22n);
  });

  it('refuses a file whose chain is broken anywhere, before writing anything', async () => {
    const lines = exportedBytes.toString('utf8').split('\n');
    const last = lines.length - 2;
    lines[last] = lines[last].replace('"plannedCompletionDate":"2025-09-30"', '"plannedCompletionDate":"2026-09-30"');
    const broken = path.join(scratch.dir, 'broken.jsonl');
    fs.writeFileSync(broken, lines.join('\n'));
    const target = emptyDataDir();
    const run = await ledger(['import', broken], { LEDGER_DATA_DIR: target });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/does not verify, nothing was imported: hash-mismatch at stream recommendation-finding-afi-1, revision 1/);
    expect(await headOf(target)).toBeNull();
  });

  it('refuses a file that does not match its manifest (a stream dropped), before writing anything', async () => {
    const folder = fs.mkdtempSync(path.join(scratch.dir, 'dropped-'));
    const file = path.join(folder, 'ledger.jsonl');
    const kept = exportedBytes.toString('utf8').split('\n').filter((line) => !line.includes(`"streamId":"${REC_03_STREAM}"`));
    fs.writeFileSync(file, kept.join('\n'));
    fs.copyFileSync(`${exported}.manifest.json`, `${file}.manifest.json`);
    const target = emptyDataDir();
    const run = await ledger(['import', file], { LEDGER_DATA_DIR: target });
    expect(run.stderr).toContain(`stream-missing at stream ${REC_03_STREAM}`);
    expect(await headOf(target)).toBeNull();
  });

  describe('into the EventStoreDB adapter (on the emulator)', () => {
    let emulator: EsdbEmulator;

    beforeAll(async () => {
      emulator = await startEmulator({ initialPosition: 2n ** 40n });
    }, 30_000);

    afterAll(async () => {
      await emulator?.stop();
    });

    it('embedded -> export -> import into EventStoreDB -> export again: byte-identical, and verify passes', async () => {
      const esdb = { LEDGER_EVENT_STORE: 'esdb', ESDB_CONNECTION_STRING: emulator.connectionString };
      const imported = await ledger(['import', exported], esdb);
      expect(imported).toMatchObject({ code: 0, stderr: '' });

      const verified = await ledger(['verify', '--json'], esdb);
      expect(JSON.parse(verified.stdout)).toMatchObject({ ok: true, events: 22, streams: 9 });

      const again = path.join(scratch.dir, 'from-esdb.jsonl');
      expect((await ledger(['export', '--format', 'jsonl', '--out', again, '--unsigned'], esdb)).code).toBe(0);
      expect(fs.readFileSync(again).equals(exportedBytes)).toBe(true);
      expect((await ledger(['verify', again], {})).code).toBe(0);

      const positions = JSON.parse(fs.readFileSync(`${again}.manifest.json`, 'utf8'));
      expect(BigInt(positions.firstPosition)).toBeGreaterThanOrEqual(2n ** 40n);
      expect((await ledger(['import', exported], esdb)).stderr).toContain('the target store is not empty');
    }, 60_000);
  });
});
