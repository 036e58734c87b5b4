/**
 * The event store contract on the EventStoreDB adapter, through the real client over gRPC, against
 * the emulator twice: once advertising BatchAppend (what servers since 21.10 do, and what the
 * client then uses for every append) and once with only the unary Append.
 */
import { randomUUID } from 'node:crypto';
import { describeEventStoreContract } from '@ledger/event-store/contract/event-store.contract';
import { EsdbEventStore } from '@ledger/event-store/esdb/esdb-event-store';
import { type EsdbEmulator, startEmulator } from '../esdb-emulator/start-emulator';

const quiet = { log: () => undefined, warn: () => undefined };

describe.each([
  // Past 2^53 too, so that no position survives only by being a safe integer.
  { path: 'BatchAppend advertised', batchAppend: true, initialPosition: 2n ** 53n + 4_096n, used: 'batchAppend', unused: 'append' },
  { path: 'unary Append only', batchAppend: false, initialPosition: undefined, used: 'append', unused: 'batchAppend' },
])('EsdbEventStore on the emulator, $path', ({ path, batchAppend, initialPosition, used, unused }) => {
  let emulator: EsdbEmulator;

  beforeAll(async () => {
    emulator = await startEmulator({ batchAppend, initialPosition });
  });

  afterAll(async () => {
    await emulator.stop();
  });

  describeEventStoreContract(`EventStoreDB emulator, ${path}`, async () => {
    const store = await EsdbEventStore.connect(emulator.connectionString, { logger: quiet });
    return { store, dispose: () => store.close() };
  });

  it(`appends through ${used}`, async () => {
    const store = await EsdbEventStore.connect(emulator.connectionString, { logger: quiet });
    const before = await emulator.callCounts();

    await store.append(`path-${randomUUID()}`, [{ id: randomUUID(), type: 'Probed', data: {}, metadata: {} }], 'no_stream');

    const after = await emulator.callCounts();
    expect((after[used] ?? 0) - (before[used] ?? 0)).toBe(1);
    expect(after[unused] ?? 0).toBe(before[unused] ?? 0);
    await store.close();
  });
});
