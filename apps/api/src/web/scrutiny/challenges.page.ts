import type { ChallengeEntry, Page } from '@ledger/projections/read-models';
import type { FormError } from '../layout/error-summary';
import { html, type SafeHtml } from '../layout/html';
import { challengesTable } from '../reading/challenges-table';
import { inspectionField } from '../reading/filter-fields';
import { filterForm, selectField, yesNoChoices, type Choice } from '../reading/form-fields';
import type { FormValues } from '../reading/page-query';
import { pagination, showing } from '../reading/pagination';
import type { ReadingPageOptions } from '../reading/reading-page';
import type { ChallengeRecording } from '../record/recording-pages';

export interface ChallengesPageModel {
  values: FormValues;
  errors: readonly FormError[];
  inspectionChoices: readonly Choice[];
  titles: ReadonlyMap<string, string>;
  challenges?: Page<ChallengeEntry>;
  consistent?: boolean;
  /** The banner after a challenge form was used, raising one, and answering or closing each. */
  recording?: { banner: SafeHtml | false; challenges: ChallengeRecording };
}

const STATUSES: Choice[] = [
  { value: 'open', text: 'Open' },
  { value: 'closed', text: 'Closed' },
  { value: 'all', text: 'Open and closed' },
];

export function challengesPage({ values, errors, inspectionChoices, titles, challenges, consistent, recording }: ChallengesPageModel): ReadingPageOptions {
  const context = { values, errors };
  const status = values.status || 'open';
  const content = html`${recording?.banner}
<h1 class="govuk-heading-l">Scrutiny challenges</h1>
<p class="govuk-body">Questions put by the panel and other forums, their answers, and whether an answer is overdue.</p>
${recording?.challenges.raise}
${filterForm({
  action: '/challenges',
  submit: 'Apply filters',
  fields: [
    selectField({ ...context, values: { ...values, status }, name: 'status', label: 'Status', choices: STATUSES, any: false }),
    selectField({ ...context, name: 'answerOverdue', label: 'Answer overdue', choices: yesNoChoices('Answer overdue only', 'Not overdue') }),
    inspectionField(context, inspectionChoices),
  ],
})}
${challenges &&
html`${showing(challenges.total, challenges.offset, challenges.items.length, challenges.total === 1 ? 'challenge' : 'challenges')}
${challenges.items.length > 0 && challengesTable(challenges.items, `${STATUSES.find((s) => s.value === status)?.text ?? 'Open'} scrutiny challenges, the earliest answer date first`, titles, recording?.challenges.linksOf)}
${pagination('/challenges', values, challenges.total, challenges.offset)}`}`;
  return { title: 'Scrutiny challenges', content, current: '/challenges', errors, consistent };
}
