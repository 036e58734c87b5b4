/**
 * One export of the whole ledger with its manifest, as `ledger export` writes it.
 * Usage: export.ts jsonl|csv|xlsx LEDGER_FILE OUT_FILE
 */
import * as fs from 'node:fs';
import { SqliteEventStore } from '@ledger/event-store';
import { type ExportFormat, exportToFile } from '@ledger/integrity';
import { reportFigures } from '../support/child-job';

const FORMATS: readonly ExportFormat[] = ['jsonl', 'csv', 'xlsx'];

async function main(): Promise<void> {
  const [format, ledgerFile, out] = process.argv.slice(2);
  if (!FORMATS.includes(format as ExportFormat)) throw new Error(`the format is one of ${FORMATS.join(', ')}, not ${format}`);
  const store = SqliteEventStore.open(ledgerFile);
  const started = performance.now();
  const { manifest } = await exportToFile(store, out, { format: format as ExportFormat });
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
