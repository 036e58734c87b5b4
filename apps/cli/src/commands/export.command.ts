import type { KeyObject } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createEventStore, eventStoreConfigFromEnv } from '@ledger/event-store';
import {
  type ExportFormat,
  PRIVATE_KEY_FILE,
  type StatusCrosswalk,
  exportFilter,
  exportToFile,
  loadStatusCrosswalk,
  readPrivateKey,
} from '@ledger/integrity';
import { CliUsageError, type CliCommand, type CliInvocation } from '../cli-command';
import { defaultKeysFolder } from './keys-create.command';

const FORMATS: readonly ExportFormat[] = ['jsonl', 'csv', 'xlsx'];

export const exportCommand: CliCommand = {
  name: 'export',
  summary: 'Export the ledger (canonical JSONL, CSV audit trail or XLSX workbook) with a signed manifest',
  usage: [
    '--format jsonl|csv|xlsx --out FILE [filters] [--key FILE | --unsigned] [--crosswalk FILE]',
    '',
    '  --format           jsonl: canonical, verifiable, importable; csv: audit trail; xlsx: register, audit trail, slippage',
    '  --out FILE         the export; its manifest is written to FILE.manifest.json',
    '  --inspection ID    only this inspection\'s streams',
    '  --service S        police or fire',
    '  --organisation X   streams with an event recorded by (or on behalf of) organisation X',
    '  --from DATE        streams with an event recorded on or after DATE (YYYY-MM-DD, Europe/London)',
    '  --to DATE          ... on or before DATE; events recorded after DATE are left out',
    '  --key FILE         Ed25519 private key to sign the manifest (default: LEDGER_DATA_DIR/keys/' + PRIVATE_KEY_FILE + ')',
    '  --unsigned         write the manifest without a signature',
    '  --crosswalk FILE   JSON mapping of ledger statuses to the inspectorate\'s words (default: LEDGER_STATUS_CROSSWALK, else built in)',
    'Filtered exports hold whole streams, so they verify on their own; the manifest records the filter.',
  ].join('\n'),
  options: {
    format: { type: 'string' },
    out: { type: 'string' },
    inspection: { type: 'string' },
    service: { type: 'string' },
    organisation: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    key: { type: 'string' },
    unsigned: { type: 'boolean' },
    crosswalk: { type: 'string' },
  },
  async run(invocation) {
    const { values, positionals, env, stdout } = invocation;
    if (positionals.length > 0) throw new CliUsageError(`unexpected argument ${positionals[0]}`);
    const format = values.format;
    if (typeof format !== 'string' || !(FORMATS as readonly string[]).includes(format)) throw new CliUsageError('--format must be jsonl, csv or xlsx');
    if (typeof values.out !== 'string') throw new CliUsageError('--out FILE is required');
    let filter;
    try {
      filter = exportFilter({ inspection: text(values.inspection), service: text(values.service), organisation: text(values.organisation), from: text(values.from), to: text(values.to) });
    } catch (error) {
      throw new CliUsageError((error as Error).message);
    }
    const signingKey = signingKeyFor(invocation);
    const crosswalk = crosswalkFor(invocation);
    const out = path.resolve(values.out);
    fs.mkdirSync(path.dirname(out), { recursive: true });

    const store = await createEventStore(eventStoreConfigFromEnv(env));
    let result;
    try {
      result = await exportToFile(store, out, { format: format as ExportFormat, filter, crosswalk, signingKey });
    } finally {
      await store.close();
    }
    const { manifest } = result;
    const file = manifest.files[0];
    stdout.write(
      [
        `Exported ${manifest.events} events in ${manifest.streams} streams to ${result.file} (${file.bytes} bytes, SHA-256 ${file.sha256})`,
        `Manifest: ${result.manifestFile} (${manifest.signature ? `signed with key ${manifest.signature.keyId}` : 'unsigned'})`,
        `Digest of the exported events: ${manifest.digest}`,
        `Ledger digest as at event ${manifest.ledgerDigest.events} (position ${manifest.ledgerDigest.position ?? 'none'}): ${manifest.ledgerDigest.digest}`,
        '',
      ].join('\n'),
    );
    return 0;
  },
};

function signingKeyFor({ values, env }: CliInvocation): KeyObject | undefined {
  if (values.unsigned) {
    if (values.key !== undefined) throw new CliUsageError('give --key or --unsigned, not both');
    return undefined;
  }
  const keyFile = typeof values.key === 'string' ? values.key : path.join(defaultKeysFolder(env), PRIVATE_KEY_FILE);
  if (!fs.existsSync(keyFile)) {
    throw new CliUsageError(`no signing key at ${keyFile}: run \`ledger keys create\`, pass --key FILE, or --unsigned`);
  }
  return readPrivateKey(keyFile);
}

function crosswalkFor({ values, env }: CliInvocation): StatusCrosswalk | undefined {
  const file = typeof values.crosswalk === 'string' ? values.crosswalk : env.LEDGER_STATUS_CROSSWALK?.trim() || undefined;
  return file === undefined ? undefined : loadStatusCrosswalk(file);
}

function text(value: string | boolean | (string | boolean)[] | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
