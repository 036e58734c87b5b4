import * as path from 'node:path';
import { createKeyPair, rotateKeyPair } from '@ledger/integrity';
import type { CliCommand } from '../cli-command';

/** Where the office's keys live unless told otherwise: `keys/` in the data folder. */
export function defaultKeysFolder(env: NodeJS.ProcessEnv): string {
  return path.join(env.LEDGER_DATA_DIR?.trim() || './data', 'keys');
}

export const keysCreateCommand: CliCommand = {
  name: 'keys create',
  summary: "Create the office's Ed25519 key pair for signing export manifests",
  usage:
    '[--out FOLDER] [--rotate]\n\n  --out FOLDER  where to write the key pair (default: LEDGER_DATA_DIR/keys)\n' +
    '  --rotate      replace the current key: it moves to FOLDER/retired/<key id>.*.pem, where its public key still checks the exports it signed',
  options: { out: { type: 'string' }, rotate: { type: 'boolean' } },
  async run({ values, env, stdout }) {
    const folder = typeof values.out === 'string' ? values.out : defaultKeysFolder(env);
    const created = values.rotate ? rotateKeyPair(folder) : { ...createKeyPair(folder), retired: null };
    stdout.write(
      [
        ...(created.retired ? [`Retired key ${created.retired} (its public key stays in ${folder}/retired for exports it signed)`] : []),
        `Private key: ${created.privateKeyFile} (readable by its owner only; keep it secret and backed up)`,
        `Public key:  ${created.publicKeyFile} (give it to whoever checks exports: ledger verify-export MANIFEST --public-key FILE)`,
        `Key id:      ${created.keyId}`,
        '',
      ].join('\n'),
    );
    return 0;
  },
};
