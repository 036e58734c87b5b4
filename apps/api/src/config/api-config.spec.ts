import path from 'node:path';
import { loadApiConfig } from './api-config';

describe('API configuration', () => {
  it('defaults to port 3000, ./data and office staff at the OPFCC in development mode', () => {
    const config = loadApiConfig({});
    expect(config.port).toBe(3000);
    expect(config.dataDir).toBe(path.resolve('data'));
    expect(config.mode).toBe('development');
    expect(config.devUser).toMatchObject({ id: 'office-staff', role: 'PFCC office staff', organisation: 'Office of the Police, Fire and Crime Commissioner' });
  });

  it('reads PORT, LEDGER_DATA_DIR and the development identity, and hands the data folder to the event store', () => {
    const config = loadApiConfig({ PORT: '8080', LEDGER_DATA_DIR: 'ledger-data', LEDGER_DEV_USER_ID: 'jo', LEDGER_DEV_USER_NAME: 'Jo Bloggs', LEDGER_DEV_USER_ROLE: 'Analyst', LEDGER_DEV_USER_ORG: 'OPFCC', LEDGER_EVENT_STORE: 'embedded' });
    expect(config.port).toBe(8080);
    expect(config.dataDir).toBe(path.resolve('ledger-data'));
    expect(config.eventStoreEnv).toMatchObject({ LEDGER_DATA_DIR: path.resolve('ledger-data'), LEDGER_EVENT_STORE: 'embedded' });
    expect(config.devUser).toEqual({ id: 'jo', name: 'Jo Bloggs', role: 'Analyst', organisation: 'OPFCC' });
  });

  it('refuses a PORT that is not a port, saying so', () => {
    expect(() => loadApiConfig({ PORT: 'eighty' })).toThrow('PORT must be an integer from 0 to 65535, got "eighty"');
    expect(() => loadApiConfig({ PORT: '70000' })).toThrow('PORT must be');
  });

  it('switching development users is only for development', () => {
    expect(loadApiConfig({ NODE_ENV: 'production' }).mode).toBe('production');
  });
});
