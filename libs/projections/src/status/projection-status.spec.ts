import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { EventStoreDecorator, type ReadAllOptions, type RecordedEvent, SqliteEventStore } from '@ledger/event-store';
import { ReadModels } from '../read-model-database';
import { ProjectionRunner } from '../runner/projection-runner';
import { appendEvents, countsByType, SILENT_LOGGER } from '../test-fixtures/test-projections';
import { readProjectionStatus } from './projection-status';

/** The store, noting every read of the whole log. */
class WatchedReads extends EventStoreDecorator {
  readonly readAlls: ReadAllOptions[] = [];

  override readAll(options: ReadAllOptions = {}): AsyncIterable<RecordedEvent> {
    this.readAlls.push(options);
    return super.readAll(options);
  }
}

describe('readProjectionStatus', () => {
  let dir: string;
  let store: SqliteEventStore;
  let readModels: ReadModels;

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-status-'));
    store = SqliteEventStore.open(path.join(dir, 'events.sqlite'));
    readModels = ReadModels.open(path.join(dir, 'read-models.sqlite'), [countsByType()]);
    await appendEvents(store, 20, { prefix: 'inspection' });
    const runner = new ProjectionRunner({ store, readModels, logger: SILENT_LOGGER });
    await runner.start();
    expect(await runner.waitForPosition(20n, 10_000)).toBe(true);
    await runner.stop();
    await appendEvents(store, 7, { prefix: 'inspection' });
    await appendEvents(store, 5, { prefix: 'idempotency' });
  });

  afterEach(async () => {
    readModels.close();
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("counts a projection's lag in the followed streams without reading the log's events (what a /metrics scrape asks)", async () => {
    const watched = new WatchedReads(store);

    const [status] = await readProjectionStatus(watched, readModels, { streamPrefixes: ['inspection-'] });

    expect(status).toMatchObject({ name: 'counts_by_type', checkpoint: 20n, lag: { events: 7, atLeast: false }, state: 'catching-up' });
    expect(watched.readAlls).toEqual([]);
  });
});
