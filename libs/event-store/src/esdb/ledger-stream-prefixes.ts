/**
 * The prefixes of the ledger's own streams: one stream per aggregate, the inspections' key
 * reservations and the office's public-register switch (every stream the ledger digest covers, so
 * a projection can keep the running digest). A projection subscribing
 * to EventStoreDB passes these as `streamPrefixes`, so the server filters out everything else in
 * $all (other applications' streams, system streams) and sends checkpoints instead.
 */
export const LEDGER_STREAM_PREFIXES: readonly string[] = Object.freeze([
  'inspection-',
  'recommendation-',
  'statutory-response-',
  'challenge-',
  'reservation-inspection-',
  'office-public-register',
]);
