import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { tempDir } from './support/sample-ledger';

const ROOT = path.resolve(__dirname, '..', '..');
const SMALL = 1_000;
const LARGE = 100_000;
/** Generous: what matters is that memory does not grow with the ledger (it would by gigabytes). */
const RSS_ALLOWANCE_MB = 150;
const HEAP_ALLOWANCE_MB = 100;

interface ExportMemory {
  events: number;
  peakRssMb: number;
  peakHeapMb: number;
}

/** Runs the probe in its own process, so that each measurement is of one export alone. */
function probe(...args: string[]): string {
  return execFileSync(process.execPath, ['-r', './test/support/register-ts.js', 'test/integrity/support/export-memory-probe.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 180_000,
  });
}

describe('exports stream: peak memory for 10^5 events stays near that for 10^3', () => {
  const scratch = tempDir();
  const small = path.join(scratch.dir, 'small');
  const large = path.join(scratch.dir, 'large');

  beforeAll(() => {
    for (const [dir, events] of [[small, SMALL], [large, LARGE]] as const) {
      fs.mkdirSync(dir);
      expect(JSON.parse(probe('generate', dir, String(events)))).toEqual({ events });
    }
  }, 180_000);

  afterAll(() => scratch.dispose());

  it.each(['jsonl', 'csv', 'xlsx'])('%s', (format) => {
    const measure = (dir: string): ExportMemory => JSON.parse(probe('export', dir, format, path.join(dir, `out.${format}`)));
    const few = measure(small);
    const many = measure(large);
    expect(few.events).toBe(SMALL);
    expect(many.events).toBe(LARGE);
    expect(many.peakRssMb).toBeLessThan(few.peakRssMb + RSS_ALLOWANCE_MB);
    expect(many.peakHeapMb).toBeLessThan(few.peakHeapMb + HEAP_ALLOWANCE_MB);
  }, 240_000);
});
