/**
 * "As at" and "changes between dates" latency, in both views of history (as it stood, by
 * occurredAt; as the ledger showed it, by recordedAt), over a generated back-filled ledger.
 * Requirement (issue 10): p99 at most 50 ms at 10^6 events. Prints PASS or FAIL lines.
 *   node -r ./test/support/register-ts.js test/bench/as-at.bench.ts [EVENTS...]
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { addDays } from '@ledger/domain';
import { type EventToAppend, type JsonObject, SqliteEventStore } from '@ledger/event-store';
import { ProjectionRunner, ReadModels } from '@ledger/projections';
import { BASES, historyProjection, queryAsAt, queryChanges, timelineProjection, type Basis } from '@ledger/projections/read-models';

/** Per finding: issue, decision, plan, a moved date, an action, progress every five days for about a year and a half, completion. */
export const EVENTS_PER_FINDING = 100;
const FINDINGS_PER_INSPECTION = 10;
const SAMPLES = 200;
export const LATENCY_GOAL_MS = 50;

const SILENT = { log: () => undefined, warn: () => undefined };
const actors = [
  { id: 'opfcc-caseworker', name: 'Office Caseworker', role: 'office', organisation: 'Cumbria OPFCC' },
  { id: 'cc-ppu-lead', name: 'Head of Public Protection', role: 'action-owner', organisation: 'Cumbria Constabulary' },
  { id: 'opfcc-performance-lead', name: 'Performance Lead', role: 'office', organisation: 'Cumbria OPFCC' },
];

function uuid(seed: string): string {
  const hex = createHash('sha256').update(seed).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * One finding's stream. Even findings are back-filled: every event recorded on one day of 2026,
 * dated with the day it happened (2024-2025), one progress report typed in after later ones.
 * Odd findings are recorded as they happen, with instants.
 */
function findingStream(f: number): { streamId: string; events: EventToAppend[] } {
  const inspectionId = `inspection-${Math.floor(f / FINDINGS_PER_INSPECTION)}`;
  const n = (f % FINDINGS_PER_INSPECTION) + 1;
  const recommendationId = `${inspectionId}-rec-${n}`;
  const start = addDays('2024-08-22', f % 60);
  const body: { type: string; data: JsonObject }[] = [
    {
      type: 'FindingIssued',
      data: { recommendationId, inspectionId, reference: `REC ${n}`, number: n, findingType: 'recommendation', text: `Recommendation ${n}.`, subItems: [], addressees: ['all forces'], dueDate: addDays(start, 160), immediate: false },
    },
    { type: 'RecommendationAccepted', data: { recommendationId, commitment: 'Train every investigating detective.', plannedCompletionDate: addDays(start, 160) } },
    { type: 'RecommendationTargetDateSet', data: { recommendationId, targetDate: addDays(start, 160) } },
    { type: 'RecommendationOwnerAssigned', data: { recommendationId, owner: 'Head of Public Protection Unit', organisation: 'Cumbria Constabulary', previousOwner: null } },
    { type: 'RecommendationWorkStarted', data: { recommendationId } },
    { type: 'RecommendationTargetDateChangeRequested', data: { recommendationId, from: addDays(start, 160), to: addDays(start, 250), reason: 'Course places.', requestedBy: 'cc-ppu-lead' } },
    {
      type: 'RecommendationTargetDateChangeApproved',
      data: { recommendationId, from: addDays(start, 160), to: addDays(start, 250), reason: 'Course places.', requestedBy: 'cc-ppu-lead', approvedBy: 'opfcc-performance-lead', comment: null },
    },
    { type: 'RecommendationActionAdded', data: { recommendationId, actionId: `${recommendationId}-a`, description: 'Book the national course', owner: 'Learning and Development', dueDate: addDays(start, 200) } },
  ];
  while (body.length < EVENTS_PER_FINDING - 4) {
    body.push({ type: 'RecommendationProgressRecorded', data: { recommendationId, narrative: `Progress report ${body.length}.`, percentComplete: Math.min(95, body.length), rag: body.length % 3 === 0 ? 'amber' : 'green' } });
  }
  body.push(
    { type: 'RecommendationActionCompleted', data: { recommendationId, actionId: `${recommendationId}-a` } },
    { type: 'RecommendationMarkedComplete', data: { recommendationId, summary: 'Done.', evidenceIds: [], markedCompleteBy: 'cc-ppu-lead' } },
    { type: 'RecommendationCompletionVerified', data: { recommendationId, verifiedBy: 'opfcc-performance-lead', markedCompleteBy: 'cc-ppu-lead', comment: null } },
    { type: 'RecommendationClosed', data: { recommendationId, comment: null } },
  );
  const backFilled = f % 2 === 0;
  const events = body.map((event, i): EventToAppend => {
    // Every five days; in the back-filled stream one report is typed in after the three that followed it.
    const day = addDays(start, 5 * (backFilled && i === 40 ? 36 : i));
    const occurredAt = backFilled ? day : `${day}T10:00:00.000Z`;
    const recordedAt = backFilled ? `2026-${String(3 + (f % 9)).padStart(2, '0')}-15T${String(8 + Math.floor(i / 60)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}:00.000Z` : occurredAt;
    const commandId = uuid(`${recommendationId}/${i}/command`);
    return {
      id: uuid(`${recommendationId}/${i}`),
      type: event.type,
      data: event.data,
      metadata: { actor: actors[i % actors.length], occurredAt, recordedAt, $correlationId: commandId, $causationId: commandId, commandId, schemaVersion: 1, source: 'import' },
    };
  });
  return { streamId: `recommendation-${recommendationId}`, events };
}

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
  generateSeconds: number;
  catchUpSeconds: number;
  latencies: Latency[];
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function measure(what: string, basis: Basis, query: (sample: number) => unknown): Latency {
  for (let i = 0; i < 10; i += 1) query(i);
  const times: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < SAMPLES; i += 1) {
    const started = performance.now();
    const usage = process.cpuUsage();
    query(i);
    const used = process.cpuUsage(usage);
    times.push(performance.now() - started);
    cpu.push((used.user + used.system) / 1000);
  }
  times.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  return { what, basis, p50: percentile(times, 50), p99: percentile(times, 99), cpuP99: percentile(cpu, 99) };
}

