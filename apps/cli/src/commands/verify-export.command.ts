import type { KeyObject } from 'node:crypto';
import { PUBLIC_EXPORT_FORMAT, describeBreak, manifestFormat, readPublicKey, verifyExport, verifyPublicExport } from '@ledger/integrity';
import { CliUsageError, type CliCommand } from '../cli-command';

export const verifyExportCommand: CliCommand = {
  name: 'verify-export',
  summary: "Check an export with the office's public key alone: signature, file hashes and hash chain",
  usage:
    "MANIFEST --public-key FILE [--against FULL_EXPORT.jsonl]\n\n" +
    "  MANIFEST           the export's manifest (FILE.manifest.json), with its files next to it\n" +
    "  --public-key FILE  the office's Ed25519 public key (PEM)\n" +
    '  --against FILE     public exports only: a full canonical export of the ledger (JSONL); proves every\n' +
    "                     public line is the ledger's event as recorded and that none was left out\n" +
    'Exits 1 if anything fails.',
  options: { 'public-key': { type: 'string' }, against: { type: 'string' } },
  async run({ values, positionals, stdout }) {
    if (positionals.length !== 1) throw new CliUsageError('give exactly one MANIFEST');
    if (typeof values['public-key'] !== 'string') throw new CliUsageError('--public-key FILE is required');
    const [manifestFile] = positionals;
    const publicKey = readPublicKey(values['public-key']);
    if (manifestFormat(manifestFile) === PUBLIC_EXPORT_FORMAT) return verifyPublic(manifestFile, publicKey, values.against as string | undefined, stdout);
    if (values.against !== undefined) throw new CliUsageError('--against is for a public export: this manifest is not one');
    const check = await verifyExport(manifestFile, publicKey);
    if (check.break) {
      stdout.write(`FAILED: ${manifestFile}: ${describeBreak(check.break)}\n`);
      return 1;
    }
    const { manifest } = check;
    stdout.write(
      [
        `OK: ${manifestFile}: signature valid (key ${manifest.signature?.keyId}).`,
        ...manifest.files.map((file) => `  ${file.name}: SHA-256 ${file.sha256} matches${file.format === 'jsonl' ? '; hash chain and completeness verified' : ''}`),
        `${manifest.events} events in ${manifest.streams} streams; digest ${manifest.digest}`,
        `Ledger digest as at event ${manifest.ledgerDigest.events} (position ${manifest.ledgerDigest.position ?? 'none'}): ${manifest.ledgerDigest.digest}`,
        '',
      ].join('\n'),
    );
    return 0;
  },
};

async function verifyPublic(manifestFile: string, publicKey: KeyObject, against: string | undefined, stdout: NodeJS.WritableStream): Promise<number> {
  const check = await verifyPublicExport(manifestFile, publicKey, against);
  if (check.break) {
    stdout.write(`FAILED: ${manifestFile} (public export): ${describeBreak(check.break)}\n`);
    return 1;
  }
  const { manifest } = check;
  const bound = check.against;
  stdout.write(
    [
      `OK: ${manifestFile}: a public export of inspection ${manifest.inspection}; signature valid (key ${manifest.signature?.keyId}).`,
      `${manifest.events} events in ${manifest.streams} whole streams; digest over the listed hashes ${manifest.digest}`,
      `Ledger digest as at event ${manifest.ledgerDigest.events} (position ${manifest.ledgerDigest.position ?? 'none'}): ${manifest.ledgerDigest.digest}`,
      'Checked:',
      ...manifest.checks.canCheck.map((line) => `  - ${line}`),
      ...(bound
        ? [
            `  - against the full export ${bound.file} (${bound.fullEvents} events, every hash recomputed): all ${bound.matched} public lines equal its events, and it holds no event of these streams that the public export leaves out` +
              (bound.recordedLater > 0 ? ` (${bound.recordedLater} recorded after the public export was made)` : ''),
          ]
        : []),
      ...(bound
        ? ['Not recomputable from the public file alone (it withholds part of what each hash covers), but recomputed from the full export given: every listed hash.']
        : [
            'Not checked, because the public export withholds part of what each hash covers:',
            ...manifest.checks.cannotCheck.map((line) => `  - ${line}`),
          ]),
      `Withheld: ${manifest.withholds.summary}`,
      `Why: ${manifest.withholds.why}`,
      '',
    ].join('\n'),
  );
  return 0;
}
