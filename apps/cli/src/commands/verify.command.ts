import * as fs from 'node:fs';
import { createEventStore, eventStoreConfigFromEnv } from '@ledger/event-store';
import { type VerificationReport, breakToJson, describeBreak, manifestFileFor, readManifest, verifyExportFile, verifyStore } from '@ledger/integrity';
import { CliUsageError, type CliCommand } from '../cli-command';

export const verifyCommand: CliCommand = {
  name: 'verify',
  summary: 'Recompute every hash and link of the live ledger, or of a canonical export file',
  usage: [
    '[FILE] [--manifest MANIFEST] [--up-to POSITION] [--expect-digest DIGEST] [--json]',
    '',
    '  FILE               a canonical JSONL export; without it the live store is checked',
    '  --manifest FILE    the export\'s manifest (default: FILE.manifest.json when it exists)',
    '  --up-to POSITION   check the live ledger only up to this log position',
    '  --expect-digest D  the digest published for that point: removing a whole stream changes it',
    '  --json             print the result as JSON',
    'Exits 1 at the first break, naming its stream, revision and what differs.',
  ].join('\n'),
  options: { manifest: { type: 'string' }, 'up-to': { type: 'string' }, 'expect-digest': { type: 'string' }, json: { type: 'boolean' } },
  async run({ values, positionals, env, stdout }) {
    if (positionals.length > 1) throw new CliUsageError('give at most one FILE');
    const file = positionals[0];
    let report: VerificationReport;
    let subject: string;
    let manifestNote: string | null = null;
    if (file !== undefined) {
      if (values['up-to'] !== undefined || values['expect-digest'] !== undefined) {
        throw new CliUsageError('--up-to and --expect-digest apply to the live store; a file is checked against its manifest');
      }
      const manifestFile = typeof values.manifest === 'string' ? values.manifest : fs.existsSync(manifestFileFor(file)) ? manifestFileFor(file) : null;
      report = await verifyExportFile(file, manifestFile === null ? null : readManifest(manifestFile));
      subject = file;
      manifestNote =
        manifestFile === null
          ? 'No manifest found: completeness (dropped streams, a cut-off end) was not checked, and no signature. Use `ledger verify-export` with the public key for that.'
          : `Checked against ${manifestFile} (its signature is checked by \`ledger verify-export\`).`;
    } else {
      if (values.manifest !== undefined) throw new CliUsageError('--manifest applies to a FILE');
      const upTo = parsePosition(values['up-to']);
      const published = parseDigest(values['expect-digest']);
      const store = await createEventStore(eventStoreConfigFromEnv(env));
      try {
        report = await verifyStore(store, upTo);
      } finally {
        await store.close();
      }
      if (report.ok && published !== undefined && report.digest !== published) {
        const asAt = upTo === undefined ? 'now' : `as at position ${upTo}`;
        report = {
          ...report,
          ok: false,
          break: {
            problem: 'digest-mismatch',
            streamId: null,
            revision: null,
            eventId: null,
            detail: `every stream's chain holds, but the ledger's digest ${asAt} is ${report.digest}, not the published ${published}: events or whole streams were removed, added or reordered`,
          },
        };
      }
      subject = 'the live ledger';
    }

    if (values.json) {
      stdout.write(
        `${JSON.stringify({
          ok: report.ok,
          break: report.break ? breakToJson(report.break) : null,
          events: report.events,
          streams: report.streams,
          digest: report.digest,
          lastPosition: report.lastPosition?.toString() ?? null,
          lastSequence: report.lastSequence,
          againstManifest: report.againstManifest,
        })}\n`,
      );
    } else if (report.break) {
      stdout.write(`BROKEN: ${subject}: ${describeBreak(report.break)}\n(${report.events} events before it verified)\n`);
    } else {
      const where = report.lastPosition !== null ? ` as at position ${report.lastPosition}` : report.lastSequence !== null ? ` as at sequence ${report.lastSequence}` : '';
      stdout.write(
        `OK: ${subject}: ${report.events} events in ${report.streams} streams; every revision, link and hash recomputed.\n` +
          `Digest${where}: ${report.digest}\n`,
      );
    }
    if (manifestNote !== null && !values.json) stdout.write(`${manifestNote}\n`);
    return report.ok ? 0 : 1;
  },
};

function parseDigest(value: string | boolean | (string | boolean)[] | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !/^[0-9a-f]{64}$/.test(value)) throw new CliUsageError('--expect-digest must be a SHA-256 digest (64 lower-case hex digits)');
  return value;
}

function parsePosition(value: string | boolean | (string | boolean)[] | undefined): bigint | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !/^\d+$/.test(value)) throw new CliUsageError('--up-to must be a log position (a whole number)');
  return BigInt(value);
}
