import * as fs from 'node:fs';
import { createEventStore, eventStoreConfigFromEnv } from '@ledger/event-store';
import { importLedger, manifestFileFor, readManifest } from '@ledger/integrity';
import { CliUsageError, type CliCommand } from '../cli-command';

export const importCommand: CliCommand = {
  name: 'import',
  summary: 'Load a canonical JSONL export into an empty store (embedded or EventStoreDB), keeping ids, revisions and hashes',
  usage: [
    'FILE [--manifest MANIFEST]',
    '',
    '  FILE               a canonical JSONL export (`ledger export --format jsonl`)',
    '  --manifest FILE    its manifest (default: FILE.manifest.json when it exists)',
    'The target is the store LEDGER_EVENT_STORE selects. It must be empty, and the whole file must',
    'verify, before anything is written. This is how a ledger moves from the embedded store to EventStoreDB.',
  ].join('\n'),
  options: { manifest: { type: 'string' } },
  async run({ values, positionals, env, stdout }) {
    if (positionals.length !== 1) throw new CliUsageError('give exactly one FILE');
    const file = positionals[0];
    if (!fs.existsSync(file)) throw new CliUsageError(`${file} does not exist`);
    const manifestFile = typeof values.manifest === 'string' ? values.manifest : fs.existsSync(manifestFileFor(file)) ? manifestFileFor(file) : null;
    const manifest = manifestFile === null ? null : readManifest(manifestFile);
    const store = await createEventStore(eventStoreConfigFromEnv(env));
    try {
      const result = await importLedger(store, file, { manifest });
      stdout.write(
        [
          `Imported ${result.events} events in ${result.streams} streams from ${file}${manifestFile ? ` (checked against ${manifestFile})` : ''}.`,
          `Ledger digest as at position ${result.digest.position ?? 'none'}: ${result.digest.digest} (the same as the file's)`,
          '',
        ].join('\n'),
      );
      return 0;
    } finally {
      await store.close();
    }
  },
};
