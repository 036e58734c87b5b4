/**
 * `npm run bench`: speed and memory figures for one run on this machine, judged as ratios
 * against a baseline measured in the same run (raw reads of the same log), so that a noisy,
 * shared 2-core machine still gives a meaningful verdict. Exits 1 if a requirement is not met.
 *   npm run bench -- [EVENTS]
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { SqliteEventStore } from '@ledger/event-store';
import { ledgerEventStore } from '@ledger/integrity';
import { ProjectionRunner, ReadModels } from '@ledger/projections';
import { ALL_PROJECTIONS } from '@ledger/projections/read-models';
import { generateLedger } from '../integrity/support/generate-ledger';
import { exportBench } from './export.bench';
import { renderBench } from './render.bench';
import { replayBench } from './replay.bench';

interface Requirement {
  what: string;
  ratio: number;
  atLeast: number;
}

const SILENT = { log: () => undefined, warn: () => undefined };

/** Catch-up of every real read model over a realistic generated ledger, in events/s. */
async function readModelReplay(events: number): Promise<{ readAll: number; replay: number }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-bench-'));
  try {
    const raw = SqliteEventStore.open(path.join(dir, 'events.sqlite'));
    const written = await generateLedger(raw, events);
    const store = ledgerEventStore(raw);
    let started = performance.now();
    for await (const _event of store.readAll()) void _event;
    const readAll = written / ((performance.now() - started) / 1000);
    const readModels = ReadModels.open(path.join(dir, 'read-models.sqlite'), ALL_PROJECTIONS);
    const runner = new ProjectionRunner({ store, readModels, logger: SILENT });
    const head = await store.headPosition();
    started = performance.now();
    await runner.start();
    await readModels.waitForPosition(head ?? 0n, 900_000);
    const replay = written / ((performance.now() - started) / 1000);
    await runner.stop();
    readModels.close();
    await store.close();
    console.log(`all ${ALL_PROJECTIONS.length} read models from the start of the log: ${Math.round(replay)} events/s (raw read ${Math.round(readAll)} events/s)`);
    return { readAll, replay };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const events = Number(process.argv[2] ?? 20_000);
  console.log(`# Replay (${events} events)`);
  const replay = await replayBench(events);
  const readModels = await readModelReplay(events);
  console.log(`\n# Export, verify and import (${events} events)`);
  const exported = await exportBench(events);
  console.log('\n# Rendering pages (1,000 findings)');
  const rendered = await renderBench();

  const requirements: Requirement[] = [
    { what: 'rebuild of one projection vs raw read', ratio: replay.rebuild / replay.readAll, atLeast: 0.1 },
    { what: 'replay of every read model vs raw read', ratio: readModels.replay / readModels.readAll, atLeast: 0.01 },
    { what: 'JSONL export vs raw read', ratio: exported['export jsonl'] / replay.readAll, atLeast: 0.02 },
    { what: 'CSV export vs raw read', ratio: exported['export csv'] / replay.readAll, atLeast: 0.02 },
    { what: 'verify of the live store vs raw read', ratio: exported.verifyStore / replay.readAll, atLeast: 0.02 },
    { what: 'recommendation page (200-event timeline) vs its data as JSON', ratio: rendered.recommendation.render / rendered.recommendation.json, atLeast: 0.001 },
    { what: 'register page (1,000 findings) vs its data as JSON', ratio: rendered.register.render / rendered.register.json, atLeast: 0.004 },
  ];
  console.log('\n# Requirements (ratios within this run)');
  let failed = 0;
  for (const { what, ratio, atLeast } of requirements) {
    const ok = ratio >= atLeast;
    if (!ok) failed += 1;
    console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}: ${ratio.toFixed(3)} (at least ${atLeast})`);
  }
  process.exitCode = failed === 0 ? 0 : 1;
}

void main();
