/**
 * `npm run bench`: every figure of issue 13 in one table, each goal judged beside its figure as
 * `PASS|FAIL <measure>: <figure> (goal <goal>)`. Ratios are taken within this run against
 * physical baselines (a raw scan of the event table with JSON.parse of each row; the disk's
 * fdatasync rate), so a noisy shared machine still gives a meaningful verdict. Exits 1 if a goal
 * is missed or was not measured.
 *
 *   npm run bench                       10^4, 10^5 and 10^6 events
 *   npm run bench -- --sizes 10000      chosen sizes (a quick run)
 *   npm run bench -- --ten-million      adds 10^7
 *   options: --json FILE (default bench-results.json), --http-seconds N (10),
 *            --replay-budget SECONDS (300), --only NAME,NAME (modules by name), --help
 *   modules: "read side", "start-up", "stream load", "HTTP commands", "as-at", "esdb-read", "pages"
 *
 * A module is a BenchModule (bench-module.ts); add yours to MODULES and its figures become rows of
 * the same table. Its goals, if any, go into goals.ts with the others.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { type BenchModule, Results, type SizeContext } from './bench-module';
import { BUILD_MINUTES, ONCE_MINUTES, SIZE_MINUTES, goals, passes } from './goals';
import { httpBench } from './http.bench';
import { asAtModule, esdbReadModule, pagesModule } from './other-issues.bench';
import { readSideBench } from './read-side.bench';
import { startupBench } from './startup.bench';
import { streamLoadBench } from './stream-load.bench';
import { benchLedger } from './support/bench-ledger';
import { REPO } from './support/child-job';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string' },
    'ten-million': { type: 'boolean', default: false },
    json: { type: 'string', default: 'bench-results.json' },
    'http-seconds': { type: 'string', default: '10' },
    'replay-budget': { type: 'string', default: '300' },
    only: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

if (values.help) {
  // The usage is this file's own header, so that it is written once.
  const header = /\/\*\*([\s\S]*?)\*\//.exec(fs.readFileSync(__filename, 'utf8'))?.[1] ?? '';
  process.stdout.write(`${header.replace(/^ \* ?/gm, '').trim()}\n`);
  process.exit(0);
}

const MODULES: BenchModule[] = [readSideBench(Number(values['replay-budget'])), startupBench, streamLoadBench, httpBench(Number(values['http-seconds'])), asAtModule, esdbReadModule, pagesModule];

const sizes = (values.sizes ?? '10000,100000,1000000')
  .split(',')
  .map((size) => Number(size.trim()))
  .concat(values['ten-million'] ? [10_000_000] : []);
if (sizes.some((size) => !Number.isSafeInteger(size) || size < 100)) throw new Error('--sizes takes whole numbers of events, at least 100 each');
const only = values.only?.split(',').map((name) => name.trim());
const unknown = only?.filter((name) => !MODULES.some((module) => module.name === name)) ?? [];
if (unknown.length > 0) throw new Error(`--only names no module ${unknown.map((name) => `"${name}"`).join(', ')}; the modules are ${MODULES.map((module) => `"${module.name}"`).join(', ')}`);
const modules = only ? MODULES.filter((module) => only.includes(module.name)) : MODULES;

function log(line: string): void {
  console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}`);
}

function machine(): Record<string, string | number> {
  const cpus = os.cpus();
  return { cpu: cpus[0]?.model ?? 'unknown', cores: cpus.length, memoryGiB: Math.round(os.totalmem() / 2 ** 30), os: `${os.type()} ${os.release()}`, node: process.version };
}

/** A module that fails leaves its figures out (their goals then FAIL as not measured) and says why. */
async function guarded(results: Results, what: string, run: () => Promise<void>): Promise<void> {
  try {
    await run();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    results.notes.push(`${what} failed: ${message.slice(0, 300)}`);
    log(`${what} failed: ${message}`);
  }
}

function show(value: number | undefined): string {
  if (value === undefined || Number.isNaN(value)) return '—';
  if (Math.abs(value) >= 1000) return Math.round(value).toLocaleString('en-GB');
  if (Math.abs(value) >= 10) return value.toFixed(1);
  return value.toFixed(3);
}

