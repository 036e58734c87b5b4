import type { KeyObject } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { type InspectionEvent, inspectionStream, recommendationStream, statutoryResponseStream } from '@ledger/domain';
import type { EventStore, JsonObject } from '@ledger/event-store';
import { NO_FILTER } from '../export/export-filter';
import { type ExportPlan, ExportTally, selectEvents } from '../export/select-events';
import { writeTexts } from '../export/write-output';
import { buildManifest, manifestFileFor } from '../manifest/export-manifest';
import { signManifest } from '../manifest/signing-keys';
import { PUBLIC_CHECKS, PUBLIC_EXPORT_FORMAT, PUBLIC_WITHHOLDS_SUMMARY, PUBLIC_WITHHOLDS_WHY, type PublicExportManifest } from './public-manifest';
import { toPublicLine, toPublicRecord } from './public-line';

/**
 * The streams of a published inspection, whole: its own, its statutory response's and its
 * findings' (those it names as at the head of the log). No challenge, nothing of another inspection.
 */
export async function planPublicExport(store: EventStore, inspectionId: string): Promise<ExportPlan> {
  const asAt = await store.headPosition();
  const streams = new Set([inspectionStream(inspectionId), statutoryResponseStream(inspectionId)]);
  for await (const event of store.readStream(inspectionStream(inspectionId))) {
    if (asAt === null || event.position > asAt) break;
    for (const findingId of findingsNamedBy(event)) streams.add(recommendationStream(findingId));
  }
  return { filter: { ...NO_FILTER, inspection: inspectionId }, asAt, streams };
}

/** The findings an event of an inspection's stream names: each has a stream of its own. */
export function findingsNamedBy(event: { type: string; data: JsonObject }): string[] {
  const data = event.data as unknown as InspectionEvent;
  if (event.type === 'InspectionRegistered' && 'findings' in data) return data.findings.map((finding) => finding.findingId);
  if (event.type === 'FindingAdded' && 'finding' in data) return [data.finding.findingId];
  return [];
}

export interface PublicExportOptions {
  inspectionId: string;
  signingKey: KeyObject;
  now?: () => Date;
}

/**
 * Writes the public export of one published inspection to `file` and its signed manifest to
 * `<file>.manifest.json`, each under a temporary name renamed once complete.
 */
export async function exportPublicToFile(store: EventStore, file: string, options: PublicExportOptions): Promise<{ file: string; manifestFile: string; manifest: PublicExportManifest }> {
  const plan = await planPublicExport(store, options.inspectionId);
  const tally = new ExportTally();
  let ledgerEvents = 0;
  const withheldMetadata = new Set<string>();
  const withheldData = new Map<string, Set<string>>();
  async function* lines(): AsyncGenerator<string> {
    for await (const { event, sequence } of selectEvents(store, plan, tally, () => (ledgerEvents += 1))) {
      ledgerEvents += 1;
      const record = toPublicRecord(event, sequence);
      for (const name of record.withheld) {
        if (name.startsWith('metadata.')) withheldMetadata.add(name);
        else withheldData.set(record.type, (withheldData.get(record.type) ?? new Set()).add(name));
      }
      yield toPublicLine(record);
    }
  }
  const partial = `${file}.partial`;
  let output;
  try {
    output = await writeTexts(lines(), fs.createWriteStream(partial));
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw error;
  }
  fs.renameSync(partial, file);
  const { format: _format, filter: _filter, wholeLedger: _whole, statusCrosswalk: _crosswalk, files: _files, firstPosition: _first, lastPosition: _last, asAt, ...figures } = buildManifest({
    plan,
    tally,
    files: [],
    crosswalk: null,
    created: (options.now ?? (() => new Date()))(),
    wholeLedger: false,
  });
  const manifest = signManifest<PublicExportManifest>(
    {
      format: PUBLIC_EXPORT_FORMAT,
      ...figures,
      inspection: options.inspectionId,
      asAt: { position: asAt.position, events: ledgerEvents },
      withholds: {
        summary: PUBLIC_WITHHOLDS_SUMMARY,
        why: PUBLIC_WITHHOLDS_WHY,
        metadata: [...withheldMetadata].sort(),
        data: Object.fromEntries([...withheldData.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([type, names]) => [type, [...names].sort()])),
      },
      checks: PUBLIC_CHECKS,
      files: [{ name: path.basename(file), format: 'public-jsonl', ...output }],
    },
    options.signingKey,
  );
  const manifestFile = manifestFileFor(file);
  fs.writeFileSync(`${manifestFile}.partial`, `${JSON.stringify(manifest, null, 2)}\n`);
  fs.renameSync(`${manifestFile}.partial`, manifestFile);
  return { file, manifestFile, manifest };
}
