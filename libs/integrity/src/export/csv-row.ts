import { type Options, stringify } from 'csv-stringify/sync';

/**
 * RFC 4180: CRLF records, a field quoted when it holds a comma, a quote or any line break.
 * `escape_formulas` prefixes an apostrophe to a text that a spreadsheet would run as a formula
 * (starting with = + - @, their full-width forms, a tab or a carriage return), OWASP's advice
 * against CSV injection; the canonical JSONL export keeps every text verbatim.
 */
const RECORD: Options = { record_delimiter: 'windows', quote_record_delimiter: true, escape_formulas: true };

/** One CSV record, ending in CRLF. */
export function csvRow(values: readonly (string | number | null)[]): string {
  return stringify([values], RECORD);
}
