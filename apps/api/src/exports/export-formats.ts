import type { ExportFormat } from '@ledger/integrity';

export const EXPORT_FORMATS: readonly ExportFormat[] = ['jsonl', 'csv', 'xlsx'];

export const CONTENT_TYPES: Readonly<Record<ExportFormat, string>> = {
  jsonl: 'application/x-ndjson; charset=utf-8',
  csv: 'text/csv; charset=utf-8; header=present',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export const FORMAT_DESCRIPTIONS: Readonly<Record<ExportFormat, string>> = {
  jsonl: 'canonical JSONL: every event with its envelope and hashes, one RFC 8785 line each (verifiable, importable)',
  csv: 'CSV audit trail: one row per event (inspection, finding, event, summary, actor, role, organisation, on behalf of, occurred, recorded)',
  xlsx: 'XLSX workbook: register, audit trail and slippage sheets',
};

/** A download's Content-Disposition; the names the API gives are plain ASCII. */
export function attachment(fileName: string): string {
  return `attachment; filename="${fileName}"`;
}
