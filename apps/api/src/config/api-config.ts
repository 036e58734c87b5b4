import path from 'node:path';
import { devUserFromEnv, type DevUser } from '../identity/dev-users';
import { DEFAULT_IDEMPOTENCY_TTL_MS } from '../idempotency/idempotency.store';

/**
 * Everything the API reads from its environment, in one place. `loadApiConfig(process.env)` is
 * called by main.ts; tests build a config for a temporary data folder the same way.
 */
export interface ApiConfig {
  port: number;
  /** Absolute path of the folder holding the embedded store and the API's own SQLite files. */
  dataDir: string;
  /** The environment handed to the event store's own configuration (LEDGER_EVENT_STORE and friends). */
  eventStoreEnv: Record<string, string | undefined>;
  mode: 'development' | 'production';
  /** LEDGER_DEV_IDENTITIES=1: development people, the X-Ledger-Dev-User header and the "Acting as" switch. */
  devIdentities: boolean;
  /** Who a request with no credentials acts as while development identities are on. */
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
  /** Where browsers reach the ledger (sign-in links, the OpenID Connect redirect). */
  publicUrl: string;
  /** Express's `trust proxy` setting (LEDGER_TRUST_PROXY), so that Secure cookies work behind an HTTPS proxy. */
  trustProxy: boolean | number | string | undefined;
  /** Secrets from configuration; when absent, created once and kept in the data folder. */
  secrets: { session?: string; csrf?: string };
  /** How long a browser session lasts. */
  sessionHours: number;
  oidc: OidcConfig | null;
  /** Requests per minute per client allowed on sign-in, exports, import preview and as-at. */
  throttle: { signInPerMinute: number; heavyReadsPerMinute: number };
  /** How long a read with `?atLeast=` waits for the read models before answering from what they have (LEDGER_READ_WAIT_MS). */
  readWaitMs: number;
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


export interface OidcConfig {
  issuer: string;
  /** The `aud` a Bearer token must name (defaults to the client id). */
  audience: string;
  clientId: string;
  clientSecret: string | undefined;
  /** Claims the role, organisation and display name are read from. */
  roleClaim: string;
  organisationClaim: string;
  nameClaim: string;
}

export const DEFAULT_PORT = 3000;
export const DEFAULT_DATA_DIR = './data';

export function loadApiConfig(env: Record<string, string | undefined> = process.env): ApiConfig {
  const dataDir = path.resolve(env.LEDGER_DATA_DIR || DEFAULT_DATA_DIR);
  const mode = env.NODE_ENV === 'production' ? 'production' : 'development';
  const devIdentities = flag(env, 'LEDGER_DEV_IDENTITIES');
  if (devIdentities && mode === 'production') {
    throw new Error('LEDGER_DEV_IDENTITIES=1 is refused when NODE_ENV=production: development people would let anyone act as anyone');
  }
  const port = parsePort(env.PORT);
  return {
    port,
    dataDir,
    eventStoreEnv: { ...env, LEDGER_DATA_DIR: dataDir },
    mode,
    devIdentities,
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
    publicUrl: (env.LEDGER_PUBLIC_URL || `http://localhost:${port}`).replace(/\/+$/, ''),
    trustProxy: parseTrustProxy(env.LEDGER_TRUST_PROXY),
    secrets: { session: secret(env, 'LEDGER_SESSION_SECRET'), csrf: secret(env, 'LEDGER_CSRF_SECRET') },
    sessionHours: parseCount(env, 'LEDGER_SESSION_HOURS', 12),
    oidc: oidcFromEnv(env),
    throttle: { signInPerMinute: parseCount(env, 'LEDGER_SIGN_IN_PER_MINUTE', 10), heavyReadsPerMinute: parseCount(env, 'LEDGER_HEAVY_READS_PER_MINUTE', 60) },
    readWaitMs: parseCount(env, 'LEDGER_READ_WAIT_MS', 5000),
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

function oidcFromEnv(env: Record<string, string | undefined>): OidcConfig | null {
  const issuer = env.LEDGER_OIDC_ISSUER?.trim();
  if (!issuer) return null;
  const clientId = env.LEDGER_OIDC_CLIENT_ID?.trim();
  if (!clientId) throw new Error('LEDGER_OIDC_CLIENT_ID is required with LEDGER_OIDC_ISSUER');
  return {
    issuer,
    audience: env.LEDGER_OIDC_AUDIENCE?.trim() || clientId,
    clientId,
    clientSecret: env.LEDGER_OIDC_CLIENT_SECRET || undefined,
    roleClaim: env.LEDGER_OIDC_ROLE_CLAIM?.trim() || 'ledger_role',
    organisationClaim: env.LEDGER_OIDC_ORGANISATION_CLAIM?.trim() || 'ledger_organisation',
    nameClaim: env.LEDGER_OIDC_NAME_CLAIM?.trim() || 'name',
  };
}

function flag(env: Record<string, string | undefined>, name: string): boolean {
  const value = env[name]?.trim();
  if (value === undefined || value === '' || value === '0') return false;
  if (value === '1') return true;
  throw new Error(`${name} must be 1 or 0, got "${value}"`);
}

function secret(env: Record<string, string | undefined>, name: string): string | undefined {
  const value = env[name];
  if (value === undefined || value === '') return undefined;
  if (value.length < 32) throw new Error(`${name} must be at least 32 characters of random text`);
  return value;
}


/** As Express reads it: true/false, a number of hops, or addresses and subnets. */
function parseTrustProxy(value: string | undefined): ApiConfig['trustProxy'] {
  if (value === undefined || value === '') return undefined;
  if (value === 'true') return true;
  if (value === 'false') return false;
  if (/^\d+$/.test(value)) return Number(value);
  return value;
}

function parsePort(value: string | undefined): number {
  if (value === undefined || value === '') return DEFAULT_PORT;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be an integer from 0 to 65535, got "${value}"`);
  }
  return port;
}
