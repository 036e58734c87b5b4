import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { SqliteEventStore } from '@ledger/event-store';
import { appendEvents } from '../test-fixtures/test-projections';
import { countEventsAfter } from './count-events';

describe('countEventsAfter (lag in events)', () => {
  let dir: string;
  let store: SqliteEventStore;

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-'));
    store = SqliteEventStore.open(path.join(dir, 'events.sqlite'));
    await appendEvents(store, 6, { prefix: 'inspection' });
    await appendEvents(store, 4, { prefix: 'challenge' });
  });

  afterEach(async () => {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("subtracts positions in the embedded store, whose positions are gap-free", async () => {
    expect(await countEventsAfter(store, null)).toEqual({ events: 10, atLeast: false });
    expect(await countEventsAfter(store, 7n)).toEqual({ events: 3, atLeast: false });
    expect(await countEventsAfter(store, 10n)).toEqual({ events: 0, atLeast: false });
  });

  it('counts the events of the followed streams by reading, and stops at its limit', async () => {
    expect(await countEventsAfter(store, 2n, { streamPrefixes: ['inspection-'] })).toEqual({ events: 4, atLeast: false });
    expect(await countEventsAfter(store, null, { streamPrefixes: ['inspection-', 'challenge-'], limit: 5 })).toEqual({ events: 5, atLeast: true });
  });
});
