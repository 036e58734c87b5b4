/** The API's pino logger (json-logger.ts), for what is logged beyond one line per request. */
export const JSON_LOG = Symbol('JSON_LOG');
