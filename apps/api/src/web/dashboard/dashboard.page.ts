import { RECOMMENDATION_STATUSES } from '@ledger/domain';
import { STATUTORY_STATES, type Dashboard } from '@ledger/projections/read-models';
import type { FilterForm } from '../components/fields';
import { link, type Inline, type Table } from '../components/inline';
import type { FormError } from '../layout/error-summary';
import { findingTypeField, inspectionField, serviceField } from '../reading/filter-fields';
import type { Choice } from '../reading/form-fields';
import { dayText } from '../reading/format';
import type { FormValues } from '../reading/page-query';
import { pageHref } from '../reading/pagination';
import type { ReadingPage } from '../reading/reading-page';
import { ragTag, statusTag, statutoryTag } from '../reading/words';

export interface DashboardPageModel {
  today: string;
  values: FormValues;
  errors: readonly FormError[];
  inspectionChoices: readonly Choice[];
  dashboard?: Dashboard;
  consistent?: boolean;
}

export interface DashboardPage extends ReadingPage {
  todayText: string;
  filters: FilterForm;
  /** Two columns of count tables; absent when the filters could not be read. */
  columns?: [Table[], Table[]];
}

export function dashboardPage({ today, values, errors, inspectionChoices, dashboard, consistent }: DashboardPageModel): DashboardPage {
  const context = { values, errors };
  return {
    template: 'dashboard/dashboard.njk',
    title: 'Dashboard',
    current: '/dashboard',
    errors,
    consistent,
    todayText: dayText(today),
    filters: { action: '/dashboard', submit: 'Apply filters', fields: [inspectionField(context, inspectionChoices), serviceField(context), findingTypeField(context)] },
    columns: dashboard && counts(dashboard, values),
  };
}

function counts(dashboard: Dashboard, values: FormValues): [Table[], Table[]] {
  const { findings } = dashboard;
  const register = (extra: Record<string, string>) => pageHref('/register', { inspectionId: values.inspectionId ?? '', service: values.service ?? '', findingType: values.findingType ?? '', ...extra }, 1);
  const count = (n: number, href: string | null): Inline => (href && n > 0 ? link(href, String(n)) : n);
  return [
    [
      table('Findings at a glance', ['What', 'Findings'], [
        ['All findings', count(findings.total, register({}))],
        ['Open', count(findings.open, null)],
        ['Overdue', count(findings.overdue, register({ overdue: 'true' }))],
        ['Blocked: waiting on a dependency', count(findings.blocked, register({ blocked: 'true' }))],
        ['Target date change awaiting a decision', count(findings.pendingTargetDateChanges, null)],
      ]),
      table('Findings by RAG', ['RAG', 'Findings'], [
        [ragTag('red'), count(findings.rag.red, null)],
        [ragTag('amber'), count(findings.rag.amber, null)],
        [ragTag('green'), count(findings.rag.green, null)],
        [ragTag(null), count(findings.rag.none, null)],
      ]),
      table('Scrutiny challenges', ['Challenges', 'Number'], [
        ['Open', count(dashboard.challenges.open, pageHref('/challenges', { inspectionId: values.inspectionId ?? '' }, 1))],
        ['Answer overdue', count(dashboard.challenges.answerOverdue, pageHref('/challenges', { inspectionId: values.inspectionId ?? '', answerOverdue: 'true' }, 1))],
      ]),
    ],
    [
      table(
        'Findings by status',
        ['Status', 'Findings'],
        RECOMMENDATION_STATUSES.map((status) => [statusTag(status), count(findings.byStatus[status], register({ status }))]),
      ),
      table(
        'Statutory responses',
        ['State', 'Responses'],
        STATUTORY_STATES.map((state) => [statutoryTag(state), count(dashboard.statutoryResponses[state], pageHref('/statutory-responses', { state, service: values.service ?? '', inspectionId: values.inspectionId ?? '' }, 1))]),
      ),
    ],
  ];
}

function table(caption: string, headings: [string, string], rows: readonly [Inline, Inline][]): Table {
  return { caption, label: caption, captionSize: 'm', rowHeaders: true, columns: [{ text: headings[0] }, { text: headings[1], numeric: true }], rows };
}
