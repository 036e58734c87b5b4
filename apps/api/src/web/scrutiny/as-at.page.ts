import type { AsAtRegister } from '@ledger/projections/read-models';
import type { FormError } from '../layout/error-summary';
import { html } from '../layout/html';
import { findingsTables } from '../reading/findings-table';
import { inspectionField } from '../reading/filter-fields';
import { dateField, filterForm, type Choice } from '../reading/form-fields';
import { day } from '../reading/format';
import type { FormValues } from '../reading/page-query';
import { pagination, showing } from '../reading/pagination';
import type { ReadingPageOptions } from '../reading/reading-page';

export interface AsAtPageModel {
  values: FormValues;
  errors: readonly FormError[];
  inspectionChoices: readonly Choice[];
  register?: AsAtRegister;
}

export function asAtPage({ values, errors, inspectionChoices, register }: AsAtPageModel): ReadingPageOptions {
  const context = { values, errors };
  const content = html`<h1 class="govuk-heading-l">${register ? html`The register as at ${day(register.date)}` : 'The register as at a date'}</h1>
<p class="govuk-body">Every finding as it stood at the end of a day (London time): what the ledger had recorded by then, with overdue and RAG as they were that day. Something decided earlier but recorded later is not included.</p>
${filterForm({
  action: '/as-at',
  submit: 'Show the register',
  fields: [dateField({ ...context, name: 'date', label: 'Date' }), inspectionField(context, inspectionChoices)],
})}
${register &&
html`<h2 class="govuk-heading-m" id="findings">Findings at the end of ${day(register.date)}</h2>
${showing(register.total, register.offset, register.items.length, register.total === 1 ? 'finding' : 'findings')}
${findingsTables(register.items)}
${pagination('/as-at', values, register.total, register.offset)}
<p class="govuk-body-s">Worked out from the ${register.eventsReplayed} entries the ledger had recorded by then. The links show each finding as it stands today.</p>`}`;
  return { title: register ? `The register as at ${register.date}` : 'The register as at a date', content, current: '/as-at', errors };
}
