import type { Page, SlippageEntry } from '@ledger/projections/read-models';
import { link, type Table } from '../components/inline';
import type { FormError } from '../layout/error-summary';
import { inspectionField } from '../reading/filter-fields';
import { selectField, yesNoChoices, type Choice } from '../reading/form-fields';
import { day, days } from '../reading/format';
import type { ListPage } from '../reading/list-page';
import type { FormValues } from '../reading/page-query';
import { pagination, showing } from '../reading/pagination';
import { revisionsTable } from '../reading/revisions-table';

export interface SlippagePageModel {
  values: FormValues;
  errors: readonly FormError[];
  inspectionChoices: readonly Choice[];
  slippage?: Page<SlippageEntry>;
  consistent?: boolean;
}

export interface SlippagePage extends ListPage {
  revisions: Table | null;
}

export function slippagePage({ values, errors, inspectionChoices, slippage, consistent }: SlippagePageModel): SlippagePage {
  const context = { values, errors };
  const revisions = (slippage?.items ?? []).flatMap((entry) => entry.revisions.map((revision) => ({ revision, finding: entry })));
  return {
    template: 'delivery/slippage.njk',
    title: 'Slippage',
    current: '/slippage',
    errors,
    consistent,
    filters: {
      action: '/slippage',
      submit: 'Apply filters',
      fields: [selectField({ ...context, name: 'slipped', label: 'Target date moved', choices: yesNoChoices('Moved', 'Not moved') }), inspectionField(context, inspectionChoices)],
    },
    list: slippage && {
      showing: showing(slippage.total, slippage.offset, slippage.items.length, slippage.total === 1 ? 'finding' : 'findings'),
      tables: slippage.items.length > 0 ? [slippageTable(slippage.items)] : [],
      pagination: pagination('/slippage', values, slippage.total, slippage.offset),
    },
    revisions: revisions.length > 0 ? revisionsTable(revisions, 'Every request for the findings above, with its decision') : null,
  };
}

function slippageTable(entries: readonly SlippageEntry[]): Table {
  return {
    caption: 'Original and current target dates',
    label: 'Original and current target dates',
    rowHeaders: true,
    columns: [{ text: 'Finding', nowrap: true }, { text: 'Original target date' }, { text: 'Current target date' }, { text: 'Slipped by' }, { text: 'Approved changes', numeric: true }, { text: 'Requests', numeric: true }],
    rows: entries.map((entry) => [
      link(`/recommendations/${encodeURIComponent(entry.recommendationId)}#target-dates`, entry.reference),
      day(entry.originalTargetDate),
      day(entry.currentTargetDate),
      entry.slippageDays === null || entry.slippageDays === 0 ? 'Not moved' : entry.slippageDays > 0 ? days(entry.slippageDays) : `${days(-entry.slippageDays)} earlier`,
      entry.revisionCount,
      entry.revisions.length,
    ]),
  };
}
