/**
 * One CSV record (RFC 4180: CRLF, fields with a comma, quote or line break quoted, quotes
 * doubled). A text that a spreadsheet would run as a formula (starting with = + - @ or a tab or
 * carriage return) is prefixed with an apostrophe, OWASP's advice against CSV injection; the
 * canonical JSONL export keeps every text verbatim. Replace with a CSV library (csv-stringify)
 * once one is installed.
 */
export function csvRow(values: readonly (string | number | null)[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}

function csvField(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
