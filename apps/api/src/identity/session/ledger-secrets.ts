import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export const SECRETS_FILE = 'secrets.json';

export interface LedgerSecrets {
  /** Signs session cookies and the OpenID Connect sign-in state. */
  session: Buffer;
  /** Signs the pages' form tokens. */
  csrf: Buffer;
}

/**
 * The signing and CSRF secrets: from configuration when given, otherwise created once and kept in
 * the data folder, so that sessions and open forms survive a restart and every instance on the
 * same data folder agrees. The file is created whole or not at all (written aside, then linked
 * into place), so two instances starting together end up with the same secrets.
 */
export function loadSecrets(dataDir: string, configured: { session?: string; csrf?: string }): LedgerSecrets {
  const kept = configured.session !== undefined && configured.csrf !== undefined ? undefined : keptSecrets(dataDir);
  return {
    session: configured.session !== undefined ? Buffer.from(configured.session, 'utf8') : Buffer.from(kept!.session, 'base64url'),
    csrf: configured.csrf !== undefined ? Buffer.from(configured.csrf, 'utf8') : Buffer.from(kept!.csrf, 'base64url'),
  };
}

function keptSecrets(dataDir: string): { session: string; csrf: string } {
  const file = path.join(dataDir, SECRETS_FILE);
  if (!fs.existsSync(file)) {
    const aside = `${file}.${process.pid}.${randomBytes(6).toString('hex')}`;
    fs.writeFileSync(aside, JSON.stringify({ session: randomBytes(32).toString('base64url'), csrf: randomBytes(32).toString('base64url') }), { mode: 0o600, flag: 'wx' });
    try {
      fs.linkSync(aside, file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      fs.rmSync(aside, { force: true });
    }
  }
  const kept = JSON.parse(fs.readFileSync(file, 'utf8')) as { session?: unknown; csrf?: unknown };
  if (typeof kept.session !== 'string' || typeof kept.csrf !== 'string') throw new Error(`${file} does not hold the ledger's secrets; remove it to create new ones`);
  return { session: kept.session, csrf: kept.csrf };
}
