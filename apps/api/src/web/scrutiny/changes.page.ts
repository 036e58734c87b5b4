import { DEFAULT_BASIS, type Changes } from '@ledger/projections/read-models';
import { link, type Table } from '../components/inline';
import type { FormError } from '../layout/error-summary';
import { inspectionField } from '../reading/filter-fields';
import { dateField, selectField, type Choice } from '../reading/form-fields';
import { entriesTable } from '../reading/entries-table';
import { dayText } from '../reading/format';
import type { ListPage } from '../reading/list-page';
import type { FormValues } from '../reading/page-query';
import { pagination, showing } from '../reading/pagination';
import { basisStatement, BASIS_TEXT, statusTag } from '../reading/words';

export interface ChangesPageModel {
  values: FormValues;
  errors: readonly FormError[];
  inspectionChoices: readonly Choice[];
  titles: ReadonlyMap<string, string>;
  changes?: Changes;
  consistent?: boolean;
}

export interface ChangesPage extends ListPage {
  period?: string;
  /** Which time the period and the statuses are read by, and whether that is the default. */
  basisText?: string;
  /** Each finding that changed; null when none did. Paged with the entries (a finding has at least one). */
  findings?: Table | null;
  findingsShowing?: ReturnType<typeof showing>;
}

const BASES: Choice[] = (['occurred', 'recorded'] as const).map((basis) => ({ value: basis, text: BASIS_TEXT[basis] }));

export function changesPage(model: ChangesPageModel): ChangesPage {
  const { values, errors, changes, titles } = model;
  const context = { values, errors };
  return {
    template: 'scrutiny/changes.njk',
    title: 'What changed between two dates',
    current: '/changes',
    errors,
    consistent: model.consistent,
    filters: {
      action: '/changes',
      submit: 'Show changes',
      fields: [
        dateField({ ...context, name: 'from', label: 'First day' }),
        dateField({ ...context, name: 'to', label: 'Last day' }),
        selectField({ ...context, values: { ...values, basis: values.basis || DEFAULT_BASIS }, name: 'basis', label: 'Read the dates', choices: BASES, any: false }),
        inspectionField(context, model.inspectionChoices),
      ],
    },
    period: changes && `${dayText(changes.from)} to ${dayText(changes.to)}`,
    basisText: changes && basisStatement(changes.basis, changes.basis === DEFAULT_BASIS),
    findings: changes && (changes.findings.length === 0 ? null : findingsTable(changes, titles)),
    findingsShowing: changes && showing(changes.findingsTotal, changes.offset, changes.findings.length, changes.findingsTotal === 1 ? 'finding' : 'findings'),
    list: changes && {
      showing: showing(changes.total, changes.offset, changes.items.length, changes.total === 1 ? 'entry' : 'entries'),
      tables: changes.items.length > 0 ? [entriesTable(changes.items, titles, changes.basis === 'occurred' ? 'Entries in the order things happened' : 'Entries in the order they were recorded')] : [],
      pagination: pagination('/changes', values, changes.total, changes.offset),
    },
  };
}

function findingsTable(changes: Changes, titles: ReadonlyMap<string, string>): Table {
  const caption = 'Each finding with its status at the start and at the end of the period';
  return {
    caption,
    label: caption,
    rowHeaders: true,
    columns: [{ text: 'Finding', nowrap: true }, { text: 'Inspection', width: 'one-third' }, { text: 'Status before' }, { text: 'Status after' }, { text: 'Entries', numeric: true }],
    rows: changes.findings.map((finding) => [
      link(`/recommendations/${encodeURIComponent(finding.recommendationId)}`, finding.reference ?? finding.recommendationId),
      finding.inspectionId ? (titles.get(finding.inspectionId) ?? finding.inspectionId) : '',
      statusTag(finding.statusAtStart),
      statusTag(finding.statusAtEnd),
      finding.events,
    ]),
  };
}
