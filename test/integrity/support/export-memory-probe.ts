/**
 * Run as a child process, so that its memory is its own:
 *   generate DATA_DIR EVENTS        records a generated ledger into DATA_DIR/events.sqlite
 *   export DATA_DIR FORMAT OUT      exports it, sampling memory meanwhile, and prints JSON
 */
import * as path from 'node:path';
import { SqliteEventStore } from '@ledger/event-store';
import { type ExportFormat, exportToFile } from '@ledger/integrity';
import { generateLedger } from './generate-ledger';

const MB = 1024 * 1024;

async function main(): Promise<void> {
  const [mode, dataDir, ...rest] = process.argv.slice(2);
  const store = SqliteEventStore.open(path.join(dataDir, 'events.sqlite'));
  try {
    if (mode === 'generate') {
      process.stdout.write(`${JSON.stringify({ events: await generateLedger(store, Number(rest[0])) })}\n`);
      return;
    }
    const [format, out] = rest;
    let peakRss = 0;
    let peakHeap = 0;
    const sample = () => {
      const usage = process.memoryUsage();
      peakRss = Math.max(peakRss, usage.rss);
      peakHeap = Math.max(peakHeap, usage.heapUsed);
    };
    sample();
    const sampler = setInterval(sample, 5);
    const started = process.hrtime.bigint();
    const { manifest } = await exportToFile(store, out, { format: format as ExportFormat });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    clearInterval(sampler);
    sample();
    process.stdout.write(
      `${JSON.stringify({ events: manifest.events, seconds, peakRssMb: peakRss / MB, peakHeapMb: peakHeap / MB, maxRssMb: process.resourceUsage().maxRSS / 1024 })}\n`,
    );
  } finally {
    await store.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exitCode = 1;
});
