import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PassThrough } from 'node:stream';
import { SqliteEventStore } from '@ledger/event-store';
import { ProjectionRunner, ReadModels } from '@ledger/projections';
import { CLI_PROJECTIONS, CLI_PROJECTIONS_SOURCE } from '@ledger/projections/test-fixtures/cli-projections';
import { appendEvents, SILENT_LOGGER } from '@ledger/projections/test-fixtures/test-projections';
import { projectionsRebuildCommandFor } from '../../apps/cli/src/commands/projections-rebuild.command';
import { projectionsStatusCommandFor } from '../../apps/cli/src/commands/projections-status.command';
import { projectionsVerifyCommandFor } from '../../apps/cli/src/commands/projections-verify.command';
import { runCli } from '../../apps/cli/src/run-cli';

const PROJECTIONS = CLI_PROJECTIONS;
const COMMANDS = [projectionsStatusCommandFor(PROJECTIONS), projectionsRebuildCommandFor(PROJECTIONS, CLI_PROJECTIONS_SOURCE), projectionsVerifyCommandFor(PROJECTIONS)];

function output(isTTY = false) {
  const stream = Object.assign(new PassThrough(), { isTTY });
  let text = '';
  stream.on('data', (chunk: Buffer) => (text += chunk.toString()));
  return { stream, text: () => text };
}

describe('ledger projections', () => {
  let dir: string;

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-'));
    const store = SqliteEventStore.open(path.join(dir, 'events.sqlite'));
    await appendEvents(store, 30, { perAppend: 3 });
    await store.close();
  });

  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  async function ledger(argv: string[], options: { tty?: boolean } = {}) {
    const stdout = output(options.tty);
    const stderr = output();
    const code = await runCli(argv, { env: { LEDGER_DATA_DIR: dir }, stdout: stdout.stream, stderr: stderr.stream }, COMMANDS);
    return { code, stdout: stdout.text(), stderr: stderr.text() };
  }

  /** What the API does: run the projections until they have applied the whole log. */
  async function runProjections(): Promise<void> {
    const store = SqliteEventStore.open(path.join(dir, 'events.sqlite'));
    const readModels = ReadModels.open(path.join(dir, 'read-models.sqlite'), PROJECTIONS);
    const runner = new ProjectionRunner({ store, readModels, logger: SILENT_LOGGER });
    await runner.start();
    expect(await readModels.waitForPosition(30n, 5000)).toBe(true);
    await runner.stop();
    readModels.close();
    await store.close();
  }

  function tamperWith(sql: string): void {
    const readModels = ReadModels.open(path.join(dir, 'read-models.sqlite'), PROJECTIONS);
    readModels.db.prepare(sql.replace('$counts', readModels.table('counts_by_type', 'counts'))).run();
    readModels.close();
  }

  it('status shows each projection as a table, and as JSON', async () => {
    await runProjections();
    const store = SqliteEventStore.open(path.join(dir, 'events.sqlite'));
    await appendEvents(store, 2);
    await store.close();

    const shown = await ledger(['projections', 'status']);
    const json = await ledger(['projections', 'status', '--json']);

    expect(shown).toEqual({
      code: 0,
      stderr: '',
      stdout: [
        'PROJECTION      VERSION  GENERATION  CHECKPOINT  LAG  STATE        FAULT',
        'counts_by_type  1        1           30          2    catching-up',
        'event_log       1        1           30          2    catching-up',
        '',
      ].join('\n'),
    });
    expect(JSON.parse(json.stdout)).toMatchObject([
      { name: 'counts_by_type', version: 1, generation: 1, checkpoint: '30', lag: { events: 2, atLeast: false }, state: 'catching-up', fault: null },
      { name: 'event_log', state: 'catching-up' },
    ]);
  });

  it('rebuild swaps in new generations and prints plain lines without a terminal', async () => {
    await runProjections();

    const rebuilt = await ledger(['projections', 'rebuild']);
    const status = JSON.parse((await ledger(['projections', 'status', '--json'])).stdout) as Array<{ generation: number; state: string }>;

    expect(rebuilt.code).toBe(0);
    expect(rebuilt.stdout).toMatch(
      /^Rebuilding counts_by_type from the start of the log\.\.\.\ncounts_by_type: \d+\/30 events \(\d+%\), \d+ events\/s, ETA \S+\ncounts_by_type: generation 2 swapped in \(30 events, /,
    );
    expect(rebuilt.stdout).toMatch(/\nevent_log: generation 2 swapped in \(30 events, [^\n]*\)\n$/);
    expect(rebuilt.stdout).not.toContain('\x1b');
    expect(status.map(({ generation, state }) => ({ generation, state }))).toEqual([
      { generation: 2, state: 'live' },
      { generation: 2, state: 'live' },
    ]);
  });

  it('rebuild draws a progress bar with events/s and ETA on a terminal', async () => {
    const rebuilt = await ledger(['projections', 'rebuild', 'event_log'], { tty: true });

    expect(rebuilt.code).toBe(0);
    expect(rebuilt.stdout).toMatch(/event_log \[[^\]]+\] 100% \| 30\/30 events \| \d+ events\/s \| ETA 0s/);
    expect(rebuilt.stdout).toContain('event_log: generation 2 swapped in (30 events');
  });

  it('rebuild refuses a projection it does not know, naming those it knows', async () => {
    expect(await ledger(['projections', 'rebuild', 'registr'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('unknown projection registr; known: counts_by_type, event_log'),
    });
  });

  it('verify passes when the live read models equal a rebuild, and exits 1 naming the rows when they do not', async () => {
    await runProjections();

    const equal = await ledger(['projections', 'verify']);
    tamperWith("UPDATE $counts SET n = 99 WHERE type = 'FindingIssued'");
    const different = await ledger(['projections', 'verify']);

    expect(equal).toMatchObject({ code: 0, stdout: expect.stringContaining('All read models match a rebuild from the log.') });
    expect(equal.stdout).toContain('counts_by_type: identical to a rebuild from the log (up to position 30; 1 table, 3 rows)');
    expect(different.code).toBe(1);
    expect(different.stdout).toContain(
      'counts_by_type: DIFFERS from a rebuild from the log (up to position 30)\n' +
        '  counts: row {"type":"FindingIssued"} differs: live {"type":"FindingIssued","n":99}, rebuilt {"type":"FindingIssued","n":10}\n',
    );
    expect(different.stdout).toContain('event_log: identical');
  });
});
