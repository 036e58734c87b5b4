import * as path from 'node:path';
import { createKeyPair } from '@ledger/integrity';
import type { CliCommand } from '../cli-command';

/** Where the office's keys live unless told otherwise: `keys/` in the data folder. */
export function defaultKeysFolder(env: NodeJS.ProcessEnv): string {
  return path.join(env.LEDGER_DATA_DIR?.trim() || './data', 'keys');
}

export const keysCreateCommand: CliCommand = {
  name: 'keys create',
  summary: "Create the office's Ed25519 key pair for signing export manifests",
  usage: '[--out FOLDER]\n\n  --out FOLDER  where to write the key pair (default: LEDGER_DATA_DIR/keys)',
  options: { out: { type: 'string' } },
  async run({ values, env, stdout }) {
    const folder = typeof values.out === 'string' ? values.out : defaultKeysFolder(env);
    const created = createKeyPair(folder);
    stdout.write(
      [
        `Private key: ${created.privateKeyFile} (readable by its owner only; keep it secret and backed up)`,
        `Public key:  ${created.publicKeyFile} (give it to whoever checks exports: ledger verify-export MANIFEST --public-key FILE)`,
        `Key id:      ${created.keyId}`,
        '',
      ].join('\n'),
    );
    return 0;
  },
};
