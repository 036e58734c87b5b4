/**
 * Export throughput: how fast a generated ledger is exported in each format, verified and
 * imported. A benchmark, not a test: it prints figures and asserts nothing.
 *   node -r ./test/support/register-ts.js test/bench/export.bench.ts [EVENTS]
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { SqliteEventStore } from '@ledger/event-store';
import { type ExportFormat, exportToFile, importLedger, verifyExportFile, verifyStore } from '@ledger/integrity';
import { generateLedger } from '../integrity/support/generate-ledger';

function rate(events: number, milliseconds: number): string {
  return `${Math.round(events / (milliseconds / 1000)).toLocaleString('en-GB')} events/s`;
}

function perSecond(events: number, milliseconds: number): number {
  return events / (milliseconds / 1000);
}

function report(label: string, figure: string): void {
  console.log(`${`${label}:`.padEnd(30)}${figure}`);
}

/** Events per second for each step. */
export type ExportFigures = Record<string, number>;

export async function exportBench(events: number): Promise<ExportFigures> {
  const figures: ExportFigures = {};
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-bench-'));
  try {
    const store = SqliteEventStore.open(path.join(dir, 'events.sqlite'));
    let started = performance.now();
    const written = await generateLedger(store, events);
    report(`generate ${written} events (hash chain)`, rate(written, performance.now() - started));

    started = performance.now();
    await verifyStore(store);
    figures.verifyStore = perSecond(written, performance.now() - started);
    report('verify (live store)', rate(written, performance.now() - started));

    for (const format of ['jsonl', 'csv', 'xlsx'] as ExportFormat[]) {
      started = performance.now();
      const { file } = await exportToFile(store, path.join(dir, `ledger.${format}`), { format });
      figures[`export ${format}`] = perSecond(written, performance.now() - started);
      report(`export ${format}`, `${rate(written, performance.now() - started)} (${(fs.statSync(file).size / 1024 / 1024).toFixed(1)} MB)`);
    }

    started = performance.now();
    const jsonl = path.join(dir, 'ledger.jsonl');
    const manifest = JSON.parse(fs.readFileSync(`${jsonl}.manifest.json`, 'utf8'));
    await verifyExportFile(jsonl, manifest);
    report('verify (export file)', rate(written, performance.now() - started));
    await store.close();

    const target = SqliteEventStore.open(path.join(dir, 'imported.sqlite'));
    started = performance.now();
    await importLedger(target, jsonl, { manifest });
    figures.importEmbedded = perSecond(written, performance.now() - started);
    report('import into embedded', rate(written, performance.now() - started));
    await target.close();
    return figures;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  void exportBench(Number(process.argv[2] ?? 100_000));
}
