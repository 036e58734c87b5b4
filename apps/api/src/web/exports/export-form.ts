import type { ExportFormat } from '@ledger/integrity';
import type { ExportFilterInput } from '../../exports/export-filter-input';
import { partsOf, readDateParts, type DateParts } from '../components/date-input';
import type { FormError } from '../layout/error-summary';

export const EXPORT_FORMATS: readonly { value: ExportFormat; text: string; hint: string }[] = [
  { value: 'jsonl', text: 'Canonical JSON lines (.jsonl)', hint: 'Every event exactly as hashed: what `ledger verify` and `ledger import` read.' },
  { value: 'csv', text: 'CSV (.csv)', hint: 'The audit trail, one event a row, with statuses in the inspectorate’s words.' },
  { value: 'xlsx', text: 'Excel workbook (.xlsx)', hint: 'The register, slippage and the audit trail, a sheet each.' },
];

export const DATE_FIELDS = { from: 'Recorded from', to: 'Recorded up to' } as const;
export type DateField = keyof typeof DATE_FIELDS;

/** What the form holds, as typed, to show it again. */
export interface ExportFormValues {
  format: string;
  inspection: string;
  service: string;
  organisation: string;
  dates: Record<DateField, DateParts>;
}

export const EMPTY_EXPORT_FORM: ExportFormValues = {
  format: '',
  inspection: '',
  service: '',
  organisation: '',
  dates: { from: { day: '', month: '', year: '' }, to: { day: '', month: '', year: '' } },
};

export type ExportFormReading = { values: ExportFormValues; errors: FormError[] } & ({ ok: true; format: ExportFormat; filter: ExportFilterInput } | { ok: false });

/**
 * Reads the export form: a format, and filters left empty for "all". A date is GOV.UK's three
 * boxes, read as every form of the service reads them. The filters' other rules (a range that
 * ends before it starts) are the integrity library's (`exportFilterFrom`), so that the page and
 * the API agree.
 */
export function readExportForm(form: URLSearchParams): ExportFormReading {
  const text = (name: string) => (form.get(name) ?? '').trim();
  const sent = Object.fromEntries(form.entries());
  const values: ExportFormValues = {
    format: text('format'),
    inspection: text('inspection'),
    service: text('service'),
    organisation: text('organisation'),
    dates: { from: partsOf(sent, 'from'), to: partsOf(sent, 'to') },
  };
  const errors: FormError[] = [];
  const format = EXPORT_FORMATS.find((choice) => choice.value === values.format)?.value;
  if (format === undefined) errors.push({ field: 'format', message: 'Select the format of the export' });
  const filter: ExportFilterInput = {};
  if (values.inspection) filter.inspection = values.inspection;
  if (values.service) filter.service = values.service;
  if (values.organisation) filter.organisation = values.organisation;
  for (const field of Object.keys(DATE_FIELDS) as DateField[]) {
    const read = readDateParts(values.dates[field], field, DATE_FIELDS[field]);
    if ('error' in read) errors.push(read.error);
    else if (read.date !== undefined) filter[field] = read.date;
  }
  return errors.length > 0 || format === undefined ? { ok: false, values, errors } : { ok: true, values, errors, format, filter };
}
