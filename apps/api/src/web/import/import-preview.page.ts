import type { PageImportPlan } from '@ledger/application/import-page';
import type { Actor } from '@ledger/domain';
import type { ParsedResponse } from '@ledger/page-import';
import { lines, row, small, tag, type Inline, type SummaryRows, type Table } from '../components/inline';
import { CSRF_FIELD } from '../layout/csrf';
import type { FormError } from '../layout/error-summary';
import { renderPage } from '../layout/render';
import { sanitised } from '../layout/sanitised';
import { day, dayText } from '../reading/format';
import { FINDING_TYPE } from '../reading/words';
import { correctionFields, type FormValues } from './import-corrections';
import { encodePage, type PageToImport } from './import-form';
import { planWords } from './plan-words';

export interface PreviewOptions {
  plan: PageImportPlan;
  toImport: PageToImport;
  actor: Actor;
  csrfToken: string;
  /** The inspection's page when the ledger already holds it (the page was imported before, or registered by hand). */
  alreadyRecorded: string | null;
  /** The correction boxes as sent, and what is wrong with them, when the preview is shown again. */
  values?: FormValues;
  errors?: readonly FormError[];
}

/** Everything the import will record, as it will be recorded, with a button to record it. */
export function importPreviewPage({ plan, toImport, actor, csrfToken, alreadyRecorded, values = {}, errors = [] }: PreviewOptions): string {
  const recordable = plan.blockers.length === 0;
  const { inspection: found, findings: parsedFindings } = plan.parsed;
  const { commissionerComments, chiefOfficerStatement } = plan.parsed.page;
  const title = recordable ? 'Check what will be recorded' : 'This page cannot be recorded';
  const details: SummaryRows = [
    row('Title', found.title ?? 'Not found on the page'),
    row('Published', day(found.publishedOn, 'Not found on the page')),
    row('Type', found.type ?? 'Not stated'),
    row('Service', found.service === 'police' ? 'Police' : 'Fire and rescue'),
    row('Statutory response due', day(found.statutoryDeadline, found.service === 'fire' ? 'No statutory deadline: answered with an action plan' : 'Unknown without a publication date')),
    row('Findings', String(parsedFindings.length)),
  ];
  const findings: Table | null =
    plan.findings.length === 0
      ? null
      : {
          caption: `Findings (${plan.findings.length})`,
          label: `Findings (${plan.findings.length})`,
          captionSize: 'm',
          id: 'findings',
          rowHeaders: true,
          columns: [{ text: 'Reference', nowrap: true }, { text: 'Type' }, { text: 'Inspectorate due date' }, { text: 'Finding', width: 'one-half' }],
          rows: plan.findings.map(({ reference, parsed }) => [
            reference,
            FINDING_TYPE[parsed.findingType],
            parsed.immediate ? tag('With immediate effect', 'red') : day(parsed.dueDate, 'None given'),
            lines(parsed.text, parsed.subItems.length > 0 && { list: parsed.subItems }),
          ]),
        };
  const unanswered = plan.findings.filter((f) => f.parsed.findingType !== 'area-for-improvement' && plan.parsed.unaddressed.includes(f.parsed.number)).map((f) => f.reference);
  return renderPage('import/import-preview.njk', {
    title,
    section: 'import',
    hasErrors: !recordable || errors.length > 0,
    errors,
    corrections: recordable ? correctionFields(plan, values, errors) : [],
    recordable,
    alreadyRecorded,
    source: toImport.source,
    blockers: plan.blockers,
    details,
    keyFindingsHtml: plan.parsed.page.keyFindingsHtml ? sanitised(plan.parsed.page.keyFindingsHtml) : '',
    findings,
    statements: [
      { title: "The commissioner's comments, in full", paragraphs: paragraphsOf(commissionerComments) },
      { title: "The chief officer's statement, in full", paragraphs: paragraphsOf(chiefOfficerStatement) },
    ].filter((statement) => statement.paragraphs.length > 0),
    hasResponse: plan.responses.length > 0 || commissionerComments !== null || chiefOfficerStatement !== null,
    responses: plan.responses.map(({ parsed, answers }) => ({ answers: answers.map((a) => a.reference).join(', '), commitment: parsed.commitment, text: parsed.text, date: commitmentDate(parsed) })),
    unanswered: unanswered.length === 0 ? null : `The response does not answer ${unanswered.join(', ')}. ${unanswered.length === 1 ? 'It' : 'They'} will be recorded as issued, with no decision, for the office to follow up.`,
    warnings: plan.warnings.map(planWords),
    steps: plan.steps.map((step) => planWords(step.summary)),
    actor: `${actor.name} (${actor.role}, ${actor.organisation})`,
    confirm: [
      { name: CSRF_FIELD, value: csrfToken },
      { name: 'page', value: encodePage(toImport.page) },
      { name: 'source', value: toImport.source },
      { name: 'responseDate', value: toImport.responseDate ?? '' },
    ],
  });
}

function paragraphsOf(text: string | null): string[] {
  return text === null ? [] : text.split(/\n\s*\n/);
}

function commitmentDate(response: ParsedResponse): Inline {
  if (response.ambiguousDate) return lines(tag('Ambiguous', 'orange'), small('No planned date will be recorded: set it by hand.'));
  if (response.commitmentDate === null) return small('None stated');
  return lines(small(dayText(response.commitmentDate)), response.dateIsDerived && tag('Derived: check it', 'yellow'));
}
