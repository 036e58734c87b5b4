import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { SqliteEventStore } from '@ledger/event-store';

/** What each test of the engine starts from: a fresh folder with an embedded store and a read-model file name. */
export interface RunnerScratch {
  dir: string;
  store: SqliteEventStore;
  /** Where the read models go (not created). */
  file: string;
  /** Run after each test, last first, before the store closes and the folder goes. */
  readonly cleanups: Array<() => unknown>;
}

/** Registers, in the describe it is called in, the hooks that make a RunnerScratch before each test and remove it after. */
export function runnerScratch(prefix: string): RunnerScratch {
  const scratch = { cleanups: [] as Array<() => unknown> } as RunnerScratch;
  beforeEach(() => {
    scratch.dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    scratch.store = SqliteEventStore.open(path.join(scratch.dir, 'events.sqlite'));
    scratch.file = path.join(scratch.dir, 'read-models.sqlite');
  });
  afterEach(async () => {
    for (const cleanup of scratch.cleanups.splice(0).reverse()) await cleanup();
    await scratch.store.close();
    fs.rmSync(scratch.dir, { recursive: true, force: true });
  });
  return scratch;
}
