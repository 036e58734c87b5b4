import type { ChallengeEntry, Page } from '@ledger/projections/read-models';
import type { FormError } from '../layout/error-summary';
import { challengesTable } from '../reading/challenges-table';
import { inspectionField } from '../reading/filter-fields';
import { selectField, yesNoChoices, type Choice } from '../reading/form-fields';
import type { ListPage } from '../reading/list-page';
import type { FormValues } from '../reading/page-query';
import { pagination, showing } from '../reading/pagination';
import type { RecordedBanner } from '../record/forms/form-page';
import type { ChallengeRecording } from '../record/recording-pages';

export interface ChallengesPageModel {
  values: FormValues;
  errors: readonly FormError[];
  inspectionChoices: readonly Choice[];
  titles: ReadonlyMap<string, string>;
  challenges?: Page<ChallengeEntry>;
  consistent?: boolean;
  /** The banner after a challenge form was used, raising one, and answering or closing each. */
  recording?: { banner: RecordedBanner | null; challenges: ChallengeRecording };
}

export interface ChallengesPage extends ListPage {
  recording?: ChallengesPageModel['recording'];
}

const STATUSES: Choice[] = [
  { value: 'open', text: 'Open' },
  { value: 'closed', text: 'Closed' },
  { value: 'all', text: 'Open and closed' },
];

export function challengesPage({ values, errors, inspectionChoices, titles, challenges, consistent, recording }: ChallengesPageModel): ChallengesPage {
  const context = { values, errors };
  const status = values.status || 'open';
  return {
    template: 'scrutiny/challenges.njk',
    title: 'Scrutiny challenges',
    current: '/challenges',
    errors,
    consistent,
    recording,
    filters: {
      action: '/challenges',
      submit: 'Apply filters',
      fields: [
        selectField({ ...context, values: { ...values, status }, name: 'status', label: 'Status', choices: STATUSES, any: false }),
        selectField({ ...context, name: 'answerOverdue', label: 'Answer overdue', choices: yesNoChoices('Answer overdue only', 'Not overdue') }),
        inspectionField(context, inspectionChoices),
      ],
    },
    list: challenges && {
      showing: showing(challenges.total, challenges.offset, challenges.items.length, challenges.total === 1 ? 'challenge' : 'challenges'),
      tables:
        challenges.items.length > 0
          ? [challengesTable(challenges.items, `${STATUSES.find((s) => s.value === status)?.text ?? 'Open'} scrutiny challenges, the earliest answer date first`, titles, recording?.challenges.linksOf)]
          : [],
      pagination: pagination('/challenges', values, challenges.total, challenges.offset),
    },
  };
}
