import { spawn } from 'node:child_process';
import * as path from 'node:path';

export const REPO = path.resolve(__dirname, '..', '..', '..');
const REGISTER_TS = path.join(REPO, 'test', 'support', 'register-ts.js');

/** What a child job prints as its last line: its own figures, peak RSS included. */
export type ChildFigures = Record<string, number> & { events: number; ms: number; peakRssMiB: number };

/**
 * Runs one job of test/bench/children in its own process, so that its peak RSS is its own. The
 * job times itself; start-up and compilation are outside its figures.
 */
export function runChildJob(job: string, args: string[]): Promise<ChildFigures> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-r', REGISTER_TS, path.join(__dirname, '..', 'children', `${job}.ts`), ...args], {
      cwd: REPO,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const last = out.trim().split('\n').pop() ?? '';
      if (code !== 0) return reject(new Error(`bench job ${job} exited ${code}: ${out.slice(-2000)}`));
      try {
        resolve(JSON.parse(last) as ChildFigures);
      } catch {
        reject(new Error(`bench job ${job} printed no figures: ${out.slice(-2000)}`));
      }
    });
  });
}

/** For the jobs themselves: print the figures, with the peak RSS of this process. */
export function reportFigures(figures: Record<string, number>): void {
  const peakRssMiB = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(`${JSON.stringify({ ...figures, peakRssMiB })}\n`);
}

/** Bytes this process has handed to write(2) and friends so far (Linux). */
export function bytesWritten(): number {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const io = (require('node:fs') as typeof import('node:fs')).readFileSync('/proc/self/io', 'utf8');
    return Number(/wchar:\s*(\d+)/.exec(io)?.[1] ?? Number.NaN);
  } catch {
    return Number.NaN;
  }
}
