import { COMMITMENT_KINDS, COMMITMENT_OUTCOMES, type Commitment, type Page } from '@ledger/projections/read-models';
import type { FormError } from '../layout/error-summary';
import { html } from '../layout/html';
import { commitmentsTable } from '../reading/commitments-table';
import { inspectionField, ownerField } from '../reading/filter-fields';
import { filterForm, selectField, type Choice } from '../reading/form-fields';
import type { FormValues } from '../reading/page-query';
import { pagination, showing } from '../reading/pagination';
import type { ReadingPageOptions } from '../reading/reading-page';
import { COMMITMENT_KIND, OUTCOME_TEXT } from '../reading/words';

export interface CommitmentsPageModel {
  values: FormValues;
  errors: readonly FormError[];
  inspectionChoices: readonly Choice[];
  commitments?: Page<Commitment>;
  consistent?: boolean;
}

export function commitmentsPage({ values, errors, inspectionChoices, commitments, consistent }: CommitmentsPageModel): ReadingPageOptions {
  const context = { values, errors };
  const content = html`<h1 class="govuk-heading-l">Commitments</h1>
<p class="govuk-body">Who committed to what, when, by which date, and whether it was kept. A commitment is missed when the work was finished after its date, or was not finished by the end of it.</p>
${filterForm({
  action: '/commitments',
  submit: 'Apply filters',
  fields: [
    selectField({ ...context, name: 'outcome', label: 'Outcome', choices: COMMITMENT_OUTCOMES.map((value) => ({ value, text: OUTCOME_TEXT[value] })) }),
    selectField({ ...context, name: 'kind', label: 'Kind of commitment', choices: COMMITMENT_KINDS.map((value) => ({ value, text: COMMITMENT_KIND[value] })) }),
    ownerField(context),
    inspectionField(context, inspectionChoices),
  ],
})}
${commitments &&
html`${showing(commitments.total, commitments.offset, commitments.items.length, commitments.total === 1 ? 'commitment' : 'commitments')}
${commitments.items.length > 0 && commitmentsTable(commitments.items, 'Commitments, the earliest date first', { withFinding: true })}
${pagination('/commitments', values, commitments.total, commitments.offset)}`}`;
  return { title: 'Commitments', content, current: '/commitments', errors, consistent };
}
