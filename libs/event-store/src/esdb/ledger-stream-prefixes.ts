/**
 * The prefixes of the ledger's own streams (one stream per aggregate). A projection subscribing
 * to EventStoreDB passes these as `streamPrefixes`, so the server filters out everything else in
 * $all (other applications' streams, system streams) and sends checkpoints instead.
 */
export const LEDGER_STREAM_PREFIXES: readonly string[] = Object.freeze([
  'inspection-',
  'recommendation-',
  'statutory-response-',
  'challenge-',
]);
