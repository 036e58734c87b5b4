import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { SqliteEventStore } from '@ledger/event-store';
import { ProjectionRunner, ReadModels, verifyProjections } from '@ledger/projections';
import { appendEvents, countsByType, eventLog, rowsOf, SILENT_LOGGER } from '@ledger/projections/test-fixtures/test-projections';

const repositoryRoot = path.resolve(__dirname, '../..');
const CHILD = path.join(__dirname, 'fixtures/projection-child.ts');
const EVENTS = 3000;

/** Runs the child to its end (or its SIGKILL) and returns its JSON lines. */
function runChild(dataDir: string, ...args: string[]) {
  const child = spawnSync(process.execPath, ['-r', './test/support/register-ts.js', CHILD, dataDir, ...args], {
    cwd: repositoryRoot,
    encoding: 'utf8',
    timeout: 60_000,
  });
  const lines = child.stdout.split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>);
  return { signal: child.signal, status: child.status, stderr: child.stderr, lines };
}

describe('projections killed with SIGKILL', () => {
  let dir: string;
  let store: SqliteEventStore;

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-'));
    store = SqliteEventStore.open(path.join(dir, 'events.sqlite'));
    await appendEvents(store, EVENTS, { perAppend: 100 });
  });

  afterEach(async () => {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** Builds the read models into `file` in this process, from the start of the log, without interruption. */
  async function uninterrupted(file: string): Promise<ReadModels> {
    const readModels = ReadModels.open(file, [eventLog(), countsByType()]);
    const runner = new ProjectionRunner({ store, readModels, logger: SILENT_LOGGER });
    await runner.start();
    expect(await readModels.waitForPosition(BigInt(EVENTS), 20_000)).toBe(true);
    await runner.stop();
    return readModels;
  }

  it('a rebuild killed half way leaves the old generation serving, and the next one starts again in a fresh file and ends identical to an uninterrupted one', async () => {
    (await uninterrupted(path.join(dir, 'read-models.sqlite'))).close();

    const killed = runChild(dir, 'rebuild', '--kill-at', '1700');
    expect({ signal: killed.signal, stderr: killed.stderr }).toEqual({ signal: 'SIGKILL', stderr: '' });
    const halfBuilt = ReadModels.open(path.join(dir, 'read-models.sqlite'), [eventLog(), countsByType()]);
    expect(halfBuilt.registry.building('event_log')).toMatchObject({ generation: 2, checkpoint: 1664n }); // 26 batches of 64
    expect(halfBuilt.table('event_log', 'seen')).toBe('event_log__g1.seen');
    expect(rowsOf(halfBuilt, 'event_log', 'seen')).toHaveLength(EVENTS);
    halfBuilt.close();
    // Written without a journal, the half-built file cannot be trusted after a kill: it is thrown away.
    expect(fs.existsSync(path.join(dir, 'read-models.event_log.g2.sqlite'))).toBe(true);

    const restarted = runChild(dir, 'rebuild');
    expect({ status: restarted.status, stderr: restarted.stderr }).toEqual({ status: 0, stderr: '' });
    const [firstReport] = restarted.lines;
    expect(firstReport).toMatchObject({ projection: 'event_log', generation: 3, eventsDone: 64, eventsTotal: EVENTS });
    expect(restarted.lines.filter((line) => 'seconds' in line)).toMatchObject([
      { projection: 'event_log', generation: 3, events: EVENTS },
      { projection: 'counts_by_type', generation: 2, events: EVENTS },
    ]);
    expect(fs.existsSync(path.join(dir, 'read-models.event_log.g2.sqlite'))).toBe(false);

    const rebuilt = ReadModels.open(path.join(dir, 'read-models.sqlite'), [eventLog(), countsByType()]);
    const reference = await uninterrupted(path.join(dir, 'reference.sqlite'));
    try {
      for (const [projection, table] of [['event_log', 'seen'], ['counts_by_type', 'counts']]) {
        expect(rowsOf(rebuilt, projection, table)).toEqual(rowsOf(reference, projection, table));
      }
      expect(rowsOf(rebuilt, 'event_log', 'seen')).toHaveLength(EVENTS);
      expect((await verifyProjections(store, rebuilt)).ok).toBe(true);
    } finally {
      rebuilt.close();
      reference.close();
    }
  });

  it('a live runner killed mid-batch resumes from its checkpoint with no event lost or applied twice', async () => {
    const killed = runChild(dir, 'live', '--kill-at', '1234');
    expect(killed.signal).toBe('SIGKILL');
    const afterKill = ReadModels.open(path.join(dir, 'read-models.sqlite'), [eventLog(), countsByType()]);
    expect(afterKill.activeGeneration('event_log')?.checkpoint).toBe(1216n); // 19 batches of 64; the 20th died uncommitted
    // One transaction per batch for both projections: they died at the same checkpoint.
    expect(afterKill.activeGeneration('counts_by_type')?.checkpoint).toBe(1216n);
    afterKill.close();

    const restarted = runChild(dir, 'live');
    expect({ status: restarted.status, lines: restarted.lines }).toEqual({ status: 0, lines: [{ reached: true }] });

    const readModels = ReadModels.open(path.join(dir, 'read-models.sqlite'), [eventLog(), countsByType()]);
    try {
      const seen = rowsOf(readModels, 'event_log', 'seen') as Array<{ position: number }>;
      expect(seen.map((row) => row.position)).toEqual(Array.from({ length: EVENTS }, (_, index) => index + 1));
      expect((rowsOf(readModels, 'counts_by_type', 'counts') as Array<{ n: number }>).reduce((sum, row) => sum + row.n, 0)).toBe(EVENTS);
    } finally {
      readModels.close();
    }
  });
});
