import escapeHtml from 'escape-html';
import { FINDING_TYPES, INSPECTION_SCOPES, INSPECTION_TYPES, SERVICES } from '@ledger/domain';
import { LIST_LIMIT } from '../../../validation/text-limits';
import { FINDING_TYPE, INSPECTION_TYPE, SCOPE, SERVICE } from '../../reading/words';
import { DATE_PARTS, partName } from '../forms/date-parts';
import type { FieldSpec, FormItem, FormValues } from '../forms/field-spec';
import { valuesOf } from '../forms/form-values';

/**
 * Registering an inspection by hand: its details, then its findings one by one. Without script,
 * "Add another finding" and "Remove" send the form back to be shown again with one finding more
 * or less; nothing is recorded until "Register the inspection".
 */
export const ACTION_FIELD = '_action';
export const COUNT_FIELD = '_findings';
export const ADD_FINDING = 'add-finding';
export const REMOVE_FINDING = 'remove-finding-';

/** What a finding's part of the form sends: its due date in three boxes. */
const FINDING_PARTS = ['reference', 'findingType', 'text', 'dueDate-day', 'dueDate-month', 'dueDate-year'] as const;
type FindingPart = (typeof FINDING_PARTS)[number];
export type FindingValues = Record<FindingPart, string>;

export const EMPTY_FINDING: FindingValues = { reference: '', findingType: '', text: '', 'dueDate-day': '', 'dueDate-month': '', 'dueDate-year': '' };

export const INSPECTION_FIELDS: readonly FieldSpec[] = [
  { path: 'title', kind: 'text', label: 'Title', hint: 'As the report gives it.' },
  { path: 'hmicfrsReference', kind: 'text', label: 'HMICFRS reference (optional)', width: 'one-third' },
  { path: 'inspectionType', kind: 'radios', label: 'Type of inspection', choices: INSPECTION_TYPES.map((type) => ({ value: type, text: INSPECTION_TYPE[type] })) },
  { path: 'scope', kind: 'radios', label: 'Who does it cover?', name: 'Scope', choices: INSPECTION_SCOPES.map((scope) => ({ value: scope, text: SCOPE[scope] })) },
  {
    path: 'service',
    kind: 'radios',
    label: 'Service',
    hint: 'A police report is answered within 56 days under the Police Act 1996 s.55; a fire report with a published action plan.',
    choices: SERVICES.map((service) => ({ value: service, text: SERVICE[service] })),
  },
  { path: 'publishedOn', kind: 'date', label: 'Date published', hint: 'The statutory clock starts on this day. For example, 22 8 2024' },
  { path: 'reportUrl', kind: 'text', label: 'Web address of the report (optional)' },
  { path: 'keyFindingsHtml', kind: 'textarea', label: 'Key findings (optional)', hint: 'As plain text. Leave a blank line between paragraphs.' },
];

export function findingFields(index: number): FieldSpec[] {
  const path = (part: string) => `findings[${index}].${part}`;
  return [
    { path: path('reference'), kind: 'text', label: `Finding ${index + 1}: reference`, hint: 'As the report writes it, for example REC 03 or AFI 2. Its number is taken from it.', width: 'one-third', errorsOf: [`findings[${index}].number`] },
    { path: path('findingType'), kind: 'radios', label: `Finding ${index + 1}: type`, choices: FINDING_TYPES.map((type) => ({ value: type, text: FINDING_TYPE[type] })) },
    { path: path('text'), kind: 'textarea', label: `Finding ${index + 1}: text`, hint: 'Exactly as published.' },
    { path: path('dueDate'), kind: 'date', label: `Finding ${index + 1}: inspectorate's due date (optional)` },
  ];
}

export function registrationItems(findingCount: number): FormItem[] {
  const findings: FormItem[] = Array.from({ length: findingCount }, (_, index) => ({
    legend: `Finding ${index + 1}`,
    fields: findingFields(index),
    after: {
      macro: 'button',
      params: { html: `Remove<span class="govuk-visually-hidden"> finding ${index + 1}</span>`, name: ACTION_FIELD, value: `${REMOVE_FINDING}${index}`, classes: 'govuk-button--secondary govuk-!-margin-bottom-0' },
    },
  }));
  return [{ legend: 'The inspection', fields: INSPECTION_FIELDS }, ...findings];
}

/** The findings as posted, in the order shown, up to the number the page had. */
export function postedFindings(form: URLSearchParams): FindingValues[] {
  const count = Math.min(Math.max(Number.parseInt(form.get(COUNT_FIELD) ?? '1', 10) || 1, 1), LIST_LIMIT);
  return Array.from({ length: count }, (_, index) => Object.fromEntries(FINDING_PARTS.map((part) => [part, form.get(`findings[${index}].${part}`) ?? ''])) as FindingValues);
}

export function isBlankFinding(finding: FindingValues): boolean {
  return FINDING_PARTS.every((part) => finding[part].trim() === '');
}

/** Every field name the page had, to tell a field it never had. */
export function postedFieldNames(count: number): string[] {
  return [...INSPECTION_FIELDS.flatMap((field) => (field.kind === 'date' ? DATE_PARTS.map((part) => partName(field.path, part)) : [field.path])), ...Array.from({ length: count }, (_, index) => FINDING_PARTS.map((part) => `findings[${index}].${part}`)).flat(), ACTION_FIELD, COUNT_FIELD];
}

export function registrationValues(form: URLSearchParams, findings: readonly FindingValues[]): FormValues {
  const values = valuesOf(form, INSPECTION_FIELDS);
  findings.forEach((finding, index) => FINDING_PARTS.forEach((part) => (values[`findings[${index}].${part}`] = finding[part])));
  return values;
}

/** A finding's number: the last number in its reference ("REC 03" is 3), else `otherwise`. */
export function findingNumberOf(reference: unknown, otherwise: number): number {
  const digits = typeof reference === 'string' ? /(\d+)\D*$/.exec(reference) : null;
  return digits ? Number(digits[1]) : otherwise;
}

/**
 * What the page derives for the API's body: each finding's number from its reference (the last
 * number in it, else its place in the list), and the key findings as paragraphs of HTML.
 */
export function completeBody(body: Record<string, unknown>): void {
  const findings = (body.findings ?? []) as Record<string, unknown>[];
  body.findings = findings;
  findings.forEach((finding, index) => {
    finding.number = findingNumberOf(finding.reference, index + 1);
  });
  if (typeof body.keyFindingsHtml === 'string') {
    body.keyFindingsHtml = body.keyFindingsHtml
      .split(/\n\s*\n/)
      .map((paragraph) => `<p>${escapeHtml(paragraph.trim()).replace(/\n/g, '<br>')}</p>`)
      .join('');
  }
}
