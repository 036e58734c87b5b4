import path from 'node:path';
import { devUserFromEnv, type DevUser } from '../identity/dev-users';

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
  /** Largest JSON body accepted. */
  bodyLimit: string;
}

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
    publicUrl: (env.LEDGER_PUBLIC_URL || `http://localhost:${port}`).replace(/\/+$/, ''),
    trustProxy: parseTrustProxy(env.LEDGER_TRUST_PROXY),
    secrets: { session: secret(env, 'LEDGER_SESSION_SECRET'), csrf: secret(env, 'LEDGER_CSRF_SECRET') },
    sessionHours: positiveInteger(env, 'LEDGER_SESSION_HOURS', 12),
    oidc: oidcFromEnv(env),
    throttle: { signInPerMinute: positiveInteger(env, 'LEDGER_SIGN_IN_PER_MINUTE', 10), heavyReadsPerMinute: positiveInteger(env, 'LEDGER_HEAVY_READS_PER_MINUTE', 60) },
    bodyLimit: '1mb',
  };
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

function positiveInteger(env: Record<string, string | undefined>, name: string, fallback: number): number {
  const value = env[name];
  if (value === undefined || value === '') return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) throw new Error(`${name} must be a positive integer, got "${value}"`);
  return number;
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
