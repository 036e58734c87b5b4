import path from 'node:path';
import { devUserFromEnv, type DevUser } from '../identity/dev-users';

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
  /** Largest JSON body accepted. */
  bodyLimit: string;
}

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
    bodyLimit: '1mb',
  };
}

function parsePort(value: string | undefined): number {
  if (value === undefined || value === '') return DEFAULT_PORT;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be an integer from 0 to 65535, got "${value}"`);
  }
  return port;
}