/** Generates about `events` events, brings the timeline and history read models up to date, and times the queries. */
export async function asAtBench(events: number): Promise<AsAtFigures> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-bench-as-at-'));
  try {
    const store = SqliteEventStore.open(path.join(dir, 'events.sqlite'));
    const findings = Math.max(1, Math.round(events / EVENTS_PER_FINDING));
    let started = performance.now();
    let last = 0n;
    for (let f = 0; f < findings; f += 1) {
      const { streamId, events: stream } = findingStream(f);
      last = (await store.append(streamId, stream, 'no_stream')).position;
    }
    const generateSeconds = (performance.now() - started) / 1000;

    const readModels = ReadModels.open(path.join(dir, 'read-models.sqlite'), [timelineProjection, historyProjection]);
    const runner = new ProjectionRunner({ store, readModels, logger: SILENT, batchSize: 5000 });
    started = performance.now();
    await runner.start();
    if (!(await readModels.waitForPosition(last, 3_600_000))) throw new Error('the read models did not catch up');
    // Queries are timed as a caught-up ledger answers them: with the indexes built after the load.
    await runner.whenCaughtUp();
    const catchUpSeconds = (performance.now() - started) / 1000;
    await runner.stop();

    const inspections = Math.ceil(findings / FINDINGS_PER_INSPECTION);
    const inspectionOf = (sample: number) => `inspection-${(sample * 7919) % inspections}`;
    const dayOf = (sample: number) => addDays('2024-09-01', (sample * 37) % 900);
    const latencies: Latency[] = [];
    for (const basis of BASES) {
      latencies.push(
        measure('as-at, whole register, a page of 50 with its total', basis, (s) => queryAsAt(readModels, { date: dayOf(s), basis }, {}, { limit: 50, offset: 0 })),
        measure('as-at, overdue findings only (every finding judged)', basis, (s) => queryAsAt(readModels, { date: dayOf(s), basis }, { overdue: true }, { limit: 50, offset: 0 })),
        measure('as-at, one status (in progress)', basis, (s) => queryAsAt(readModels, { date: dayOf(s), basis }, { statuses: ['InProgress'] }, { limit: 50, offset: 0 })),
        measure('as-at, one inspection', basis, (s) => queryAsAt(readModels, { date: dayOf(s), basis }, { inspectionId: inspectionOf(s) }, { limit: 50, offset: 0 })),
        measure('changes, one inspection over a quarter', basis, (s) =>
          queryChanges(readModels, { from: dayOf(s), to: addDays(dayOf(s), 91), basis, inspectionId: inspectionOf(s) }, { limit: 50, offset: 0 }),
        ),
        measure('changes, whole ledger over one day', basis, (s) => queryChanges(readModels, { from: dayOf(s), to: dayOf(s), basis }, { limit: 50, offset: 0 })),
      );
    }
    readModels.close();
    await store.close();
    return { events: findings * EVENTS_PER_FINDING, findings, generateSeconds, catchUpSeconds, latencies };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The figures as lines, one per query and view, judged against the goal. */
export function asAtReport(figures: AsAtFigures): { lines: string[]; failed: number } {
  const lines = [
    `${figures.events} events (${figures.findings} findings): log written in ${figures.generateSeconds.toFixed(0)} s, timeline and history read models caught up in ${figures.catchUpSeconds.toFixed(0)} s`,
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
      const report = asAtReport(await asAtBench(events));
      report.lines.forEach((line) => console.log(line));
      failed += report.failed;
    }
    process.exitCode = failed === 0 ? 0 : 1;
  })();
}
