import path from 'node:path';
import { loadApiConfig } from './api-config';

describe('API configuration', () => {
  it('defaults to port 3000, ./data, no development identities and no identity provider', () => {
    const config = loadApiConfig({});
    expect(config.port).toBe(3000);
    expect(config.dataDir).toBe(path.resolve('data'));
    expect(config.mode).toBe('development');
    expect(config.devIdentities).toBe(false);
    expect(config.oidc).toBeNull();
    expect(config.publicUrl).toBe('http://localhost:3000');
    expect(config.trustProxy).toBeUndefined();
    expect(config.devUser).toMatchObject({ id: 'office-staff', role: 'office', organisation: 'Office of the Police, Fire and Crime Commissioner' });
  });

  it('reads PORT, LEDGER_DATA_DIR and the development identity, and hands the data folder to the event store', () => {
    const config = loadApiConfig({ PORT: '8080', LEDGER_DATA_DIR: 'ledger-data', LEDGER_DEV_IDENTITIES: '1', LEDGER_DEV_USER_ID: 'jo', LEDGER_DEV_USER_NAME: 'Jo Bloggs', LEDGER_DEV_USER_ROLE: 'scrutiny', LEDGER_DEV_USER_ORG: 'OPFCC', LEDGER_EVENT_STORE: 'embedded' });
    expect(config.port).toBe(8080);
    expect(config.dataDir).toBe(path.resolve('ledger-data'));
    expect(config.eventStoreEnv).toMatchObject({ LEDGER_DATA_DIR: path.resolve('ledger-data'), LEDGER_EVENT_STORE: 'embedded' });
    expect(config.devIdentities).toBe(true);
    expect(config.devUser).toEqual({ id: 'jo', name: 'Jo Bloggs', role: 'scrutiny', organisation: 'OPFCC' });
  });

  it('refuses a PORT that is not a port, saying so', () => {
    expect(() => loadApiConfig({ PORT: 'eighty' })).toThrow('PORT must be an integer from 0 to 65535, got "eighty"');
    expect(() => loadApiConfig({ PORT: '70000' })).toThrow('PORT must be');
  });

  it('refuses development identities in production, at start-up', () => {
    expect(loadApiConfig({ NODE_ENV: 'production' }).mode).toBe('production');
    expect(() => loadApiConfig({ NODE_ENV: 'production', LEDGER_DEV_IDENTITIES: '1' })).toThrow(/refused when NODE_ENV=production/);
    expect(() => loadApiConfig({ LEDGER_DEV_IDENTITIES: 'yes' })).toThrow('LEDGER_DEV_IDENTITIES must be 1 or 0, got "yes"');
  });

  it('reads the identity provider, its claims, trust proxy, secrets and limits', () => {
    const config = loadApiConfig({
      LEDGER_OIDC_ISSUER: 'https://idp.example',
      LEDGER_OIDC_CLIENT_ID: 'ledger',
      LEDGER_OIDC_ROLE_CLAIM: 'roles',
      LEDGER_TRUST_PROXY: '1',
      LEDGER_SESSION_SECRET: 's'.repeat(32),
      LEDGER_SIGN_IN_PER_MINUTE: '5',
      LEDGER_PUBLIC_URL: 'https://ledger.example/',
    });
    expect(config.oidc).toEqual({ issuer: 'https://idp.example', audience: 'ledger', clientId: 'ledger', clientSecret: undefined, roleClaim: 'roles', organisationClaim: 'ledger_organisation', nameClaim: 'name' });
    expect(config.trustProxy).toBe(1);
    expect(config.secrets).toEqual({ session: 's'.repeat(32), csrf: undefined });
    expect(config.throttle.signInPerMinute).toBe(5);
    expect(config.publicUrl).toBe('https://ledger.example');
    expect(() => loadApiConfig({ LEDGER_OIDC_ISSUER: 'https://idp.example' })).toThrow('LEDGER_OIDC_CLIENT_ID is required with LEDGER_OIDC_ISSUER');
    expect(() => loadApiConfig({ LEDGER_CSRF_SECRET: 'short' })).toThrow('LEDGER_CSRF_SECRET must be at least 32 characters');
  });

  it('waits 5 s by default for a read to reach its own write, and reads LEDGER_READ_WAIT_MS', () => {
    expect(loadApiConfig({}).readWaitMs).toBe(5000);
    expect(loadApiConfig({ LEDGER_READ_WAIT_MS: '250' }).readWaitMs).toBe(250);
    expect(() => loadApiConfig({ LEDGER_READ_WAIT_MS: 'soon' })).toThrow('LEDGER_READ_WAIT_MS must be a whole number of at least 1, got "soon"');
  });
});
