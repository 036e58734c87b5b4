import { DEFAULT_BASIS, type AsAtRegister } from '@ledger/projections/read-models';
import type { FormError } from '../layout/error-summary';
import { findingsTables } from '../reading/findings-table';
import { inspectionField } from '../reading/filter-fields';
import { dateField, selectField, type Choice } from '../reading/form-fields';
import { dayText } from '../reading/format';
import type { ListPage } from '../reading/list-page';
import type { FormValues } from '../reading/page-query';
import { pagination, showing } from '../reading/pagination';
import { basisStatement, BASIS_TEXT } from '../reading/words';

export interface AsAtPageModel {
  values: FormValues;
  errors: readonly FormError[];
  inspectionChoices: readonly Choice[];
  register?: AsAtRegister;
}

export interface AsAtPage extends ListPage {
  heading: string;
  dateText?: string;
  /** Which view is shown, and whether that is the default. */
  basisText?: string;
  /** The same day in the other view. */
  otherView?: { href: string; text: string };
}

/** The two views, the default first. */
export const BASIS_CHOICES: Choice[] = (['occurred', 'recorded'] as const).map((basis) => ({ value: basis, text: BASIS_TEXT[basis] }));

export function asAtPage({ values, errors, inspectionChoices, register }: AsAtPageModel): AsAtPage {
  const context = { values, errors };
  return {
    template: 'scrutiny/as-at.njk',
    title: register ? `The register as at ${dayText(register.date)}` : 'The register as at a date',
    heading: register ? `The register as at ${dayText(register.date)}` : 'The register as at a date',
    current: '/as-at',
    errors,
    filters: {
      action: '/as-at',
      submit: 'Show the register',
      fields: [
        dateField({ ...context, name: 'date', label: 'Date' }),
        selectField({ ...context, values: { ...values, basis: values.basis || DEFAULT_BASIS }, name: 'basis', label: 'View', choices: BASIS_CHOICES, any: false }),
        inspectionField(context, inspectionChoices),
      ],
    },
    dateText: register && dayText(register.date),
    basisText: register && basisStatement(register.basis, register.basis === DEFAULT_BASIS),
    otherView: register && otherView(register),
    list: register && {
      showing: showing(register.total, register.offset, register.items.length, register.total === 1 ? 'finding' : 'findings'),
      tables: findingsTables(register.items),
      pagination: pagination('/as-at', values, register.total, register.offset),
    },
  };
}

function otherView(register: AsAtRegister): { href: string; text: string } {
  const other = register.basis === 'occurred' ? 'recorded' : 'occurred';
  return { href: `/as-at?${new URLSearchParams({ date: register.date, basis: other }).toString()}`, text: `Show ${BASIS_TEXT[other].charAt(0).toLowerCase()}${BASIS_TEXT[other].slice(1).split(':')[0]} instead` };
}
