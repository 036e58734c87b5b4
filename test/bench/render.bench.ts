/**
 * Rendering the pages: a recommendation with a 200-event timeline (and its target-date chart),
 * and the register with 1,000 findings on one page, from the read models of a generated ledger.
 * The baseline is writing the same rows as JSON (JSON.stringify of the view model's data), so
 * the ratio says how much the templates cost over writing the data out at all.
 *   node -r ./test/support/register-ts.js test/bench/render.bench.ts
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { SqliteEventStore } from '@ledger/event-store';
import { ledgerEventStore } from '@ledger/integrity';
import { ProjectionRunner, ReadModels } from '@ledger/projections';
import {
  ALL_PROJECTIONS,
  findRegisterEntry,
  queryChallenges,
  queryCommitments,
  queryInspections,
  queryRegister,
  querySlippage,
  recommendationTimeline,
  type TimelineEntry,
} from '@ledger/projections/read-models';
import { targetDateChart } from '../../apps/api/src/web/charts/target-date-chart';
import { recommendationPage } from '../../apps/api/src/web/recommendation/recommendation.page';
import { readingPage } from '../../apps/api/src/web/reading/reading-page';
import { registerPage } from '../../apps/api/src/web/register/register.page';
import { generateLedger } from '../integrity/support/generate-ledger';

const TODAY = '2025-08-22';
const FINDINGS = 1_000;
const TIMELINE_EVENTS = 200;
const SILENT = { log: () => undefined, warn: () => undefined };

export interface RenderFigures {
  /** Pages per second, and the JSON baseline of the same data in the same run. */
  recommendation: { render: number; json: number; bytes: number };
  register: { render: number; json: number; bytes: number };
}

/** Runs `work` for at least `ms`, returning runs per second. */
async function perSecond(work: () => unknown, ms = 2_000): Promise<number> {
  await work();
  let runs = 0;
  const started = performance.now();
  while (performance.now() - started < ms) {
    await work();
    runs += 1;
  }
  return runs / ((performance.now() - started) / 1000);
}

/** A finding's own timeline repeated, with fresh ids and positions, to TIMELINE_EVENTS entries. */
function longTimeline(entries: readonly TimelineEntry[]): TimelineEntry[] {
  return Array.from({ length: TIMELINE_EVENTS }, (_, i) => {
    const entry = entries[i % entries.length];
    return { ...entry, eventId: `${entry.eventId}-${i}`, position: String(i + 1), correctedBy: entry.correctedBy && `${entry.correctedBy}-${i + 1}` };
  });
}

export async function renderBench(): Promise<RenderFigures> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-bench-render-'));
  try {
    const raw = SqliteEventStore.open(path.join(dir, 'events.sqlite'));
    await generateLedger(raw, FINDINGS * 20);
    const store = ledgerEventStore(raw);
    const readModels = ReadModels.open(path.join(dir, 'read-models.sqlite'), ALL_PROJECTIONS);
    const runner = new ProjectionRunner({ store, readModels, logger: SILENT });
    await runner.start();
    await readModels.waitForPosition((await store.headPosition()) ?? 0n, 900_000);

    const findings = queryRegister(readModels, {}, { limit: FINDINGS, offset: 0 }, TODAY);
    if (findings.items.length < FINDINGS) throw new Error(`the generated ledger has ${findings.items.length} findings, not ${FINDINGS}`);
    const inspections = queryInspections(readModels, {}, { limit: 500, offset: 0 }, TODAY);
    const register = () => readingPage(registerPage({ today: TODAY, values: {}, errors: [], inspectionChoices: [], inspections, findings, consistent: true }));

    const recommendationId = findings.items[0].recommendationId;
    const finding = findRegisterEntry(readModels, recommendationId, TODAY)!;
    const timeline = longTimeline(recommendationTimeline(readModels, recommendationId));
    const everything = { limit: 500, offset: 0 };
    const commitments = queryCommitments(readModels, { recommendationId }, everything, TODAY).items;
    const slippage = querySlippage(readModels, { recommendationId }, everything).items[0] ?? null;
    const challenges = queryChallenges(readModels, { status: 'all', recommendationId }, everything, TODAY).items;
    const recommendation = async () =>
      readingPage(recommendationPage({ today: TODAY, finding, timeline, commitments, slippage, challenges, consistent: true, targetDateChart: await targetDateChart(finding.reference, timeline, slippage, TODAY) }));

    const figures: RenderFigures = {
      recommendation: {
        render: await perSecond(recommendation),
        json: await perSecond(() => JSON.stringify({ finding, timeline, commitments, slippage, challenges })),
        bytes: (await recommendation()).length,
      },
      register: {
        render: await perSecond(register),
        json: await perSecond(() => JSON.stringify({ inspections, findings })),
        bytes: register().length,
      },
    };
    await runner.stop();
    readModels.close();
    await store.close();
    console.log(`recommendation, ${TIMELINE_EVENTS}-event timeline: ${figures.recommendation.render.toFixed(1)} pages/s, ${Math.round(figures.recommendation.bytes / 1024)} KiB (same data as JSON: ${figures.recommendation.json.toFixed(0)}/s)`);
    console.log(`register, ${FINDINGS} findings on one page: ${figures.register.render.toFixed(1)} pages/s, ${Math.round(figures.register.bytes / 1024)} KiB (same data as JSON: ${figures.register.json.toFixed(0)}/s)`);
    return figures;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) void renderBench();
