import path from 'node:path';
import { devUserFromEnv, type DevUser } from '../identity/dev-users';
import { DEFAULT_IDEMPOTENCY_TTL_MS } from '../idempotency/idempotency.store';

/**
 * Everything the API reads from its environment, in one place. `loadApiConfig(process.env)` is
 * called by main.ts; tests build a config for a temporary data folder the same way.
 */
export interface ApiConfig {
  port: number;
  /** Absolute path of the folder holding the embedded store and the API's own SQLite file. */
  dataDir: string;
  /** The environment handed to the event store's own configuration (LEDGER_EVENT_STORE and friends). */
  eventStoreEnv: Record<string, string | undefined>;
  /** `development` lets a request pick a development user with the X-Ledger-Dev-User header. */
  mode: 'development' | 'production';
  /** The identity every request acts as until sign-in exists. */
  devUser: DevUser;
  /** Largest JSON body accepted, in bytes: below maxAppendSize, with room for each event's envelope and hashes. */
  bodyLimit: number;
  /** The largest append the event store takes (EventStoreDB's MaxAppendSize, LEDGER_MAX_APPEND_SIZE). */
  maxAppendSize: number;
  /** How long an Idempotency-Key and its answer are remembered (LEDGER_IDEMPOTENCY_TTL_HOURS, default 24). */
  idempotencyTtlMs: number;
  /** pino's level for the JSON log (LEDGER_LOG_LEVEL): fatal, error, warn, info, debug, trace or silent. */
  logLevel: string;
  /** Limits that keep slow or greedy clients from exhausting the server (see server-limits.ts). */
  server: ServerLimits;
}

/** EventStoreDB's default MaxAppendSize; set LEDGER_MAX_APPEND_SIZE to the server's if it differs. */
export const DEFAULT_MAX_APPEND_SIZE = 1_048_576;

export interface ServerLimits {
  /** Open connections one client address may hold (LEDGER_MAX_CONNECTIONS_PER_CLIENT). */
  maxConnectionsPerClient: number;
  /** Open connections in all (LEDGER_MAX_CONNECTIONS), kept well below the process's file descriptors. */
  maxConnections: number;
  /** Time to receive a request's headers (LEDGER_HEADERS_TIMEOUT_MS): a slow-headers client is cut off. */
  headersTimeoutMs: number;
  /** Time to receive a whole request (LEDGER_REQUEST_TIMEOUT_MS). */
  requestTimeoutMs: number;
  /** How long an idle keep-alive connection stays open. */
  keepAliveTimeoutMs: number;
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

export const DEFAULT_PORT = 3000;
export const DEFAULT_DATA_DIR = './data';

export function loadApiConfig(env: Record<string, string | undefined> = process.env): ApiConfig {
  const dataDir = path.resolve(env.LEDGER_DATA_DIR || DEFAULT_DATA_DIR);
  return {
    port: parsePort(env.PORT),
    dataDir,
    eventStoreEnv: { ...env, LEDGER_DATA_DIR: dataDir },
    mode: env.NODE_ENV === 'production' ? 'production' : 'development',
    devUser: devUserFromEnv(env),
    ...appendLimits(env.LEDGER_MAX_APPEND_SIZE),
    idempotencyTtlMs: idempotencyTtl(env.LEDGER_IDEMPOTENCY_TTL_HOURS),
    logLevel: parseLogLevel(env.LEDGER_LOG_LEVEL),
    server: {
      maxConnectionsPerClient: parseCount(env, 'LEDGER_MAX_CONNECTIONS_PER_CLIENT', 256),
      maxConnections: parseCount(env, 'LEDGER_MAX_CONNECTIONS', 4096),
      headersTimeoutMs: parseCount(env, 'LEDGER_HEADERS_TIMEOUT_MS', 10_000),
      requestTimeoutMs: parseCount(env, 'LEDGER_REQUEST_TIMEOUT_MS', 30_000),
      keepAliveTimeoutMs: 5_000,
    },
  };
}

function parseLogLevel(value: string | undefined): string {
  const level = value?.trim() || 'info';
  if (!LOG_LEVELS.includes(level)) throw new Error(`LEDGER_LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${level}"`);
  return level;
}

function parseCount(env: Record<string, string | undefined>, name: string, fallback: number): number {
  const value = env[name]?.trim();
  if (value === undefined || value === '') return fallback;
  const count = Number(value);
  if (!Number.isSafeInteger(count) || count < 1) throw new Error(`${name} must be a whole number of at least 1, got "${value}"`);
  return count;
}

function idempotencyTtl(value: string | undefined): number {
  if (value === undefined || value === '') return DEFAULT_IDEMPOTENCY_TTL_MS;
  const hours = Number(value);
  if (!Number.isFinite(hours) || hours <= 0) throw new Error(`LEDGER_IDEMPOTENCY_TTL_HOURS must be a positive number of hours, got "${value}"`);
  return Math.round(hours * 60 * 60 * 1000);
}

/**
 * A body becomes events whose data is about its size and whose metadata (who, when, command,
 * hashes) adds some hundreds of bytes each; an eighth of the append size is kept for that. A
 * request that still comes out larger is refused by the store and answered 413 all the same.
 */
function appendLimits(value: string | undefined): { bodyLimit: number; maxAppendSize: number } {
  const maxAppendSize = value === undefined || value === '' ? DEFAULT_MAX_APPEND_SIZE : Number(value);
  if (!Number.isInteger(maxAppendSize) || maxAppendSize < 1024) {
    throw new Error(`LEDGER_MAX_APPEND_SIZE must be a whole number of bytes, at least 1024, got "${value}"`);
  }
  return { maxAppendSize, bodyLimit: Math.floor((maxAppendSize * 7) / 8) };
}

function parsePort(value: string | undefined): number {
  if (value === undefined || value === '') return DEFAULT_PORT;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be an integer from 0 to 65535, got "${value}"`);
  }
  return port;
}
