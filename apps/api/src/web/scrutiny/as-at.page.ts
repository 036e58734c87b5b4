import type { AsAtRegister, Basis } from '@ledger/projections/read-models';
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

/** How a page names each view of history. */
export const BASIS_WORDS: Record<Basis, string> = {
  occurred: 'as it stood (by the date things happened, using everything recorded to date)',
  recorded: 'as the ledger showed it (by the date entries were recorded)',
};

function otherView(register: AsAtRegister): string {
  const query = new URLSearchParams({ date: register.date, basis: register.basis === 'occurred' ? 'recorded' : 'occurred' });
  return `/as-at?${query.toString()}`;
}

export function asAtPage({ values, errors, inspectionChoices, register }: AsAtPageModel): ReadingPageOptions {
  const context = { values, errors };
  const content = html`<h1 class="govuk-heading-l">${register ? html`The register as at ${day(register.date)}` : 'The register as at a date'}</h1>
${register && html`<p class="govuk-body govuk-!-font-weight-bold" id="basis">Shown ${BASIS_WORDS[register.basis]}${register.basis === 'occurred' ? ', the default' : ''}.</p>`}
<p class="govuk-body">Every finding at the end of a day (London time), with overdue and RAG judged on that day, in one of two views: <strong>as it stood</strong> (the default), by the date each thing happened, using everything recorded to date, back-filled history included; or <strong>as the ledger showed it</strong>, by the date each entry was recorded: what a panel member could have seen that day.</p>
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
<p class="govuk-body-s">Shown ${BASIS_WORDS[register.basis]}. <a class="govuk-link" href="${otherView(register)}">Show it ${BASIS_WORDS[register.basis === 'occurred' ? 'recorded' : 'occurred']} instead</a>. The links show each finding as it stands today.</p>`}`;
  return { title: register ? `The register as at ${register.date}` : 'The register as at a date', content, current: '/as-at', errors };
}
