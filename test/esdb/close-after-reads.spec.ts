/**
 * A reported intermittent hang: `close()` sometimes never returned after `headPosition()` was
 * followed by another `readAll`. Each round here runs that sequence on a fresh connection and
 * must close within a bounded time, twenty times over, with the reads stopped early and read to
 * the end.
 */
import { randomUUID } from 'node:crypto';
import { EsdbEventStore } from '@ledger/event-store/esdb/esdb-event-store';
import { ledgerEventStore } from '@ledger/integrity';
import { type EsdbEmulator, startEmulator } from '../esdb-emulator/start-emulator';
import { QUIET, withinMs } from './support/esdb-test-kit';

const ROUNDS = 20;
const CLOSE_WITHIN_MS = 3_000;

describe('EsdbEventStore.close after headPosition and another readAll', () => {
  let emulator: EsdbEmulator;

  beforeAll(async () => {
    emulator = await startEmulator();
    const store = await EsdbEventStore.connect(emulator.connectionString, { logger: QUIET });
    // More than one page of $all and more than the reader buffers before pausing the call.
    for (let i = 0; i < 30; i += 1) {
      await store.append(`recommendation-${randomUUID()}`, Array.from({ length: 25 }, () => ({ id: randomUUID(), type: 'Noted', data: { i }, metadata: {} })), 'no_stream');
    }
    await store.close();
  });

  afterAll(async () => {
    await emulator.stop();
  });

  const sequences: Array<{ name: string; read: (store: EsdbEventStore, head: bigint) => Promise<number> }> = [
    {
      name: 'a readAll read to its end',
      read: async (store) => {
        let count = 0;
        for await (const _event of store.readAll()) count += 1;
        return count;
      },
    },
    {
      name: 'a readAll left after its first event',
      read: async (store) => {
        let count = 0;
        for await (const _event of store.readAll()) {
          count += 1;
          break;
        }
        return count;
      },
    },
    {
      name: 'a readAll left half way through its page (as verify does at its target)',
      read: async (store, head) => {
        let count = 0;
        for await (const event of store.readAll({ maxCount: 1_000 })) {
          if (event.position > head / 2n) break;
          count += 1;
        }
        return count;
      },
    },
    {
      name: 'a backwards readAll left early',
      read: async (store) => {
        let count = 0;
        for await (const _event of store.readAll({ direction: 'backwards' })) {
          if (++count === 100) break;
        }
        return count;
      },
    },
  ];

  it.each(sequences)(`closes every time, ${ROUNDS} rounds of headPosition then $name`, async ({ read }) => {
    for (let round = 1; round <= ROUNDS; round += 1) {
      const store = await EsdbEventStore.connect(emulator.connectionString, { logger: QUIET });
      const head = await store.headPosition();
      expect(head).not.toBeNull();
      expect(await read(store, head!)).toBeGreaterThan(0);
      await withinMs(CLOSE_WITHIN_MS, store.close(), `close() in round ${round}`);
    }
  }, 120_000);

  it(`closes every time, ${ROUNDS} rounds of headPosition and readAll at once, through the ledger's wrapped store with a subscription open`, async () => {
    for (let round = 1; round <= ROUNDS; round += 1) {
      const raw = await EsdbEventStore.connect(emulator.connectionString, { logger: QUIET });
      const store = ledgerEventStore(raw);
      const subscription = store.subscribeToAll({ streamPrefixes: ['recommendation-'] });
      const firstMessage = subscription[Symbol.asyncIterator]().next();
      const [head, firstTen] = await Promise.all([
        store.headPosition(),
        (async () => {
          const positions: bigint[] = [];
          for await (const event of store.readAll()) if (positions.push(event.position) === 10) break;
          return positions;
        })(),
      ]);
      expect(firstTen).toHaveLength(10);
      expect(head! > firstTen[9]).toBe(true);
      expect((await firstMessage).done).toBe(false);
      await withinMs(CLOSE_WITHIN_MS, store.close(), `close() in round ${round}`);
    }
  }, 120_000);
});
