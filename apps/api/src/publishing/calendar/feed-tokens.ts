import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { Principal } from '../../identity/principal';
import { isTokenOf, newToken, tokenHash } from '../../identity/people/secret-token';

export const FEED_TOKENS_FILE = 'calendar-feeds.sqlite';

export interface FeedTokenRow {
  id: string;
  personId: string;
  createdAt: string;
  revokedAt: string | null;
}

/**
 * The calendar feeds' addresses: each carries a token of its own kind (`lgr_cal_…`) that opens
 * that person's feed and nothing else (the API and the pages accept only sign-in sessions and
 * `lgr_api_` tokens). Only its SHA-256 is kept, with who it is for as they were when it was made;
 * revoking it refuses it from then on.
 */
export class FeedTokens {
  private readonly db: Database.Database;

  constructor(dataDir: string) {
    this.db = new Database(path.join(dataDir, FEED_TOKENS_FILE));
    this.db.pragma('journal_mode = WAL');
    this.db.exec(`CREATE TABLE IF NOT EXISTS feed_tokens (
      id TEXT PRIMARY KEY, person_id TEXT NOT NULL, name TEXT NOT NULL, role TEXT NOT NULL, organisation TEXT NOT NULL,
      hash TEXT NOT NULL UNIQUE, created_at TEXT NOT NULL, revoked_at TEXT)`);
  }

  /** A new feed address token for the person; shown once. */
  create(principal: Principal, now = new Date()): { token: string; row: FeedTokenRow } {
    const token = newToken('lgr_cal');
    const id = randomUUID();
    this.db
      .prepare('INSERT INTO feed_tokens (id, person_id, name, role, organisation, hash, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(id, principal.id, principal.name, principal.role, principal.organisation, tokenHash(token), now.toISOString());
    return { token, row: { id, personId: principal.id, createdAt: now.toISOString(), revokedAt: null } };
  }

  /** Who the feed is for; undefined for a malformed, unknown or revoked token. */
  principalOf(token: string): Principal | undefined {
    if (!isTokenOf('lgr_cal', token)) return undefined;
    const row = this.db.prepare('SELECT person_id, name, role, organisation FROM feed_tokens WHERE hash = ? AND revoked_at IS NULL').get(tokenHash(token)) as
      | { person_id: string; name: string; role: string; organisation: string }
      | undefined;
    return row && { id: row.person_id, name: row.name, role: row.role, organisation: row.organisation };
  }

  list(personId: string): FeedTokenRow[] {
    const rows = this.db.prepare('SELECT id, person_id, created_at, revoked_at FROM feed_tokens WHERE person_id = ? ORDER BY created_at').all(personId) as {
      id: string;
      person_id: string;
      created_at: string;
      revoked_at: string | null;
    }[];
    return rows.map((row) => ({ id: row.id, personId: row.person_id, createdAt: row.created_at, revokedAt: row.revoked_at }));
  }

  /** Revokes every live feed address of the person; how many there were. */
  revokeAll(personId: string, now = new Date()): number {
    return this.db.prepare('UPDATE feed_tokens SET revoked_at = ? WHERE person_id = ? AND revoked_at IS NULL').run(now.toISOString(), personId).changes;
  }

  close(): void {
    this.db.close();
  }
}
