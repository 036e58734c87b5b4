import type { LedgerPolicies } from '../tokens';

/** What the finding issuer's thread is given when it starts. */
export interface FindingIssuerThreadData {
  /** The environment naming the event store (LEDGER_EVENT_STORE, LEDGER_DATA_DIR, ESDB_CONNECTION_STRING). */
  env: Record<string, string | undefined>;
  /** The checkpoint file it resumes from (FileCheckpoint). */
  checkpointFile: string;
  policies: LedgerPolicies;
}

export type ToIssuerThread = { type: 'stop' };

export type FromIssuerThread =
  | { type: 'started' }
  /** Everything in the log when it started has been followed up. */
  | { type: 'caught-up' }
  /** It has just appended (follow-ups a crash had left undone). */
  | { type: 'appended' }
  | { type: 'log'; level: 'log' | 'warn' | 'error'; message: string }
  | { type: 'failed'; message: string }
  | { type: 'stopped' };
