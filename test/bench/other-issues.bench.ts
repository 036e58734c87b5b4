/**
 * The measures other issues asked of `npm run bench`, as modules of its one table: as-at and
 * changes latency in both views of history (issue 10), the EventStoreDB adapter's read path
 * against the raw client (issue 12) and the heaviest pages' rendering (issue 11).
 */
import { type BenchModule } from './bench-module';
import { asAtBench, asAtReport } from './as-at.bench';
import { esdbReadBench } from './esdb-read.bench';
import { pagesBench } from './pages.bench';
import { projectedReadModels } from './read-side.bench';

/**
 * Worst p99 over every as-at and changes query in both views; each query's own line is logged.
 * Timed on the run's bulk ledger. When the read side replayed it in this run, its read models are
 * reused (copied): the runner goes on from their checkpoints, so the log is projected once, and
 * only what the replay's budget left is caught up here (timeline and history only).
 */
export const asAtModule: BenchModule = {
  name: 'as-at',
  async atSize(context) {
    const { events, ledgerFile, workDir, results, log } = context;
    if (events < 100_000) return;
    const figures = await asAtBench(ledgerFile, workDir, projectedReadModels(context));
    log(asAtReport(figures).lines[0]);
    for (const { what, basis, p50, p99 } of figures.latencies) log(`${what} (${basis}): p50 ${p50.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms`);
    const worst = (prefix: string) => Math.max(...figures.latencies.filter((l) => l.what.startsWith(prefix)).map((l) => l.p99));
    results.set(events, 'as-at read models catch-up s', figures.catchUpSeconds, 's');
    results.set(events, 'as-at worst p99 ms', worst('as-at'), 'ms');
    results.set(events, 'changes worst p99 ms', worst('changes'), 'ms');
    const page = figures.latencies.filter((l) => l.what.startsWith('as-at, whole register'));
    results.set(events, 'as-at register page p99 ms', Math.max(...page.map((l) => l.p99)), 'ms');
  },
};

export const esdbReadModule: BenchModule = {
  name: 'esdb-read',
  async once({ results }) {
    const figures = await esdbReadBench();
    results.set(0, 'esdb adapter/client read ratio', figures.ratio, 'x');
  },
};

/** Measured, not judged: the issue sets no goal for rendering. */
export const pagesModule: BenchModule = {
  name: 'pages',
  async once({ results }) {
    const figures = await pagesBench();
    results.set(0, 'register page, 1,000 findings, ms', figures.register, 'ms');
    results.set(0, 'recommendation page, 200-entry timeline, ms', figures.recommendation, 'ms');
  },
};
