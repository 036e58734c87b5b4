/**
 * The command pipeline's kept folds on EventStoreDB, through the real client over gRPC: two API
 * instances (two clients, two pipelines, each with its own hash chain) sending commands to one
 * stream in turn each decide on every event the other appended, never append on a stale fold,
 * and a repeated command id is still answered from the log.
 */
import { CommandPipeline } from '@ledger/application/pipeline/command-pipeline';
import { readStreamFully } from '@ledger/application/pipeline/stored-event';
import { meta, NOW, seen, tally } from '@ledger/application/pipeline/tally.fixture';
import { EventStoreDecorator, type EventToAppend, type ExpectedRevision } from '@ledger/event-store';
import { EsdbEventStore } from '@ledger/event-store/esdb/esdb-event-store';
import { ledgerEventStore } from '@ledger/integrity';
import { type EsdbEmulator, startEmulator } from '../esdb-emulator/start-emulator';
import { QUIET } from './support/esdb-test-kit';

jest.setTimeout(60_000);

/** Counts the appends an instance sends: one per command means no decision was made on a stale fold. */
class CountingAppends extends EventStoreDecorator {
  appends = 0;

  override async append(streamId: string, events: EventToAppend[], expected: ExpectedRevision) {
    this.appends++;
    return this.inner.append(streamId, events, expected);
  }
}

describe('kept folds on EventStoreDB', () => {
  let emulator: EsdbEmulator;
  let clients: EsdbEventStore[];
  let stores: CountingAppends[];
  let pipelines: CommandPipeline[];

  beforeAll(async () => {
    emulator = await startEmulator();
    clients = await Promise.all([0, 1].map(() => EsdbEventStore.connect(emulator.connectionString, { logger: QUIET })));
    stores = clients.map((client) => new CountingAppends(ledgerEventStore(client)));
    pipelines = stores.map((store) => new CommandPipeline(store, () => NOW));
  });

  afterAll(async () => {
    for (const client of clients ?? []) await client.close();
    await emulator?.stop();
  });

  it('each instance decides on what the other appended, with one append per command, and answers a repeat from the log', async () => {
    const [one, two] = pipelines as [CommandPipeline, CommandPipeline];
    await one.execute(tally, { type: 'Open', tallyId: 'esdb' }, meta());
    seen.length = 0;

    for (let step = 1; step <= 12; step++) await (step % 2 ? one : two).execute(tally, { type: 'Add', tallyId: 'esdb', by: step }, meta());
    const first = await two.execute(tally, { type: 'Add', tallyId: 'esdb', by: 13 }, meta({ commandId: 'cmd-esdb-repeat' }));
    const again = await one.execute(tally, { type: 'Add', tallyId: 'esdb', by: 13 }, meta({ commandId: 'cmd-esdb-repeat' }));

    const stored = await readStreamFully(clients[0]!.readStream('tally-esdb'));
    expect(stored.slice(1).map((event) => event.data['by'])).toEqual(Array.from({ length: 13 }, (_, i) => i + 1));
    expect(seen.slice(0, 13).map((decision) => decision.state.steps.length)).toEqual(Array.from({ length: 13 }, (_, i) => i));
    expect(again.result).toEqual(first.result);
    expect(stores[0]!.appends + stores[1]!.appends).toBe(1 + 13);
  });
});