function sizeLabel(size: number): string {
  return size === 0 ? 'any size' : `${size.toLocaleString('en-GB')} events`;
}

async function main(): Promise<void> {
  const results = new Results();
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-bench-'));
  const runStarted = performance.now();
  log('building the API (npm run build) for the modules that start it');
  execFileSync('npm', ['run', 'build', '--silent'], { cwd: REPO, stdio: 'inherit' });
  results.set(0, BUILD_MINUTES, (performance.now() - runStarted) / 60_000, 'min');
  try {
    let largest: SizeContext | undefined;
    for (const events of sizes) {
      const started = performance.now();
      const ledgerFile = await benchLedger(events, log);
      const workDir = path.join(scratch, String(events));
      fs.mkdirSync(workDir);
      const context: SizeContext = { events, ledgerFile, workDir, results, log };
      for (const module of modules) {
        if (!module.atSize) continue;
        log(`${module.name} at ${events} events`);
        await guarded(results, `${module.name} at ${events} events`, () => module.atSize!(context));
      }
      results.set(events, SIZE_MINUTES, (performance.now() - started) / 60_000, 'min');
      largest = context;
    }
    const onceDir = path.join(scratch, 'once');
    fs.mkdirSync(onceDir);
    const onceStarted = performance.now();
    for (const module of modules) {
      if (!module.once || !largest) continue;
      log(module.name);
      await guarded(results, module.name, () => module.once!({ largest: largest!, workDir: onceDir, results, log }));
    }
    results.set(0, ONCE_MINUTES, (performance.now() - onceStarted) / 60_000, 'min');
    results.set(0, 'whole run minutes', (performance.now() - runStarted) / 60_000, 'min');
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
  report(results);
}

function report(results: Results): void {
  const columns = [...sizes];
  const anySize = results.keys().some((key) => results.get(0, key) !== undefined);
  const header = ['measure', ...columns.map(sizeLabel), ...(anySize ? [sizeLabel(0)] : [])];
  const rows = results.keys().map((key) => [key, ...columns.map((size) => show(results.get(size, key))), ...(anySize ? [show(results.get(0, key))] : [])]);
  const widths = header.map((_, i) => Math.max(...[header, ...rows].map((row) => row[i].length)));
  const line = (row: string[]) => `| ${row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join(' | ')} |`;
  const info = machine();
  console.log(`\nMachine: ${info.cpu}, ${info.cores} cores, ${info.memoryGiB} GiB, ${info.os}, Node ${info.node}\n`);
  console.log(line(header));
  console.log(`|${widths.map((width, i) => (i === 0 ? '-'.repeat(width + 2) : `${'-'.repeat(width + 1)}:`)).join('|')}|`);
  for (const row of rows) console.log(line(row));

  console.log('');
  const verdicts = goals(values['ten-million'] ?? false).map((goal) => {
    const figure = goal.figure(results);
    const pass = figure !== undefined && !Number.isNaN(figure) && passes(goal, figure);
    const shown = figure === undefined || Number.isNaN(figure) ? 'not measured' : `${show(figure)} ${goal.unit}`.trim();
    console.log(`${pass ? 'PASS' : 'FAIL'} ${goal.measure}: ${shown} (goal ${goal.op === '>=' ? '≥' : '≤'} ${goal.goal} ${goal.unit})`.replace(/ \)$/, ')'));
    return { measure: goal.measure, figure: figure ?? null, goal: `${goal.op} ${goal.goal} ${goal.unit}`.trim(), pass };
  });
  for (const note of results.notes) console.log(`note: ${note}`);
  fs.writeFileSync(values.json!, `${JSON.stringify({ machine: info, sizes, figures: results.toJson(), verdicts, notes: results.notes }, null, 2)}\n`);
  console.log(`\n(written to ${values.json})`);
  process.exitCode = verdicts.every((verdict) => verdict.pass) ? 0 : 1;
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(2);
});
