import { FINDING_TYPES, type InspectionCommand } from '@ledger/domain';
import type { RegisterEntry } from '@ledger/projections/read-models';
import type { InspectionSummary } from '@ledger/projections/read-models/register/inspection-summary';
import { AddFindingDto, AmendInspectionDetailsDto } from '../../../inspections/inspection.dto';
import { para } from '../../components/inline';
import { FINDING_TYPE } from '../../reading/words';
import type { FieldSpec } from '../forms/field-spec';
import type { RecordingForm } from '../forms/recording-flow';
import { OCCURRED_AT } from '../forms/statement-fields';
import { findingNumberOf, INSPECTION_FIELDS } from './registration-form';

/** What the inspection's own details are changed against: the inspection as it stands and its findings. */
export interface InspectionFormContext {
  inspection: InspectionSummary;
  findings: readonly RegisterEntry[];
}

/** A change to the inspection itself (not its statutory response), as a form: /inspections/{id}/record/{key}. */
export interface InspectionForm extends RecordingForm<InspectionFormContext> {
  command: Exclude<InspectionCommand['type'], 'RegisterInspection'>;
  link: string;
}

/** The details the page can amend. Key findings are left out: they are the published page's HTML, which a text box would not give back as it was. */
const AMENDABLE = ['title', 'hmicfrsReference', 'inspectionType', 'typeAsWritten', 'scope', 'service', 'publishedOn', 'reportUrl'] as const;
type Amendable = (typeof AMENDABLE)[number];
/** Left blank, these are cleared; the others cannot be. */
const CLEARABLE: readonly Amendable[] = ['hmicfrsReference', 'typeAsWritten', 'reportUrl'];

const TYPE_AS_WRITTEN: FieldSpec = { path: 'typeAsWritten', kind: 'text', label: 'Type as the report words it (optional)', hint: 'For example, National Thematic.', width: 'two-thirds' };

function detailFields(): FieldSpec[] {
  const byPath = new Map([...INSPECTION_FIELDS, TYPE_AS_WRITTEN].map((field) => [field.path, field]));
  return AMENDABLE.map((detail) => {
    const field = byPath.get(detail) as FieldSpec;
    return { ...field, path: `changes.${detail}`, ...(CLEARABLE.includes(detail) ? { hint: `${field.hint ? `${field.hint} ` : ''}Leave blank to clear it.` } : {}) };
  });
}

export const INSPECTION_FORMS: readonly InspectionForm[] = [
  {
    key: 'amend-details',
    command: 'AmendInspectionDetails',
    dto: AmendInspectionDetailsDto,
    link: 'Amend the details of the inspection',
    title: 'Amend the details of the inspection',
    submit: 'Record the amendment',
    recorded: 'Details amended',
    context: () => [para(`Only what you change is recorded, with what it was before and your reason. The details as first recorded stay in the inspection's history.`)],
    items: () => [
      { legend: 'The details', fields: detailFields() },
      { path: 'reason', kind: 'textarea', label: 'Reason for the amendment', hint: "Why the details as recorded were wrong, or what changed. It is shown on the inspection's page." },
      OCCURRED_AT,
    ],
    prefill: ({ inspection }) => Object.fromEntries(AMENDABLE.map((detail) => [`changes.${detail}`, inspection[detail] ?? ''])),
    complete: (body) => {
      const changes = (body.changes ??= {}) as Record<string, unknown>;
      // Every detail is on the form, so one missing from the body was left blank.
      for (const detail of AMENDABLE) changes[detail] ??= CLEARABLE.includes(detail) ? null : '';
    },
  },
  {
    key: 'add-finding',
    command: 'AddFinding',
    dto: AddFindingDto,
    link: 'Add a finding',
    title: 'Add a finding to the inspection',
    submit: 'Add the finding',
    recorded: 'Finding added',
    context: ({ findings }) =>
      [para(`A finding left out when the inspection was registered. It is issued with a page of its own, like the others.${findings.length > 0 ? ` The inspection has ${findings.map((finding) => finding.reference).join(', ')}.` : ''}`)],
    items: () => [
      { path: 'finding.reference', kind: 'text', label: 'Reference', hint: 'As the report writes it, for example REC 12 or AFI 3. Its number is taken from it.', width: 'one-third', errorsOf: ['finding.number'] },
      { path: 'finding.findingType', kind: 'radios', label: 'Type', choices: FINDING_TYPES.map((type) => ({ value: type, text: FINDING_TYPE[type] })) },
      { path: 'finding.text', kind: 'textarea', label: 'Text', hint: 'Exactly as published.' },
      { path: 'finding.dueDate', kind: 'date', label: "Inspectorate's due date (optional)" },
      { path: 'reason', kind: 'textarea', label: 'Why it is added now (optional)', hint: 'For example, it was left out when the report was registered.' },
      OCCURRED_AT,
    ],
    complete: (body, { findings }) => {
      const finding = (body.finding ??= {}) as Record<string, unknown>;
      finding.number = findingNumberOf(finding.reference, Math.max(0, ...findings.map((existing) => existing.number)) + 1);
    },
  },
];

export function inspectionForm(key: string): InspectionForm | undefined {
  return INSPECTION_FORMS.find((form) => form.key === key);
}
