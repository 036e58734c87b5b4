import { describeBreak, readPublicKey, verifyExport } from '@ledger/integrity';
import { CliUsageError, type CliCommand } from '../cli-command';

export const verifyExportCommand: CliCommand = {
  name: 'verify-export',
  summary: "Check an export with the office's public key alone: signature, file hashes and hash chain",
  usage: 'MANIFEST --public-key FILE\n\n  MANIFEST           the export\'s manifest (FILE.manifest.json), with its files next to it\n  --public-key FILE  the office\'s Ed25519 public key (PEM)\nExits 1 if anything fails.',
  options: { 'public-key': { type: 'string' } },
  async run({ values, positionals, stdout }) {
    if (positionals.length !== 1) throw new CliUsageError('give exactly one MANIFEST');
    if (typeof values['public-key'] !== 'string') throw new CliUsageError('--public-key FILE is required');
    const check = await verifyExport(positionals[0], readPublicKey(values['public-key']));
    if (check.break) {
      stdout.write(`FAILED: ${positionals[0]}: ${describeBreak(check.break)}\n`);
      return 1;
    }
    const { manifest } = check;
    stdout.write(
      [
        `OK: ${positionals[0]}: signature valid (key ${manifest.signature?.keyId}).`,
        ...manifest.files.map((file) => `  ${file.name}: SHA-256 ${file.sha256} matches${file.format === 'jsonl' ? '; hash chain and completeness verified' : ''}`),
        `${manifest.events} events in ${manifest.streams} streams; digest ${manifest.digest}`,
        `Ledger digest as at event ${manifest.ledgerDigest.events} (position ${manifest.ledgerDigest.position ?? 'none'}): ${manifest.ledgerDigest.digest}`,
        '',
      ].join('\n'),
    );
    return 0;
  },
};
