import { Inject, Injectable } from '@nestjs/common';
import { type KeyObject, createPublicKey } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { type OfficePublicKeyFile, PRIVATE_KEY_FILE, keyId, listPublicKeys, readPrivateKey, rotateKeyPair } from '@ledger/integrity';
import { ProblemError, ruleViolation } from '../problem/problem';
import { EXPORTS_SETTINGS, type ExportsSettings } from './exports.settings';

const HOW_TO_CREATE = `an operator must run \`ledger keys create\` with LEDGER_DATA_DIR set to this server's data folder (it writes keys/${PRIVATE_KEY_FILE})`;

export interface OfficePublicKey {
  pem: string;
  keyId: string;
}

/**
 * The office's Ed25519 key, read from `<data dir>/keys` on each use: a key created while the
 * server runs is used at once, without a restart.
 */
@Injectable()
export class OfficeKey {
  constructor(@Inject(EXPORTS_SETTINGS) private readonly settings: ExportsSettings) {}

  /** The key exports are signed with; refused (422) while there is none. */
  signingKey(): KeyObject {
    const key = this.read();
    if (key === null) throw ruleViolation('OfficeSigningKeyRequired', `Exports are signed with the office's key, and there is none yet: ${HOW_TO_CREATE}.`);
    return key;
  }

  /** The public half of the signing key: what checks a signed export. */
  publicKey(): OfficePublicKey {
    const key = this.read();
    if (key === null) throw new ProblemError('not-found', `The office has no signing key yet: ${HOW_TO_CREATE}.`);
    const publicKey = createPublicKey(key);
    return { pem: publicKey.export({ type: 'spki', format: 'pem' }).toString(), keyId: keyId(publicKey) };
  }

  /** Every public key the office has signed with: the current one first, then the retired ones. */
  allPublicKeys(): OfficePublicKeyFile[] {
    return listPublicKeys(this.settings.keysFolder);
  }

  /** A new key for the exports made from now on (the first, or one replacing the current, which is retired and kept). */
  rotate(): { keyId: string; retired: string | null } {
    const created = rotateKeyPair(this.settings.keysFolder);
    return { keyId: created.keyId, retired: created.retired };
  }

  private read(): KeyObject | null {
    const file = path.join(this.settings.keysFolder, PRIVATE_KEY_FILE);
    return fs.existsSync(file) ? readPrivateKey(file) : null;
  }
}
