/** The canonical JSONL export of the whole ledger with its manifest. Usage: export-jsonl.ts LEDGER_FILE OUT_FILE */
import * as fs from 'node:fs';
import { SqliteEventStore } from '@ledger/event-store';
import { exportToFile } from '@ledger/integrity';
import { reportFigures } from '../support/child-job';

async function main(): Promise<void> {
  const [ledgerFile, out] = process.argv.slice(2);
  const store = SqliteEventStore.open(ledgerFile);
  const started = performance.now();
  const { manifest } = await exportToFile(store, out, { format: 'jsonl' });
  const ms = performance.now() - started;
  await store.close();
  const fileMiB = fs.statSync(out).size / 2 ** 20;
  const manifestMiB = fs.statSync(`${out}.manifest.json`).size / 2 ** 20;
  fs.rmSync(out, { force: true });
  fs.rmSync(`${out}.manifest.json`, { force: true });
  reportFigures({ events: manifest.events, ms, fileMiB, manifestMiB });
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
