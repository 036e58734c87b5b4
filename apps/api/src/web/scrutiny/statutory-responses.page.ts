import { STATUTORY_STATES, type Page, type StatutoryEntry } from '@ledger/projections/read-models';
import { lines, join, link, small, type Table } from '../components/inline';
import type { FormError } from '../layout/error-summary';
import { inspectionField, serviceField } from '../reading/filter-fields';
import { selectField, type Choice } from '../reading/form-fields';
import { day } from '../reading/format';
import type { ListPage } from '../reading/list-page';
import type { FormValues } from '../reading/page-query';
import { pagination, showing } from '../reading/pagination';
import { dayNumberText, timelinessText } from '../reading/statutory-summary';
import { STATUTORY_TEXT, statutoryTag } from '../reading/words';

export interface StatutoryPageModel {
  values: FormValues;
  errors: readonly FormError[];
  inspectionChoices: readonly Choice[];
  responses?: Page<StatutoryEntry>;
  consistent?: boolean;
}

export function statutoryResponsesPage({ values, errors, inspectionChoices, responses, consistent }: StatutoryPageModel): ListPage {
  const context = { values, errors };
  return {
    template: 'scrutiny/statutory-responses.njk',
    title: 'Statutory responses',
    current: '/statutory-responses',
    errors,
    consistent,
    filters: {
      action: '/statutory-responses',
      submit: 'Apply filters',
      fields: [
        selectField({ ...context, name: 'state', label: 'State', choices: STATUTORY_STATES.map((value) => ({ value, text: STATUTORY_TEXT[value] })) }),
        serviceField(context),
        inspectionField(context, inspectionChoices),
      ],
    },
    list: responses && {
      showing: showing(responses.total, responses.offset, responses.items.length, responses.total === 1 ? 'response' : 'responses'),
      tables: responses.items.length > 0 ? [responsesTable(responses.items)] : [],
      pagination: pagination('/statutory-responses', values, responses.total, responses.offset),
    },
  };
}

function responsesTable(responses: readonly StatutoryEntry[]): Table {
  const caption = 'Statutory responses and action plans, the earliest due first';
  return {
    caption,
    label: caption,
    rowHeaders: true,
    columns: [{ text: 'Inspection', width: 'one-quarter' }, { text: 'Report published', nowrap: true }, { text: 'Due by', nowrap: true }, { text: 'Published', nowrap: true }, { text: 'Day' }, { text: 'On time' }, { text: 'Copies sent' }],
    rows: responses.map((response) => [
      link(`/inspections/${encodeURIComponent(response.inspectionId)}#statutory-response`, response.title ?? response.inspectionId),
      day(response.reportPublishedOn),
      day(response.dueDate),
      day(response.publishedOn, 'Not published'),
      dayNumberText(response),
      lines(statutoryTag(response.state), small(timelinessText(response))),
      response.service === 'fire' ? 'Not required' : lines(join('HMICFRS: ', day(response.copiesSent.HMICFRS, 'not recorded')), join('Home Secretary: ', day(response.copiesSent.HomeSecretary, 'not recorded'))),
    ]),
  };
}
