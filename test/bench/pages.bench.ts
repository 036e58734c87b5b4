import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { SqliteEventStore } from '@ledger/event-store';
import { ProjectionRunner, ReadModels } from '@ledger/projections';
import { ALL_PROJECTIONS, findRegisterEntry, queryCommitments, queryInspections, queryRegister, querySlippage, recommendationTimeline, type RegisterEntry, type TimelineEntry } from '@ledger/projections/read-models';
import { targetDateChart } from '../../apps/api/src/web/charts/target-date-chart';
import { evidenceList } from '../../apps/api/src/web/evidence/evidence.page';
import { recommendationPage } from '../../apps/api/src/web/recommendation/recommendation.page';
import { readingPage } from '../../apps/api/src/web/reading/reading-page';
import { registerPage } from '../../apps/api/src/web/register/register.page';
import { LedgerDriver } from '../read-models/support/ledger-driver';
import { ID, QUERY_DAY, recordSampleYear } from '../read-models/support/sample-year';

const SILENT = { log: () => undefined, warn: () => undefined };

/** Milliseconds per call, best of a few rounds (the machine is shared). */
function timed(rounds: number, work: () => unknown): number {
  let best = Infinity;
  for (let round = 0; round < 3; round += 1) {
    const started = performance.now();
    for (let i = 0; i < rounds; i += 1) work();
    best = Math.min(best, (performance.now() - started) / rounds);
  }
  return best;
}

/** As `timed`, for work that awaits (the chart is drawn by Vega, which answers with a promise). */
async function timedAsync(rounds: number, work: () => Promise<unknown>): Promise<number> {
  let best = Infinity;
  for (let round = 0; round < 3; round += 1) {
    const started = performance.now();
    for (let i = 0; i < rounds; i += 1) await work();
    best = Math.min(best, (performance.now() - started) / rounds);
  }
  return best;
}

/**
 * Rendering the two heaviest pages from the sample year's read models, grown to size: the
 * register with 1,000 findings and a recommendation with a 200-entry timeline, drawn as its page
 * draws it (its target-date chart rendered to SVG, its evidence list). Each is put beside
 * serialising the same read-model data as JSON (what the JSON read API does with it), in this run.
 */
export async function pagesBench(): Promise<{ register: number; recommendation: number; registerJson: number; recommendationJson: number }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-bench-pages-'));
  try {
    const store = SqliteEventStore.open(path.join(dir, 'events.sqlite'));
    const driver = await LedgerDriver.start(store);
    await recordSampleYear(driver);
    await driver.close();
    const readModels = ReadModels.open(path.join(dir, 'read-models.sqlite'), ALL_PROJECTIONS);
    const runner = new ProjectionRunner({ store, readModels, logger: SILENT });
    await runner.start();
    await readModels.waitForPosition((await store.headPosition()) ?? 0n, 60_000);

    const sample = queryRegister(readModels, {}, { limit: 100, offset: 0 }, QUERY_DAY).items;
    const findings: RegisterEntry[] = Array.from({ length: 1000 }, (_, i) => ({ ...sample[i % sample.length], recommendationId: `finding-${i}`, reference: `REC ${i + 1}` }));
    const inspections = queryInspections(readModels, {}, { limit: 100, offset: 0 }, QUERY_DAY);
    const registerModel = { today: QUERY_DAY, values: {}, errors: [], inspectionChoices: [], inspections, findings: { items: findings, total: findings.length, offset: 0, limit: findings.length }, consistent: true };

    const year = recommendationTimeline(readModels, ID.rec05);
    const timeline: TimelineEntry[] = Array.from({ length: 200 }, (_, i) => ({ ...year[i % year.length], eventId: `entry-${i}`, correctedBy: null }));
    const finding = findRegisterEntry(readModels, ID.rec05, QUERY_DAY)!;
    const commitments = queryCommitments(readModels, { recommendationId: ID.rec05 }, { limit: 100, offset: 0 }, QUERY_DAY).items;
    const slippage = querySlippage(readModels, { recommendationId: ID.rec05 }, { limit: 1, offset: 0 }).items[0] ?? null;
    const recommendationModel = { today: QUERY_DAY, finding, timeline, commitments, slippage, challenges: [], consistent: true };

    const register = timed(5, () => readingPage(registerPage(registerModel)));
    const registerJson = timed(5, () => JSON.stringify({ inspections, findings }));
    const recommendation = await timedAsync(20, async () =>
      readingPage(recommendationPage({ ...recommendationModel, targetDateChart: await targetDateChart(finding.reference, timeline, slippage, QUERY_DAY), evidence: evidenceList(timeline, null) })),
    );
    const recommendationJson = timed(20, () => JSON.stringify({ finding, timeline, commitments }));
    console.log(`register page, 1,000 findings: ${register.toFixed(1)} ms (the same data as JSON: ${registerJson.toFixed(2)} ms)`);
    console.log(`recommendation page, 200-entry timeline, with its target-date chart: ${recommendation.toFixed(1)} ms (the same data as JSON: ${recommendationJson.toFixed(2)} ms)`);
    await runner.stop();
    readModels.close();
    await store.close();
    return { register, recommendation, registerJson, recommendationJson };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
