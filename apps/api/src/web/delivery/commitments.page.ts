import { COMMITMENT_KINDS, COMMITMENT_OUTCOMES, type Commitment, type Page } from '@ledger/projections/read-models';
import type { FormError } from '../layout/error-summary';
import { commitmentsTable } from '../reading/commitments-table';
import { inspectionField, ownerField } from '../reading/filter-fields';
import { selectField, type Choice } from '../reading/form-fields';
import type { FormValues } from '../reading/page-query';
import type { ListPage } from '../reading/list-page';
import { pagination, showing } from '../reading/pagination';
import { COMMITMENT_KIND, OUTCOME_TEXT } from '../reading/words';

export interface CommitmentsPageModel {
  values: FormValues;
  errors: readonly FormError[];
  inspectionChoices: readonly Choice[];
  commitments?: Page<Commitment>;
  consistent?: boolean;
}

export function commitmentsPage({ values, errors, inspectionChoices, commitments, consistent }: CommitmentsPageModel): ListPage {
  const context = { values, errors };
  return {
    template: 'delivery/commitments.njk',
    title: 'Commitments',
    current: '/commitments',
    errors,
    consistent,
    filters: {
      action: '/commitments',
      submit: 'Apply filters',
      fields: [
        selectField({ ...context, name: 'outcome', label: 'Outcome', choices: COMMITMENT_OUTCOMES.map((value) => ({ value, text: OUTCOME_TEXT[value] })) }),
        selectField({ ...context, name: 'kind', label: 'Kind of commitment', choices: COMMITMENT_KINDS.map((value) => ({ value, text: COMMITMENT_KIND[value] })) }),
        ownerField(context),
        inspectionField(context, inspectionChoices),
      ],
    },
    list: commitments && {
      showing: showing(commitments.total, commitments.offset, commitments.items.length, commitments.total === 1 ? 'commitment' : 'commitments'),
      tables: commitments.items.length > 0 ? [commitmentsTable(commitments.items, 'Commitments, the earliest date first', { withFinding: true })] : [],
      pagination: pagination('/commitments', values, commitments.total, commitments.offset),
    },
  };
}
