/** `ledger verify` of the live store, as the CLI runs it. Usage: verify.ts LEDGER_FILE */
import { SqliteEventStore } from '@ledger/event-store';
import { verifyStore } from '@ledger/integrity';
import { reportFigures } from '../support/child-job';

async function main(): Promise<void> {
  const store = SqliteEventStore.open(process.argv[2]);
  const started = performance.now();
  const report = await verifyStore(store);
  const ms = performance.now() - started;
  await store.close();
  if (!report.ok) throw new Error(`the bench ledger does not verify: ${JSON.stringify(report.break, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v))}`);
  reportFigures({ events: report.events, ms });
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
