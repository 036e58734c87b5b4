/** Start-up of the API with the ledger and its projected read models, against an empty start. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readModelFiles } from '@ledger/projections';
import type { BenchModule } from './bench-module';
import { projectedReadModels } from './read-side.bench';
import { startApi } from './support/api-process';

async function timedStart(dataDir: string): Promise<number> {
  const api = await startApi(dataDir);
  await api.stop();
  return api.startMs;
}

export const startupBench: BenchModule = {
  name: 'start-up',
  async atSize(context) {
    const readModels = projectedReadModels(context);
    if (!fs.existsSync(readModels)) return;
    const dataDir = path.join(context.workDir, 'startup');
    fs.mkdirSync(dataDir, { recursive: true });
    fs.copyFileSync(context.ledgerFile, path.join(dataDir, 'events.sqlite'));
    // The registry and every generation file beside it.
    for (const file of readModelFiles(readModels)) fs.copyFileSync(file, path.join(dataDir, path.basename(file)));
    context.results.set(context.events, 'start-up ms', await timedStart(dataDir), 'ms');
    fs.rmSync(dataDir, { recursive: true, force: true });
  },
  async once(context) {
    const dataDir = path.join(context.workDir, 'startup-empty');
    fs.mkdirSync(dataDir, { recursive: true });
    context.results.set(0, 'start-up empty ms', await timedStart(dataDir), 'ms');
  },
};
