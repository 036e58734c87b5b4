import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { ApiConfig } from '../../config/api-config';
import { API_CONFIG } from '../../config/tokens';

/** Whether the office keeps each uploaded evidence file, or records only its name and hash (LEDGER_EVIDENCE_FILES). */
export type EvidenceKeeping = 'keep' | 'hash-only';

const SHA256 = /^[0-9a-f]{64}$/;

/** What the file kept under a hash says about itself today. */
export type EvidenceCheck = { kept: false } | { kept: true; file: string; size: number; matches: boolean; actual: string };

export function sha256Of(content: Buffer): string {
  return createHash('sha256').update(content).digest('hex');
}

/**
 * Evidence files, content-addressed in `<data dir>/evidence/<first two hex digits>/<sha256>`: a
 * file is found by the hash the ledger recorded, and the same document uploaded twice is kept
 * once. The ledger's events hold only the hash and the metadata; this folder is the office's
 * copy, re-checked against the recorded hash each time it is shown.
 */
@Injectable()
export class EvidenceFiles {
  readonly keeping: EvidenceKeeping;
  private readonly folder: string;

  constructor(@Inject(API_CONFIG) config: ApiConfig) {
    const setting = config.eventStoreEnv.LEDGER_EVIDENCE_FILES?.trim() || 'keep';
    if (setting !== 'keep' && setting !== 'hash-only') throw new Error(`LEDGER_EVIDENCE_FILES must be keep or hash-only, not "${setting}"`);
    this.keeping = setting;
    this.folder = path.join(config.dataDir, 'evidence');
  }

  /** Keeps the content under its hash (written whole, then renamed into place) and answers the hash. */
  keep(content: Buffer): string {
    const sha256 = sha256Of(content);
    const file = this.fileOf(sha256);
    if (!fs.existsSync(file)) {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      const partial = `${file}.${randomUUID()}.partial`;
      fs.writeFileSync(partial, content, { flag: 'wx' });
      fs.renameSync(partial, file);
    }
    return sha256;
  }

  /** The kept file of a recorded hash, its content's hash recomputed now. */
  check(sha256: string): EvidenceCheck {
    if (!SHA256.test(sha256)) return { kept: false };
    const file = this.fileOf(sha256);
    if (!fs.existsSync(file)) return { kept: false };
    const content = fs.readFileSync(file);
    const actual = sha256Of(content);
    return { kept: true, file, size: content.length, matches: actual === sha256, actual };
  }

  private fileOf(sha256: string): string {
    return path.join(this.folder, sha256.slice(0, 2), sha256);
  }
}
