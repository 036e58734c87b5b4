import Database from 'better-sqlite3';

/** The answer a command gave, kept so that a retry with the same key gets it again. */
export interface StoredAnswer {
  fingerprint: string;
  body: string;
  headers: Record<string, string>;
}

/**
 * Idempotency keys and the answers they got, in the API's own SQLite file (never in the event
 * store: they are not facts about the business). Keys are scoped by principal.
 */
export class IdempotencyStore {
  private constructor(private readonly db: Database.Database) {}

  static open(file: string): IdempotencyStore {
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.exec(`CREATE TABLE IF NOT EXISTS idempotency_keys (
      principal TEXT NOT NULL,
      key TEXT NOT NULL,
      fingerprint TEXT NOT NULL,
      body TEXT NOT NULL,
      headers TEXT NOT NULL,
      recorded_at TEXT NOT NULL,
      PRIMARY KEY (principal, key)
    ) STRICT`);
    return new IdempotencyStore(db);
  }

  find(principal: string, key: string): StoredAnswer | undefined {
    const row = this.db
      .prepare<[string, string], { fingerprint: string; body: string; headers: string }>(
        'SELECT fingerprint, body, headers FROM idempotency_keys WHERE principal = ? AND key = ?',
      )
      .get(principal, key);
    return row && { fingerprint: row.fingerprint, body: row.body, headers: JSON.parse(row.headers) as Record<string, string> };
  }

  save(principal: string, key: string, answer: StoredAnswer, recordedAt: Date): void {
    this.db
      .prepare('INSERT INTO idempotency_keys (principal, key, fingerprint, body, headers, recorded_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(principal, key, answer.fingerprint, answer.body, JSON.stringify(answer.headers), recordedAt.toISOString());
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
