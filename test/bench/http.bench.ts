/**
 * Durable commands over HTTP against the physical limit of the disk: the rate at which this
 * machine can write and fdatasync a small record, measured in the same run. The API runs built,
 * in its own process; autocannon drives it from this one.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { BenchModule, OnceContext } from './bench-module';
import { startApi } from './support/api-process';

/** The part of autocannon (which ships no types) used here. */
interface AutocannonInstance extends PromiseLike<{ non2xx: number; errors: number; timeouts: number }> {
  on(event: 'response', listener: (client: unknown, statusCode: number, bytes: number, responseTime: number) => void): void;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon = require('autocannon') as (options: Record<string, unknown>) => AutocannonInstance;

const FSYNC_SECONDS = 2;
/** The bench acts as the development office caseworker, who may register, accept and assign (the role table). */
const AS_OFFICE = { 'content-type': 'application/json', 'x-ledger-dev-user': 'office-staff' };
const FINDINGS = 200;

/** The disk's durable writes: their rate, and how long one takes (its tail is the floor of a command's). */
interface FsyncFigures {
  rate: number;
  p50: number;
  p99: number;
}

/** Appends 512 bytes and fdatasyncs, for a fixed time. */
function fsyncFigures(dir: string): FsyncFigures {
  const file = path.join(dir, 'fsync-probe');
  const fd = fs.openSync(file, 'w');
  const record = Buffer.alloc(512, 1);
  const latencies: number[] = [];
  const started = performance.now();
  while (performance.now() - started < FSYNC_SECONDS * 1000) {
    const write = performance.now();
    fs.writeSync(fd, record);
    fs.fdatasyncSync(fd);
    latencies.push(performance.now() - write);
  }
  const seconds = (performance.now() - started) / 1000;
  fs.closeSync(fd);
  fs.rmSync(file);
  return { rate: latencies.length / seconds, p50: percentile(latencies, 0.5), p99: percentile(latencies, 0.99) };
}

function percentile(values: number[], share: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))] ?? Number.NaN;
}

