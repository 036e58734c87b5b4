/** Injection token of the {@link ApiConfig}. */
export const API_CONFIG = Symbol('API_CONFIG');

/** Injection token of the {@link LedgerSecrets}. */
export const LEDGER_SECRETS = Symbol('LEDGER_SECRETS');
