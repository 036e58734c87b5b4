import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { SqliteEventStore } from '@ledger/event-store';
import type { Projection } from '../projection';
import { ReadModels } from '../read-model-database';
import { ProjectionRunner } from '../runner/projection-runner';
import { appendEvents, countsByType, eventLog, SILENT_LOGGER } from '../test-fixtures/test-projections';
import { describeRowDifference } from './compare-tables';
import { verifyProjections } from './verify-projections';

describe('verifyProjections', () => {
  let dir: string;
  let store: SqliteEventStore;
  let readModels: ReadModels;

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-'));
    store = SqliteEventStore.open(path.join(dir, 'events.sqlite'));
    readModels = await liveReadModels([countsByType(), eventLog()]);
  });

  afterEach(async () => {
    readModels.close();
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** Read models kept by a runner over 40 events, then stopped. */
  async function liveReadModels(projections: Projection[]): Promise<ReadModels> {
    const opened = ReadModels.open(path.join(dir, 'read-models.sqlite'), projections);
    const head = (await store.headPosition()) ?? (await appendEvents(store, 40, { perAppend: 4 }));
    const runner = new ProjectionRunner({ store, readModels: opened, logger: SILENT_LOGGER, batchSize: 7 });
    await runner.start();
    expect(await opened.waitForPosition(head, 5000)).toBe(true);
    await runner.stop();
    return opened;
  }

  function tamper(sql: string, table: string): void {
    readModels.db.prepare(sql.replaceAll('$table', table)).run();
  }

  it('passes when every live table equals a rebuild from the log', async () => {
    const result = await verifyProjections(store, readModels);

    expect(result.ok).toBe(true);
    expect(result.projections.map(({ projection, outcome, checkpoint }) => ({ projection, outcome, checkpoint }))).toEqual([
      { projection: 'counts_by_type', outcome: 'identical', checkpoint: 40n },
      { projection: 'event_log', outcome: 'identical', checkpoint: 40n },
    ]);
    expect(result.projections[1].tables).toEqual([{ table: 'seen', liveRows: 40, rebuiltRows: 40, columns: null, differences: [], truncated: false }]);
  });

  it('names a live row whose values differ from the rebuild', async () => {
    tamper("UPDATE $table SET n = n + 1 WHERE type = 'FindingIssued'", readModels.table('counts_by_type', 'counts'));

    const result = await verifyProjections(store, readModels);

    expect(result.ok).toBe(false);
    const [counts, log] = result.projections;
    expect(log.outcome).toBe('identical');
    expect(counts.outcome).toBe('different');
    expect(counts.tables[0].differences).toEqual([
      {
        kind: 'changed',
        key: { type: 'FindingIssued' },
        live: { type: 'FindingIssued', n: 14 },
        rebuilt: { type: 'FindingIssued', n: 13 },
        liveCopies: 1,
        rebuiltCopies: 1,
      },
    ]);
    expect(describeRowDifference(counts.tables[0].differences[0])).toBe(
      'row {"type":"FindingIssued"} differs: live {"type":"FindingIssued","n":14}, rebuilt {"type":"FindingIssued","n":13}',
    );
  });

  it('names rows missing from the live table, extra in it, or stored twice', async () => {
    const seen = readModels.table('event_log', 'seen');
    tamper('DELETE FROM $table WHERE position = 7', seen);
    tamper('INSERT INTO $table SELECT * FROM $table WHERE position = 9', seen);
    tamper("INSERT INTO $table VALUES (99, 'made-up', 'recommendation-x')", seen);

    const [, log] = (await verifyProjections(store, readModels)).projections;

    expect(log.outcome).toBe('different');
    expect(log.tables[0]).toMatchObject({ liveRows: 41, rebuiltRows: 40 });
    expect(log.tables[0].differences.map(describeRowDifference).sort()).toEqual(
      [
        expect.stringMatching(/^row \{"position":7,.*\} is in the rebuild but missing from the live table$/),
        expect.stringMatching(/^row \{"position":9,.*\} is stored 2 times in the live table, 1 in the rebuild$/),
        'row {"position":99,"event_id":"made-up","stream_id":"recommendation-x"} is in the live table but not in the rebuild',
      ].sort(),
    );
  });

  it('cannot vouch for live tables built by an older version of the projection', async () => {
    readModels.close();
    readModels = ReadModels.open(path.join(dir, 'read-models.sqlite'), [countsByType({ version: 2 })]);

    const result = await verifyProjections(store, readModels);

    expect(result.ok).toBe(false);
    expect(result.projections[0]).toMatchObject({ outcome: 'not-comparable', reason: expect.stringContaining('version 1') });
  });
});