async function registerFindings(url: string): Promise<string[]> {
  const findings = Array.from({ length: FINDINGS }, (_, i) => ({
    reference: `REC ${i + 1}`,
    number: i + 1,
    findingType: 'recommendation',
    text: `Forces should act on finding ${i + 1}.`,
  }));
  const response = await fetch(`${url}/api/inspections`, {
    method: 'POST',
    headers: AS_OFFICE,
    body: JSON.stringify({ title: 'Benchmark inspection', inspectionType: 'national-thematic', scope: 'national', service: 'police', publishedOn: '2024-08-22', findings }),
  });
  if (response.status !== 201) throw new Error(`registering the bench inspection answered ${response.status}: ${await response.text()}`);
  const ids = ((await response.json()) as { findingIds: string[] }).findingIds;
  // Findings are issued from the registration after it returns; an owner is assigned once accepted.
  for (const id of ids) {
    for (let tries = 0; ; tries += 1) {
      if ((await fetch(`${url}/api/recommendations/${id}/history`, { headers: AS_OFFICE })).status === 200) break;
      if (tries > 2000) throw new Error(`finding ${id} was never issued`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const accepted = await fetch(`${url}/api/recommendations/${id}/accept`, {
      method: 'POST',
      headers: AS_OFFICE,
      body: JSON.stringify({ commitment: 'We will act on it.' }),
    });
    if (accepted.status !== 200) throw new Error(`accepting bench finding ${id} answered ${accepted.status}: ${await accepted.text()}`);
  }
  return ids;
}

/** The API's own figures (its /metrics), read before and after a load. */
interface ApiFigures {
  /** The longest the API's event loop was held since the previous scrape (prom-client resets it at each scrape). */
  loopMaxMs: number;
  loopP99Ms: number;
  /** Group commits and the appends they carried, since the API started. */
  groups: number;
  appends: number;
  /** Commands answered, and of those within 2 ms of reaching the application (its own latency histogram). */
  commands: number;
  commandsWithin2Ms: number;
  /** Garbage collections, those of 10 ms or more, and their time, since the API started. */
  gcs: number;
  gcsOver10Ms: number;
  gcSeconds: number;
  /** CPU time of the whole API process (every thread), user and system: work done, whatever else runs on the machine. */
  cpuSeconds: number;
}

/**
 * prom-client samples the event loop every 10 ms (its default, which the API keeps) and records
 * the whole time between two samples: an idle loop reads 10 ms. The delay is what exceeds it.
 */
const LOOP_SAMPLING_MS = 10;

/** The API's /metrics, read as its administrator. */
async function metricsText(url: string): Promise<string> {
  const response = await fetch(`${url}/metrics`, { headers: { 'x-ledger-dev-user': 'ledger-admin' } });
  if (response.status !== 200) throw new Error(`GET /metrics answered ${response.status}`);
  return response.text();
}

async function apiFigures(url: string): Promise<ApiFigures> {
  const text = await metricsText(url);
  const value = (name: string) => {
    const line = text.split('\n').find((candidate) => candidate.startsWith(`${name} `));
    if (line === undefined) throw new Error(`/metrics has no ${name}`);
    return Number(line.slice(name.length + 1));
  };
  // Summed over every label set (command type and outcome; kind of collection).
  const total = (name: string, le?: string) =>
    text
      .split('\n')
      .filter((line) => line.startsWith(`${name}{`) && (le === undefined || line.includes(`le="${le}"`)))
      .reduce((sum, line) => sum + Number(line.slice(line.lastIndexOf(' ') + 1)), 0);
  const gcs = total('ledger_nodejs_gc_duration_seconds_count');
  return {
    loopMaxMs: value('ledger_nodejs_eventloop_lag_max_seconds') * 1000 - LOOP_SAMPLING_MS,
    loopP99Ms: value('ledger_nodejs_eventloop_lag_p99_seconds') * 1000 - LOOP_SAMPLING_MS,
    groups: value('ledger_append_group_size_count'),
    appends: value('ledger_append_group_size_sum'),
    commands: total('ledger_command_duration_seconds_count'),
    commandsWithin2Ms: total('ledger_command_duration_seconds_bucket', '0.002'),
    gcs,
    gcsOver10Ms: gcs - total('ledger_nodejs_gc_duration_seconds_bucket', '0.01'),
    gcSeconds: total('ledger_nodejs_gc_duration_seconds_sum'),
    cpuSeconds: value('ledger_process_cpu_seconds_total'),
  };
}

/** The most events any projection still has to apply (its lag on /metrics). */
async function projectionLag(url: string): Promise<number> {
  const lags = (await metricsText(url)).split('\n').filter((line) => line.startsWith('ledger_projection_lag_events{'));
  if (lags.length === 0) throw new Error('/metrics has no ledger_projection_lag_events');
  return Math.max(...lags.map((line) => Number(line.slice(line.lastIndexOf(' ') + 1))));
}

/**
 * Each load starts from a settled API: the projections have applied what the previous load
 * appended, so that one load's figures do not carry the catching up of the one before.
 */
async function projectionsCaughtUp(url: string): Promise<void> {
  const started = performance.now();
  while ((await projectionLag(url)) > 0) {
    if (performance.now() - started > 300_000) throw new Error('the projections did not catch up within 300 s of a load');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

interface CommandLoad {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  /** Share of the answers that took longer than 2 ms, as the client saw them. */
  over2Ms: number;
  non2xx: number;
}

/** Assigns an owner, round robin over the findings, from `connections` connections. */
async function commandLoad(url: string, findingIds: string[], connections: number, seconds: number): Promise<CommandLoad> {
  let next = 0;
  const latencies: number[] = [];
  const instance = autocannon({
    url,
    connections,
    duration: seconds,
    requests: [
      {
        method: 'POST',
        setupRequest: (request: Record<string, unknown>) => {
          next += 1;
          return {
            ...request,
            path: `/api/recommendations/${findingIds[next % findingIds.length]}/assign-owner`,
            headers: AS_OFFICE,
            body: JSON.stringify({ owner: `Owner ${next}`, organisation: 'Constabulary' }),
          };
        },
      },
    ],
  });
  instance.on('response', (_client, statusCode, _bytes, responseTime) => {
    if (statusCode >= 200 && statusCode < 300) latencies.push(responseTime);
  });
  const result = await instance;
  return {
    requestsPerSecond: latencies.length / seconds,
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
    over2Ms: latencies.filter((latency) => latency > 2).length / latencies.length,
    non2xx: result.non2xx + result.errors + result.timeouts,
  };
}

async function measure(context: OnceContext, label: string, env: Record<string, string>, seconds: number): Promise<void> {
  const dataDir = path.join(context.workDir, `http-${label.replace(/\W+/g, '-')}`);
  fs.mkdirSync(dataDir, { recursive: true });
  const api = await startApi(dataDir, env);
  try {
    const findingIds = await registerFindings(api.url);
    for (const connections of [64, 1]) {
      await projectionsCaughtUp(api.url);
      const before = await apiFigures(api.url);
      const load = await commandLoad(api.url, findingIds, connections, seconds);
      const after = await apiFigures(api.url);
      const name = `HTTP ${connections} connection${connections === 1 ? '' : 's'}${label}`;
      context.results.set(0, `${name} API event loop max delay ms`, after.loopMaxMs, 'ms');
      context.results.set(0, `${name} API event loop p99 delay ms`, after.loopP99Ms, 'ms');
      context.results.set(0, `${name} appends per group commit`, (after.appends - before.appends) / Math.max(1, after.groups - before.groups), '');
      context.results.set(0, `${name} req/s`, load.requestsPerSecond, 'req/s');
      context.results.set(0, `${name} p50 ms`, load.p50, 'ms');
      context.results.set(0, `${name} p99 ms`, load.p99, 'ms');
      // Where a slow answer's time went: the client's share over 2 ms against the application's
      // own (from reaching it to its durable answer), and the collections that paused it.
      const commands = after.commands - before.commands;
      context.results.set(0, `${name} share over 2 ms, client`, load.over2Ms, '');
      context.results.set(0, `${name} share over 2 ms, in the API`, 1 - (after.commandsWithin2Ms - before.commandsWithin2Ms) / Math.max(1, commands), '');
      context.results.set(0, `${name} API CPU ms per command`, ((after.cpuSeconds - before.cpuSeconds) * 1000) / Math.max(1, commands), 'ms');
      context.results.set(0, `${name} API GC ms per command`, ((after.gcSeconds - before.gcSeconds) * 1000) / Math.max(1, commands), 'ms');
      context.results.set(0, `${name} API GC pauses of 10 ms or more`, after.gcsOver10Ms - before.gcsOver10Ms, '');
      context.results.set(0, `${name} non-2xx`, load.non2xx, '');
      if (load.non2xx > 0) context.results.notes.push(`${name}: ${load.non2xx} answers were not 2xx (or errors/timeouts)`);
    }
  } finally {
    await api.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

export function httpBench(seconds: number): BenchModule {
  return {
    name: 'HTTP commands',
    async once(context) {
      const fsync = fsyncFigures(context.workDir);
      context.results.set(0, 'fsync/s', fsync.rate, '/s');
      context.results.set(0, 'fsync p50 ms', fsync.p50, 'ms');
      context.results.set(0, 'fsync p99 ms', fsync.p99, 'ms');
      await measure(context, '', {}, seconds);
    },
  };
}
