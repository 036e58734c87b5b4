/**
 * "As at" and "changes between dates" latency, in both views of history (as it stood, by
 * occurredAt; as the ledger showed it, by recordedAt), over the benchmark's bulk-generated ledger
 * (support/bench-ledger.ts: 100 events per finding, every other finding back-filled with one
 * report out of order). Requirement (issue 10): p99 at most 50 ms at 10^6 events. Prints PASS or
 * FAIL lines.
 *   node -r ./test/support/register-ts.js test/bench/as-at.bench.ts [EVENTS...]
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { addDays } from '@ledger/domain';
import { SqliteEventStore } from '@ledger/event-store';
import { ledgerEventStore } from '@ledger/integrity';
import { ProjectionRunner, ReadModels, readModelFiles } from '@ledger/projections';
import { BASES, HistoryReader, historyProjection, queryAsAt, queryChanges, timelineProjection, type Basis } from '@ledger/projections/read-models';
import { FINDINGS_PER_INSPECTION, inspectionIdOf } from '../integrity/support/generate-ledger';
import { BENCH_EVENTS_PER_FINDING, benchLedger } from './support/bench-ledger';

const SAMPLES = 200;
export const LATENCY_GOAL_MS = 50;

const SILENT = { log: () => undefined, warn: () => undefined };

export interface Latency {
  what: string;
  basis: Basis;
  /** Wall-clock milliseconds, what a reader waits. */
  p50: number;
  p99: number;
  /** Milliseconds of this process's CPU: the wall clock less the time other processes had the CPU. */
  cpuP99: number;
}

export interface AsAtFigures {
  events: number;
  findings: number;
  /** Whether the read models went on from the read side's replay of the same ledger. */
  reusedReplay: boolean;
  catchUpSeconds: number;
  latencies: Latency[];
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** `query` in this thread, or awaited when it answers from a reader thread. */
async function measure(what: string, basis: Basis, query: (sample: number) => unknown): Promise<Latency> {
  for (let i = 0; i < 10; i += 1) await query(i);
  const times: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < SAMPLES; i += 1) {
    const started = performance.now();
    const usage = process.cpuUsage();
    await query(i);
    const used = process.cpuUsage(usage);
    times.push(performance.now() - started);
    cpu.push((used.user + used.system) / 1000);
  }
  times.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  return { what, basis, p50: percentile(times, 50), p99: percentile(times, 99), cpuP99: percentile(cpu, 99) };
}

/**
 * Brings the timeline and history read models of `ledgerFile` up to date in `workDir` and times
 * the queries. `replayed`: a read-model file projected from the same ledger (the read side's
 * replay, whole or cut short by its budget), copied and caught up from its checkpoints instead of
 * projecting the log from its start; ignored if absent.
 */
