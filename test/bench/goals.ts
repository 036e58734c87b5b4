/**
 * The goals of issue 13 ("Speed at the limit of the disk"), written once, here. Every figure comes
 * from the targets, never from a previous measurement. A goal whose measure is missing
 * from a run is reported as FAIL, not left out.
 */
import type { Results } from './bench-module';

export interface Goal {
  /** What the line says, e.g. "replay of every read model vs scan+parse at 10^6". */
  measure: string;
  /** The figure judged; undefined when the run did not measure it. */
  figure(results: Results): number | undefined;
  op: '>=' | '<=';
  goal: number;
  /** Printed after the goal, e.g. "x", "ms", "MiB". */
  unit: string;
}

const E6 = 1_000_000;
const E7 = 10_000_000;
const E5 = 100_000;

function ratio(a: number | undefined, b: number | undefined): number | undefined {
  return a === undefined || b === undefined || b === 0 ? undefined : a / b;
}

function difference(a: number | undefined, b: number | undefined): number | undefined {
  return a === undefined || b === undefined ? undefined : a - b;
}

function label(size: number): string {
  return `10^${Math.round(Math.log10(size))}`;
}

/** Minutes of the run spent building the API, at each size (its ledger and every module), and on the modules run once. */
export const BUILD_MINUTES = 'build minutes';
export const SIZE_MINUTES = 'minutes at this size (ledger and modules)';
export const ONCE_MINUTES = 'once-per-run modules minutes';

/**
 * What a run at 10^4, 10^5 and 10^6 events takes from start to end, every module included: the
 * build, each size up to `size` (generating or reusing its ledger, then every module at it) and
 * the modules run once. With `--ten-million` the 10^7 part is left out, as it is not in the goal.
 */
function runMinutesUpTo(r: Results, size: number): number | undefined {
  const sizes = r.bySize(SIZE_MINUTES);
  const build = r.get(0, BUILD_MINUTES);
  const once = r.get(0, ONCE_MINUTES);
  if (build === undefined || once === undefined || !sizes.some(([at]) => at === size)) return undefined;
  return build + once + sizes.filter(([at]) => at <= size).reduce((sum, [, minutes]) => sum + minutes, 0);
}

/** Throughput of a read-side job at `size` as a share of scan-plus-parse in the same run. */
function vsScan(job: string, size: number, atLeast: number): Goal {
  return {
    measure: `${job} vs scan+parse at ${label(size)}`,
    figure: (r) => ratio(r.get(size, `${job} events/s`), r.get(size, 'scan+parse events/s')),
    op: '>=',
    goal: atLeast,
    unit: 'x',
  };
}

/** Time of a read-side job at `size` in multiples of the raw scan's time. */
function timeVsScan(job: string, size: number, atMost: number): Goal {
  return {
    measure: `${job} time vs scan+parse time at ${label(size)}`,
    figure: (r) => ratio(r.get(size, 'scan+parse events/s'), r.get(size, `${job} events/s`)),
    op: '<=',
    goal: atMost,
    unit: 'x',
  };
}

function rssGrowth(job: string, size: number): Goal {
  return {
    measure: `peak RSS of ${job}, ${label(size)} minus ${label(E5)}`,
    figure: (r) => difference(r.get(size, `${job} peak RSS MiB`), r.get(E5, `${job} peak RSS MiB`)),
    op: '<=',
    goal: 64,
    unit: 'MiB',
  };
}

function holdsAt1e7(job: string): Goal {
  return {
    measure: `${job} throughput at 10^7 vs 10^6`,
    figure: (r) => ratio(r.get(E7, `${job} events/s`), r.get(E6, `${job} events/s`)),
    op: '>=',
    goal: 0.6,
    unit: 'x',
  };
}

/** The goals judged in every run; `withTenMillion` adds those that need the 10^7 ledger. */
export function goals(withTenMillion: boolean): Goal[] {
  const list: Goal[] = [
    vsScan('replay of every read model', E6, 0.6),
    {
      measure: `bytes written by a rebuild vs the read-model file it produces at ${label(E6)}`,
      figure: (r) => ratio(r.get(E6, 'replay bytes written MiB'), r.get(E6, 'replay read-model file MiB')),
      op: '<=',
      goal: 2,
      unit: 'x',
    },
    timeVsScan('verify', E6, 2.5),
    timeVsScan('JSONL export', E6, 2.5),
    rssGrowth('replay', E6),
    rssGrowth('verify', E6),
    rssGrowth('JSONL export', E6),
    rssGrowth('CSV export', E6),
    rssGrowth('XLSX export', E6),
    {
      measure: 'HTTP commands at 64 connections vs fsync rate',
      figure: (r) => ratio(r.get(0, 'HTTP 64 connections req/s'), r.get(0, 'fsync/s')),
      op: '>=',
      goal: 0.3,
      unit: 'x',
    },
    { measure: 'HTTP command p99 at 64 connections', figure: (r) => r.get(0, 'HTTP 64 connections p99 ms'), op: '<=', goal: 50, unit: 'ms' },
    { measure: 'HTTP command p99 at 1 connection', figure: (r) => r.get(0, 'HTTP 1 connection p99 ms'), op: '<=', goal: 2, unit: 'ms' },
    {
      measure: `start-up with ${label(E6)} projected events vs empty`,
      figure: (r) => ratio(r.get(E6, 'start-up ms'), r.get(0, 'start-up empty ms')),
      op: '<=',
      goal: 2,
      unit: 'x',
    },
    { measure: 'loading one 30-event stream, p99', figure: (r) => r.get(0, 'load 30-event stream p99 ms'), op: '<=', goal: 0.5, unit: 'ms' },
    { measure: `whole benchmark at ${label(E6)}, every module of the run`, figure: (r) => runMinutesUpTo(r, E6), op: '<=', goal: 15, unit: 'min' },
    // Issue 10: both views of history from indexed rows, p99 at most 50 ms at 10^6 events.
    { measure: `as-at p99, worst query and view, at ${label(E6)}`, figure: (r) => r.get(E6, 'as-at worst p99 ms'), op: '<=', goal: 50, unit: 'ms' },
    { measure: `changes p99, worst query and view, at ${label(E6)}`, figure: (r) => r.get(E6, 'changes worst p99 ms'), op: '<=', goal: 50, unit: 'ms' },
    // Issue 12: the adapter reads through the client at no less than 0.8 of the raw client.
    { measure: 'EventStoreDB adapter vs raw client read', figure: (r) => r.get(0, 'esdb adapter/client read ratio'), op: '>=', goal: 0.8, unit: 'x' },
  ];
  if (withTenMillion) {
    list.push(
      vsScan('replay of every read model', E7, 0.5),
      rssGrowth('replay', E7),
      rssGrowth('verify', E7),
      rssGrowth('JSONL export', E7),
      rssGrowth('CSV export', E7),
      rssGrowth('XLSX export', E7),
      holdsAt1e7('replay of every read model'),
      holdsAt1e7('verify'),
      holdsAt1e7('JSONL export'),
    );
  }
  return list;
}

export function passes(goal: Goal, figure: number): boolean {
  return goal.op === '>=' ? figure >= goal.goal : figure <= goal.goal;
}
