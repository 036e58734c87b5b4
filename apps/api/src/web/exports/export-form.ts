import type { ExportFormat } from '@ledger/integrity';
import type { ExportFilterInput } from '../../exports/export-filter-input';
import type { FormError } from '../layout/error-summary';

export const EXPORT_FORMATS: readonly { value: ExportFormat; text: string; hint: string }[] = [
  { value: 'jsonl', text: 'Canonical JSON lines (.jsonl)', hint: 'Every event exactly as hashed: what `ledger verify` and `ledger import` read.' },
  { value: 'csv', text: 'CSV (.csv)', hint: 'The audit trail, one event a row, with statuses in the inspectorate’s words.' },
  { value: 'xlsx', text: 'Excel workbook (.xlsx)', hint: 'The register, slippage and the audit trail, a sheet each.' },
];

export const DATE_PARTS = ['day', 'month', 'year'] as const;
export type DatePart = (typeof DATE_PARTS)[number];
export const DATE_FIELDS = { from: 'Recorded from', to: 'Recorded up to' } as const;
export type DateField = keyof typeof DATE_FIELDS;

/** What the form holds, as typed, to show it again. */
export interface ExportFormValues {
  format: string;
  inspection: string;
  service: string;
  organisation: string;
  dates: Record<DateField, Record<DatePart, string>>;
}

export const EMPTY_EXPORT_FORM: ExportFormValues = {
  format: '',
  inspection: '',
  service: '',
  organisation: '',
  dates: { from: { day: '', month: '', year: '' }, to: { day: '', month: '', year: '' } },
};

export type ExportFormReading = { values: ExportFormValues; errors: FormError[] } & ({ ok: true; format: ExportFormat; filter: ExportFilterInput } | { ok: false });

/** The id of a date's part box: the error summary links to the first part to fix. */
export const datePartId = (field: DateField, part: DatePart) => `${field}-${part}`;

/**
 * Reads the export form: a format, and filters left empty for "all". A date is GOV.UK's three
 * boxes; one given in part names the parts missing. Whether a date exists, and the filters' other
 * rules, are the integrity library's (`exportFilterFrom`), so that the page and the API agree.
 */
export function readExportForm(form: URLSearchParams): ExportFormReading {
  const text = (name: string) => (form.get(name) ?? '').trim();
  const values: ExportFormValues = {
    format: text('format'),
    inspection: text('inspection'),
    service: text('service'),
    organisation: text('organisation'),
    dates: {
      from: { day: text('from-day'), month: text('from-month'), year: text('from-year') },
      to: { day: text('to-day'), month: text('to-month'), year: text('to-year') },
    },
  };
  const errors: FormError[] = [];
  const format = EXPORT_FORMATS.find((choice) => choice.value === values.format)?.value;
  if (format === undefined) errors.push({ field: 'format', message: 'Select the format of the export' });
  const filter: ExportFilterInput = {};
  if (values.inspection) filter.inspection = values.inspection;
  if (values.service) filter.service = values.service;
  if (values.organisation) filter.organisation = values.organisation;
  for (const field of Object.keys(DATE_FIELDS) as DateField[]) {
    const parts = values.dates[field];
    const missing = DATE_PARTS.filter((part) => parts[part] === '');
    if (missing.length === DATE_PARTS.length) continue;
    if (missing.length > 0) {
      errors.push({ field: datePartId(field, missing[0]), message: `${DATE_FIELDS[field]} must include a ${missing.join(' and ')}` });
      continue;
    }
    if (!/^\d{1,2}$/.test(parts.day) || !/^\d{1,2}$/.test(parts.month) || !/^\d{4}$/.test(parts.year)) {
      errors.push({ field: datePartId(field, 'day'), message: `${DATE_FIELDS[field]} must be a real date, for example 31 1 2025` });
      continue;
    }
    filter[field] = `${parts.year}-${parts.month.padStart(2, '0')}-${parts.day.padStart(2, '0')}`;
  }
  return errors.length > 0 || format === undefined ? { ok: false, values, errors } : { ok: true, values, errors, format, filter };
}
