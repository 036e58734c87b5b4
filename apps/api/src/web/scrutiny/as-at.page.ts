import type { AsAtRegister } from '@ledger/projections/read-models';
import type { FormError } from '../layout/error-summary';
import { findingsTables } from '../reading/findings-table';
import { inspectionField } from '../reading/filter-fields';
import { dateField, type Choice } from '../reading/form-fields';
import { dayText } from '../reading/format';
import type { ListPage } from '../reading/list-page';
import type { FormValues } from '../reading/page-query';
import { pagination, showing } from '../reading/pagination';

export interface AsAtPageModel {
  values: FormValues;
  errors: readonly FormError[];
  inspectionChoices: readonly Choice[];
  register?: AsAtRegister;
}

export interface AsAtPage extends ListPage {
  heading: string;
  dateText?: string;
  eventsReplayed?: number;
}

export function asAtPage({ values, errors, inspectionChoices, register }: AsAtPageModel): AsAtPage {
  const context = { values, errors };
  return {
    template: 'scrutiny/as-at.njk',
    title: register ? `The register as at ${register.date}` : 'The register as at a date',
    heading: register ? `The register as at ${dayText(register.date)}` : 'The register as at a date',
    current: '/as-at',
    errors,
    filters: {
      action: '/as-at',
      submit: 'Show the register',
      fields: [dateField({ ...context, name: 'date', label: 'Date' }), inspectionField(context, inspectionChoices)],
    },
    dateText: register && dayText(register.date),
    eventsReplayed: register?.eventsReplayed,
    list: register && {
      showing: showing(register.total, register.offset, register.items.length, register.total === 1 ? 'finding' : 'findings'),
      tables: findingsTables(register.items),
      pagination: pagination('/as-at', values, register.total, register.offset),
    },
  };
}
