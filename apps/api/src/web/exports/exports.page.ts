import type { ExportManifest } from '@ledger/integrity';
import { DATE_PARTS, dateInput, partName } from '../components/date-input';
import { errorMessageOf } from '../components/fields';
import type { Choice } from '../reading/form-fields';
import { CSRF_FIELD } from '../layout/csrf';
import type { FormError } from '../layout/error-summary';
import { renderPage } from '../layout/render';
import { instantText } from '../reading/format';
import { SERVICE } from '../reading/words';
import { DATE_FIELDS, EXPORT_FORMATS, type DateField, type ExportFormValues } from './export-form';

export interface ExportFormPageModel {
  values: ExportFormValues;
  errors: readonly FormError[];
  inspectionChoices: readonly Choice[];
  csrfToken: string;
}

/** Choose the format and the filters of a signed export. */
export function exportFormPage({ values, errors, inspectionChoices, csrfToken }: ExportFormPageModel): string {
  const select = (name: 'inspection' | 'service', label: string, any: string, choices: readonly Choice[]) => ({
    id: name,
    name,
    label: { text: label },
    errorMessage: errorMessageOf(errors, name),
    items: [{ value: '', text: any }, ...choices].map((choice) => ({ ...choice, selected: choice.value === values[name] })),
    classes: 'govuk-!-width-full',
  });
  return renderPage('exports/export-form.njk', {
    title: 'Download a signed export',
    errors,
    csrf: { name: CSRF_FIELD, value: csrfToken },
    format: {
      idPrefix: 'format',
      name: 'format',
      fieldset: { legend: { text: 'Format', classes: 'govuk-fieldset__legend--m' } },
      errorMessage: errorMessageOf(errors, 'format'),
      items: EXPORT_FORMATS.map((choice) => ({ value: choice.value, text: choice.text, hint: { text: choice.hint }, checked: choice.value === values.format })),
    },
    inspection: select('inspection', 'Inspection', 'All inspections', inspectionChoices),
    service: select('service', 'Service', 'Police and fire', Object.entries(SERVICE).map(([value, text]) => ({ value, text }))),
    organisation: {
      id: 'organisation',
      name: 'organisation',
      label: { text: 'Organisation' },
      hint: { text: 'Only what someone of this organisation recorded, or what was recorded on its behalf. For example, Cumbria Constabulary' },
      errorMessage: errorMessageOf(errors, 'organisation'),
      value: values.organisation,
      spellcheck: false,
    },
    dates: (Object.keys(DATE_FIELDS) as DateField[]).map(
      (field) =>
        dateInput({
          id: field,
          name: field,
          legend: `${DATE_FIELDS[field]} (optional)`,
          legendClasses: 'govuk-fieldset__legend--s',
          hint: field === 'from' ? 'Only what was recorded on or after this day. For example, 1 4 2025' : 'Only what was recorded on or before this day. For example, 31 3 2026',
          parts: values.dates[field],
          error: errors.find((error) => DATE_PARTS.some((part) => error.field === partName(field, part))),
        }).params,
    ),
  });
}

export interface ExportReadyModel {
  id: string;
  manifest: ExportManifest;
  fileName: string;
  manifestName: string;
  keyId: string;
}

/** A signed export made: its three downloads, what it holds, and how anyone checks it offline. */
export function exportReadyPage({ id, manifest, fileName, manifestName, keyId }: ExportReadyModel): string {
  const base = `/api/exports/${encodeURIComponent(id)}`;
  const filter = Object.entries(manifest.filter ?? {})
    .filter(([, value]) => value !== null && value !== undefined)
    .map(([key, value]) => `${key} ${String(value)}`);
  return renderPage('exports/export-ready.njk', {
    title: 'Your signed export is ready',
    fileName,
    manifestName,
    keyId,
    downloads: [
      { href: `${base}/file`, text: `Download the export (${fileName})`, download: fileName },
      { href: `${base}/manifest`, text: `Download its signed manifest (${manifestName})`, download: manifestName },
      { href: '/api/exports/public-key', text: 'Download the office’s public key (office-ed25519.pub.pem)', download: 'office-ed25519.pub.pem' },
    ],
    facts: [
      { key: { text: 'Made' }, value: { text: instantText(manifest.created) } },
      { key: { text: 'What it holds' }, value: { text: manifest.wholeLedger ? 'The whole ledger' : `Part of the ledger: ${filter.join('; ')}` } },
      { key: { text: 'Events' }, value: { text: String(manifest.events) } },
      { key: { text: 'Streams' }, value: { text: String(manifest.streams) } },
      { key: { text: 'Signed with key' }, value: { text: keyId, classes: 'ledger-break-all' } },
      { key: { text: 'Digest' }, value: { text: manifest.digest, classes: 'ledger-break-all' } },
    ],
  });
}

