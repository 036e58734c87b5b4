import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { isRole, type Role } from '@ledger/application';
import type { Principal } from '../principal';
import { newToken, tokenHash } from './secret-token';

export const PEOPLE_DATABASE_FILE = 'people.sqlite';

export interface Person extends Principal {
  role: Role;
  disabled: boolean;
  createdAt: string;
}

export interface ApiTokenRow {
  id: string;
  personId: string;
  label: string;
  createdAt: string;
  revokedAt: string | null;
}

export interface NewPerson {
  name: string;
  role: Role;
  organisation: string;
}

/** A one-time sign-in link lasts this long unless used first. */
export const SIGN_IN_LINK_HOURS = 24;

/**
 * The embedded sign-in's people, their one-time sign-in links and their API tokens, in a SQLite
 * file in the data folder (shared by the API and the `ledger people|tokens` commands). Only
 * SHA-256 hashes of links and tokens are stored. People are disabled, never deleted, so that
 * every id in the ledger still names someone.
 */
export class PeopleStore {
  private constructor(private readonly db: Database.Database) {}

  static open(file: string): PeopleStore {
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma('busy_timeout = 5000');
    db.exec(`
      CREATE TABLE IF NOT EXISTS people (
        id TEXT PRIMARY KEY, name TEXT NOT NULL, role TEXT NOT NULL, organisation TEXT NOT NULL,
        disabled INTEGER NOT NULL DEFAULT 0, created_at TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS sign_in_links (
        hash TEXT PRIMARY KEY, person_id TEXT NOT NULL REFERENCES people(id), expires_at TEXT NOT NULL, used_at TEXT);
      CREATE TABLE IF NOT EXISTS api_tokens (
        id TEXT PRIMARY KEY, hash TEXT NOT NULL UNIQUE, person_id TEXT NOT NULL REFERENCES people(id),
        label TEXT NOT NULL, created_at TEXT NOT NULL, revoked_at TEXT);
    `);
    return new PeopleStore(db);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  count(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM people').get() as { n: number }).n;
  }

  add(person: NewPerson, now = new Date()): Person {
    const name = person.name.trim();
    const organisation = person.organisation.trim();
    if (name === '') throw new PeopleError('name', 'Enter the person\'s name');
    if (organisation === '') throw new PeopleError('organisation', 'Enter the person\'s organisation');
    if (!isRole(person.role)) throw new PeopleError('role', `role must be one of the roles, got "${String(person.role)}"`);
    const row = { id: randomUUID(), name, role: person.role, organisation, createdAt: now.toISOString() };
    this.db.prepare('INSERT INTO people (id, name, role, organisation, created_at) VALUES (@id, @name, @role, @organisation, @createdAt)').run(row);
    return { ...row, disabled: false };
  }

  find(id: string): Person | undefined {
    const row = this.db.prepare('SELECT * FROM people WHERE id = ?').get(id) as PersonRow | undefined;
    return row && personOf(row);
  }

  list(): Person[] {
    return (this.db.prepare('SELECT * FROM people ORDER BY created_at, name').all() as PersonRow[]).map(personOf);
  }

  /** Disabling ends the person's sign-in links and API tokens with them: none of them is accepted any more. */
  disable(id: string): Person {
    const changed = this.db.prepare('UPDATE people SET disabled = 1 WHERE id = ?').run(id).changes;
    if (changed === 0) throw new PeopleError('id', `No person has the id ${id}`);
    return this.find(id)!;
  }

  /** A one-time sign-in link's token for an enabled person. */
  createSignInLink(personId: string, now = new Date()): string {
    this.requireEnabled(personId);
    const token = newToken('lgr_link');
    const expiresAt = new Date(now.getTime() + SIGN_IN_LINK_HOURS * 3_600_000).toISOString();
    this.db.prepare('INSERT INTO sign_in_links (hash, person_id, expires_at) VALUES (?, ?, ?)').run(tokenHash(token), personId, expiresAt);
    return token;
  }

  /** Uses a sign-in link up: the person it is for, once, while it is unexpired and they are enabled. */
  redeemSignInLink(token: string, now = new Date()): Person | undefined {
    const redeem = this.db.transaction((): Person | undefined => {
      const row = this.db.prepare('SELECT person_id, expires_at, used_at FROM sign_in_links WHERE hash = ?').get(tokenHash(token)) as
        | { person_id: string; expires_at: string; used_at: string | null }
        | undefined;
      if (!row || row.used_at !== null || row.expires_at <= now.toISOString()) return undefined;
      this.db.prepare('UPDATE sign_in_links SET used_at = ? WHERE hash = ?').run(now.toISOString(), tokenHash(token));
      const person = this.find(row.person_id);
      return person && !person.disabled ? person : undefined;
    });
    return redeem.immediate();
  }

  /** Whether a link is still good, without using it (the landing page asks before signing in). */
  signInLinkIsValid(token: string, now = new Date()): boolean {
    const row = this.db.prepare('SELECT l.expires_at, l.used_at, p.disabled FROM sign_in_links l JOIN people p ON p.id = l.person_id WHERE l.hash = ?').get(tokenHash(token)) as
      | { expires_at: string; used_at: string | null; disabled: number }
      | undefined;
    return row !== undefined && row.used_at === null && row.expires_at > now.toISOString() && row.disabled === 0;
  }

  createApiToken(personId: string, label: string, now = new Date()): { token: string; row: ApiTokenRow } {
    this.requireEnabled(personId);
    const token = newToken('lgr_api');
    const row: ApiTokenRow = { id: randomUUID(), personId, label: label.trim() || 'API token', createdAt: now.toISOString(), revokedAt: null };
    this.db.prepare('INSERT INTO api_tokens (id, hash, person_id, label, created_at) VALUES (?, ?, ?, ?, ?)').run(row.id, tokenHash(token), personId, row.label, row.createdAt);
    return { token, row };
  }

  listApiTokens(personId?: string): ApiTokenRow[] {
    const rows = (personId === undefined
      ? this.db.prepare('SELECT * FROM api_tokens ORDER BY created_at').all()
      : this.db.prepare('SELECT * FROM api_tokens WHERE person_id = ? ORDER BY created_at').all(personId)) as TokenRow[];
    return rows.map((row) => ({ id: row.id, personId: row.person_id, label: row.label, createdAt: row.created_at, revokedAt: row.revoked_at }));
  }

  revokeApiToken(id: string, now = new Date()): void {
    const changed = this.db.prepare('UPDATE api_tokens SET revoked_at = coalesce(revoked_at, ?) WHERE id = ?').run(now.toISOString(), id).changes;
    if (changed === 0) throw new PeopleError('id', `No API token has the id ${id}`);
  }

  /** The enabled person an unrevoked API token belongs to. */
  personOfApiToken(token: string): Person | undefined {
    const row = this.db.prepare('SELECT p.* FROM api_tokens t JOIN people p ON p.id = t.person_id WHERE t.hash = ? AND t.revoked_at IS NULL').get(tokenHash(token)) as PersonRow | undefined;
    const person = row && personOf(row);
    return person && !person.disabled ? person : undefined;
  }

  private requireEnabled(personId: string): Person {
    const person = this.find(personId);
    if (!person) throw new PeopleError('id', `No person has the id ${personId}`);
    if (person.disabled) throw new PeopleError('id', `${person.name} is disabled`);
    return person;
  }
}

/** A refusal about one field, for the pages and the command line to show. */
export class PeopleError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'PeopleError';
  }
}

interface PersonRow {
  id: string;
  name: string;
  role: string;
  organisation: string;
  disabled: number;
  created_at: string;
}

interface TokenRow {
  id: string;
  person_id: string;
  label: string;
  created_at: string;
  revoked_at: string | null;
}

function personOf(row: PersonRow): Person {
  return { id: row.id, name: row.name, role: row.role as Role, organisation: row.organisation, disabled: row.disabled === 1, createdAt: row.created_at };
}
