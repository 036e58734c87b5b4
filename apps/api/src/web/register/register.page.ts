import type { InspectionEntry, Page, RegisterEntry } from '@ledger/projections/read-models';
import { hint, lines, link, type Table } from '../components/inline';
import type { FilterForm } from '../components/fields';
import type { FormError } from '../layout/error-summary';
import { findingsTables } from '../reading/findings-table';
import { day, dayText } from '../reading/format';
import type { Choice } from '../reading/form-fields';
import {
  blockedField,
  findingTypeField,
  inspectionField,
  inspectionTypeField,
  overdueField,
  ownerField,
  serviceField,
  statusField,
} from '../reading/filter-fields';
import type { FormValues } from '../reading/page-query';
import { pagination, showing, type PaginationParams, type Showing } from '../reading/pagination';
import type { ReadingPage } from '../reading/reading-page';
import { INSPECTION_TYPE, SERVICE } from '../reading/words';
import { REGISTRATION_PATH } from '../record/recording-pages';

export interface RegisterPageModel {
  today: string;
  values: FormValues;
  errors: readonly FormError[];
  inspectionChoices: readonly Choice[];
  /** Absent when the filters could not be read. */
  inspections?: Page<InspectionEntry>;
  findings?: Page<RegisterEntry>;
  consistent?: boolean;
}

export interface RegisterPage extends ReadingPage {
  todayText: string;
  registrationPath: string;
  filters: FilterForm;
  inspections?: Table;
  findings?: { showing: Showing; tables: Table[]; pagination: PaginationParams | null };
}

export function registerPage(model: RegisterPageModel): RegisterPage {
  const { values, errors, inspections, findings } = model;
  const context = { values, errors };
  return {
    template: 'register/register.njk',
    title: 'Register',
    current: '/register',
    errors,
    consistent: model.consistent,
    todayText: dayText(model.today),
    registrationPath: REGISTRATION_PATH,
    filters: {
      action: '/register',
      submit: 'Apply filters',
      fields: [
        inspectionField(context, model.inspectionChoices),
        inspectionTypeField(context),
        findingTypeField(context),
        serviceField(context),
        ownerField(context),
        statusField(context),
        overdueField(context),
        blockedField(context),
      ],
    },
    inspections: inspections && {
      caption: `Inspections (${inspections.total})`,
      label: `Inspections (${inspections.total})`,
      captionSize: 'm',
      id: 'inspections',
      rowHeaders: true,
      columns: [{ text: 'Inspection', width: 'one-half' }, { text: 'Type' }, { text: 'Published', nowrap: true }, { text: 'Findings', numeric: true }, { text: 'Open', numeric: true }, { text: 'Overdue', numeric: true }],
      rows: inspections.items.map((inspection) => [
        link(`/inspections/${encodeURIComponent(inspection.inspectionId)}`, inspection.title),
        lines(INSPECTION_TYPE[inspection.inspectionType], hint(SERVICE[inspection.service])),
        day(inspection.publishedOn),
        inspection.findings.total,
        inspection.findings.open,
        inspection.findings.overdue,
      ]),
    },
    findings: findings && {
      showing: showing(findings.total, findings.offset, findings.items.length, findings.total === 1 ? 'finding' : 'findings'),
      tables: findingsTables(findings.items),
      pagination: pagination('/register', values, findings.total, findings.offset),
    },
  };
}
