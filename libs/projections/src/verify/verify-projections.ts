import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { EventStore, RecordedEvent } from '@ledger/event-store';
import type { Projection } from '../projection';
import { ReadModels } from '../read-model-database';
import { type ProjectionFault, generationFile, physicalTableName, tableSpecOf } from '../registry/generation-registry';
import { GenerationWriter } from '../runner/generation-writer';
import { compareTables, type TableComparison } from './compare-tables';

export interface ProjectionVerification {
  projection: string;
  /** `not-comparable`: see `reason` (a rebuild is pending, the live tables never started, the rebuild faulted ...). */
  outcome: 'identical' | 'different' | 'not-comparable';
  reason: string | null;
  liveGeneration: number | null;
  /** Both sides were compared as they stood after this position. */
  checkpoint: bigint | null;
  tables: TableComparison[];
}

export interface VerificationResult {
  ok: boolean;
  projections: ProjectionVerification[];
}

export interface VerifyOptions {
  /** Only these projections (default: all). */
  names?: readonly string[];
  batchSize?: number;
  /** Rows listed per table and side when they differ (default 20). */
  maxDifferences?: number;
  /** Where the scratch database goes (default: a new folder in the OS temporary folder, removed after). */
  scratchDir?: string;
  streamPrefixes?: readonly string[];
}

/** The live side moved on while we compared this many times: give up rather than chase it forever. */
const MAX_ATTEMPTS = 5;

interface LiveGeneration {
  generation: bigint;
  version: bigint;
  table_spec: string;
  checkpoint: bigint | null;
}

/**
 * The determinism check: rebuilds each projection from the log into scratch tables (a separate,
 * temporary database) up to the live generation's checkpoint, then compares them row by row
 * with the live tables, on one snapshot of the live database. Safe while the API is running.
 */
export async function verifyProjections(store: EventStore, readModels: ReadModels, options: VerifyOptions = {}): Promise<VerificationResult> {
  const projections = (options.names ?? readModels.projections.map((projection) => projection.name)).map((name) => readModels.projection(name));
  const scratchDir = fs.mkdtempSync(path.join(options.scratchDir ?? os.tmpdir(), 'ledger-verify-'));
  try {
    const results: ProjectionVerification[] = [];
    for (const [index, projection] of projections.entries()) {
      results.push(await verifyOne(store, readModels.file, projection, path.join(scratchDir, `scratch-${index}.sqlite`), options));
    }
    return { ok: results.every((result) => result.outcome === 'identical'), projections: results };
  } finally {
    fs.rmSync(scratchDir, { recursive: true, force: true });
  }
}

async function verifyOne(
  store: EventStore,
  liveFile: string,
  projection: Projection,
  scratchFile: string,
  options: VerifyOptions,
): Promise<ProjectionVerification> {
  const scratch = ReadModels.open(scratchFile, [projection]);
  try {
    scratch.db.prepare('ATTACH DATABASE ? AS live').run(liveFile);
    const liveRow = scratch.db
      .prepare<[string], Omit<LiveGeneration, 'checkpoint'>>(
        "SELECT generation, version, table_spec FROM live.read_model_generations WHERE projection = ? AND status = 'active'",
      )
      .safeIntegers(true);
    // The live generation's own file, holding its tables and checkpoint, attached as `live_data`.
    let liveData: bigint | null = null;
    const attachLive = (generation: bigint) => {
      if (liveData === generation) return;
      if (liveData !== null) scratch.db.exec('DETACH DATABASE live_data');
      scratch.db.prepare('ATTACH DATABASE ? AS live_data').run(generationFile(liveFile, projection.name, Number(generation)));
      liveData = generation;
    };
    const liveActive = {
      get(name: string): LiveGeneration | undefined {
        const row = liveRow.get(name);
        if (!row) return undefined;
        if (!scratch.db.inTransaction) attachLive(row.generation);
        if (liveData !== row.generation) return { ...row, checkpoint: -1n };
        const checkpoint = scratch.db.prepare<[], bigint | null>('SELECT checkpoint FROM live_data.generation_state WHERE id = 1').pluck().safeIntegers(true).get();
        return { ...row, checkpoint: checkpoint ?? null };
      },
    };
    const result = (reason: string | null, outcome: ProjectionVerification['outcome'], live?: LiveGeneration, tables: TableComparison[] = []) => ({
      projection: projection.name,
      outcome,
      reason,
      liveGeneration: live ? Number(live.generation) : null,
      checkpoint: live?.checkpoint ?? null,
      tables,
    });

    const writer = new GenerationWriter(scratch, projection, scratch.registry.ensureActive(projection));
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
      const target = liveActive.get(projection.name);
      if (!target) return result('the live read models have no tables for it yet (the runner has not run)', 'not-comparable');
      if (Number(target.version) !== projection.version || target.table_spec !== tableSpecOf(projection)) {
        return result(
          `the live generation ${target.generation} was built by version ${target.version} (or other tables); this code is version ${projection.version}: rebuild it first`,
          'not-comparable',
          target,
        );
      }
      if (target.checkpoint !== null && writer.checkpoint !== null && target.checkpoint < writer.checkpoint) break;
      const fault = await replayUpTo(store, writer, target.checkpoint, options);
      if (fault) {
        return result(`the rebuild cannot apply event ${fault.eventId} (${fault.eventType}) at position ${fault.position}: ${fault.error}`, 'not-comparable', target);
      }
      // Caught up as a load does: then what apply put off until the indexes exist is done.
      writer.ensureIndexes();
      const compared = scratch.read(() => {
        const live = liveActive.get(projection.name);
        if (!live || live.generation !== target.generation || live.checkpoint !== writer.checkpoint) return null;
        const tables = Object.keys(projection.tables).map((table) =>
          compareTables(
            scratch.db,
            table,
            `live_data.${table}`,
            physicalTableName(projection.name, writer.generation, table),
            options.maxDifferences ?? 20,
          ),
        );
        return { live, tables };
      });
      if (compared) {
        const identical = compared.tables.every((table) => table.columns === null && table.differences.length === 0);
        return result(null, identical ? 'identical' : 'different', compared.live, compared.tables);
      }
    }
    return result('the live read models kept changing while they were compared: run verify again', 'not-comparable');
  } finally {
    scratch.close();
  }
}

/** Applies the log up to `target` (inclusive) to the scratch generation, page by page. */
async function replayUpTo(store: EventStore, writer: GenerationWriter, target: bigint | null, options: VerifyOptions): Promise<ProjectionFault | null> {
  if (target === null) return null;
  const batchSize = options.batchSize ?? 1000;
  const prefixes = options.streamPrefixes;
  while (writer.checkpoint === null || writer.checkpoint < target) {
    const page: RecordedEvent[] = [];
    for await (const event of store.readAll({ after: writer.checkpoint ?? undefined, maxCount: batchSize })) {
      if (event.position > target) break;
      page.push(event);
    }
    const wanted = prefixes ? page.filter((event) => prefixes.some((prefix) => event.streamId.startsWith(prefix))) : page;
    // A short page means nothing else up to the target: the checkpoint moves there.
    const advanceTo = page.length === batchSize ? page[page.length - 1].position : target;
    const committed = writer.commit(wanted, advanceTo);
    if (committed.fault) return committed.fault;
  }
  return null;
}
