import type { EventStore } from '@ledger/event-store';
import { EsdbEventStore, type EsdbEventStoreOptions } from '@ledger/event-store/esdb/esdb-event-store';
import { type EsdbEmulator, type StartEmulatorOptions, startEmulator } from '../../esdb-emulator/start-emulator';
import { QUIET } from './esdb-test-kit';

/** The EventStoreDB adapter connected, through the real client, to an emulator of its own. */
export interface EmulatedStore {
  emulator: EsdbEmulator;
  store: EsdbEventStore;
  /** Closes the adapter, then stops the emulator. */
  close(): Promise<void>;
}

export async function startEmulatedStore(options: { emulator?: StartEmulatorOptions; adapter?: EsdbEventStoreOptions } = {}): Promise<EmulatedStore> {
  const emulator = await startEmulator(options.emulator);
  try {
    const store = await EsdbEventStore.connect(emulator.connectionString, { logger: QUIET, ...options.adapter });
    return {
      emulator,
      store,
      close: async () => {
        await store.close();
        await emulator.stop();
      },
    };
  } catch (error) {
    await emulator.stop();
    throw error;
  }
}

/** A raw store for the API to run on: none means the embedded store in the ledger's data folder. */
export interface RawStoreUnderTest {
  eventStore: EventStore | undefined;
  dispose(): Promise<void>;
}

/** The stores the e2e flows run on: the embedded default, and EventStoreDB through the emulator. */
export const STORES_UNDER_TEST: Array<{ store: string; open(): Promise<RawStoreUnderTest> }> = [
  { store: 'embedded store', open: async () => ({ eventStore: undefined, dispose: async () => undefined }) },
  {
    store: 'EventStoreDB adapter on the emulator',
    open: async () => {
      const emulated = await startEmulatedStore();
      return { eventStore: emulated.store, dispose: () => emulated.close() };
    },
  },
];