export async function asAtBench(ledgerFile: string, workDir: string, replayed?: string): Promise<AsAtFigures> {
  const store = ledgerEventStore(SqliteEventStore.open(ledgerFile));
  // Its own folder, so that a copied registry keeps the file names of its generations.
  const readModelsFile = path.join(workDir, 'as-at', 'read-models.sqlite');
  try {
    const head = (await store.headPosition()) ?? 0n;
    const reusedReplay = replayed !== undefined && fs.existsSync(replayed);
    fs.rmSync(path.dirname(readModelsFile), { recursive: true, force: true });
    fs.mkdirSync(path.dirname(readModelsFile), { recursive: true });
    if (reusedReplay) for (const file of readModelFiles(replayed)) fs.copyFileSync(file, path.join(path.dirname(readModelsFile), path.basename(file)));
    const readModels = ReadModels.open(readModelsFile, [timelineProjection, historyProjection]);
    const runner = new ProjectionRunner({ store, readModels, logger: SILENT, batchSize: 5000 });
    const started = performance.now();
    await runner.start();
    if (!(await readModels.waitForPosition(head, 3_600_000))) throw new Error('the read models did not catch up');
    // Queries are timed as a caught-up ledger answers them: with the indexes built after the load.
    await runner.whenCaughtUp();
    const catchUpSeconds = (performance.now() - started) / 1000;
    await runner.stop();

    // The generated findings, and the bench's one 30-event stream beside them.
    const findings = Math.round((Number(head) - 30) / BENCH_EVENTS_PER_FINDING);
    const inspections = Math.ceil(findings / FINDINGS_PER_INSPECTION);
    const inspectionOf = (sample: number) => inspectionIdOf(((sample * 7919) % inspections) * FINDINGS_PER_INSPECTION);
    const dayOf = (sample: number) => addDays('2024-09-01', (sample * 37) % 900);
    const latencies: Latency[] = [];
    for (const basis of BASES) {
      latencies.push(
        await measure('as-at, whole register, a page of 50 with its total', basis, (s) => queryAsAt(readModels, { date: dayOf(s), basis }, {}, { limit: 50, offset: 0 })),
        await measure('as-at, overdue findings only (every finding judged)', basis, (s) => queryAsAt(readModels, { date: dayOf(s), basis }, { overdue: true }, { limit: 50, offset: 0 })),
        await measure('as-at, one status (in progress)', basis, (s) => queryAsAt(readModels, { date: dayOf(s), basis }, { statuses: ['InProgress'] }, { limit: 50, offset: 0 })),
        await measure('as-at, one inspection', basis, (s) => queryAsAt(readModels, { date: dayOf(s), basis }, { inspectionId: inspectionOf(s) }, { limit: 50, offset: 0 })),
        await measure('changes, one inspection over a quarter', basis, (s) =>
          queryChanges(readModels, { from: dayOf(s), to: addDays(dayOf(s), 91), basis, inspectionId: inspectionOf(s) }, { limit: 50, offset: 0 }),
        ),
        await measure('changes, whole ledger over one day', basis, (s) => queryChanges(readModels, { from: dayOf(s), to: dayOf(s), basis }, { limit: 50, offset: 0 })),
      );
    }
    // As the API serves them: off its event loop, in a reader thread with its own connection.
    const reader = new HistoryReader({ readModelsFile, threads: 1 });
    try {
      for (const basis of BASES) {
        latencies.push(
          await measure('as-at in a reader thread, whole register, a page of 50', basis, (s) => reader.asAt({ date: dayOf(s), basis }, {}, { limit: 50, offset: 0 })),
          await measure('changes in a reader thread, whole ledger over one day', basis, (s) => reader.changes({ from: dayOf(s), to: dayOf(s), basis }, { limit: 50, offset: 0 })),
        );
      }
    } finally {
      await reader.stop();
    }
    readModels.close();
    return { events: Number(head), findings, reusedReplay, catchUpSeconds, latencies };
  } finally {
    await store.close();
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${readModelsFile}${suffix}`, { force: true });
  }
}

/** The figures as lines, one per query and view, judged against the goal. */
export function asAtReport(figures: AsAtFigures): { lines: string[]; failed: number } {
  const lines = [
    `${figures.events} events (${figures.findings} findings): timeline and history read models caught up in ${figures.catchUpSeconds.toFixed(0)} s${figures.reusedReplay ? ' from the replay of the same ledger' : ''}`,
  ];
  let failed = 0;
  for (const { what, basis, p50, p99, cpuP99 } of figures.latencies) {
    const ok = p99 <= LATENCY_GOAL_MS;
    if (!ok) failed += 1;
    lines.push(`${ok ? 'PASS' : 'FAIL'} ${what} p99 (${basis}, ${figures.events} events): ${p99.toFixed(1)} ms (goal ${LATENCY_GOAL_MS} ms; p50 ${p50.toFixed(1)} ms; CPU p99 ${cpuP99.toFixed(1)} ms)`);
  }
  return { lines, failed };
}

if (require.main === module) {
  void (async () => {
    let failed = 0;
    for (const events of process.argv.slice(2).map(Number)) {
      const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-bench-as-at-'));
      try {
        const report = asAtReport(await asAtBench(await benchLedger(events, (line) => console.error(line)), workDir));
        report.lines.forEach((line) => console.log(line));
        failed += report.failed;
      } finally {
        fs.rmSync(workDir, { recursive: true, force: true });
      }
    }
    process.exitCode = failed === 0 ? 0 : 1;
  })();
}
