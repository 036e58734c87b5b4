/**
 * The event store contract against a real EventStoreDB server, when one is configured with
 * ESDB_CONNECTION_STRING (e.g. `esdb://localhost:2113?tls=false` for infra's single node). The
 * contract only writes streams with its own random prefix, so a shared server is fine.
 */
import { describeEventStoreContract } from '@ledger/event-store/contract/event-store.contract';
import { EsdbEventStore } from '@ledger/event-store/esdb/esdb-event-store';
import { connectionAddress } from '@ledger/event-store/esdb/connection-address';

const connectionString = process.env.ESDB_CONNECTION_STRING?.trim();

const SKIPPED = 'skipped: ESDB_CONNECTION_STRING is not set (the emulator runs in esdb-emulator.contract.spec.ts cover the adapter)';
if (!connectionString) console.warn(`EventStoreDB contract on a real server ${SKIPPED}.`);

// The reason is in the title too, so that every reporter shows why these tests did not run.
(connectionString ? describe : describe.skip)(`EsdbEventStore on a real EventStoreDB server${connectionString ? '' : ` (${SKIPPED})`}`, () => {
  describeEventStoreContract(`EventStoreDB at ${connectionAddress(connectionString ?? '')}`, async () => {
    const store = await EsdbEventStore.connect(connectionString!);
    return { store, dispose: () => store.close() };
  });
});
