import * as fs from 'node:fs';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { LedgerApplicationModule } from '@ledger/application';
import { PageImportModule, PageImportRecorder, PageNotRecordableError, planPageImport, responseDateProblem, type CorrectionAdvice, type PageImportOutcome, type PageImportPlan } from '@ledger/application/import-page';
import { londonDate } from '@ledger/domain';
import { openLedgerEventStore } from '@ledger/integrity';
import { toDryRunJson } from '@ledger/page-import';
import { CliUsageError, type CliCommand } from '../cli-command';
import { operatorFromEnv } from '../operator-identity';

export const importPageCommand: CliCommand = {
  name: 'import-page',
  summary: 'Read a published inspection and response page and record it, attributed and verbatim',
  usage: [
    'FILE [--dry-run] [--json] [--response-date YYYY-MM-DD] [--page-url URL]',
    '',
    '  FILE                      the page, as HTML or plain text',
    '  --dry-run                 show what would be recorded; write nothing',
    '  --json                    print JSON: with --dry-run what the parser found and every step and warning,',
    '                            otherwise what was recorded',
    '  --response-date DATE      when the response was made and published, if the page does not say: the comments,',
    '                            acceptances and commitments happened on it, the page is recorded as published on it,',
    '                            and relative commitments ("within one month") count from it',
    '  --page-url URL            where the page is published, recorded with its publication',
    'Commands are recorded with source `import`, attributed to LEDGER_OPERATOR_ID, _NAME, _ROLE and _ORG.',
    'Importing a page again records nothing new; dates that differ from what is recorded are shown, with the',
    'correction to record. Exits 1 if the page cannot be recorded, a step was refused or recorded dates differ.',
  ].join('\n'),
  options: { 'dry-run': { type: 'boolean' }, json: { type: 'boolean' }, 'response-date': { type: 'string' }, 'page-url': { type: 'string' } },
  async run({ values, positionals, env, stdout, stderr }) {
    if (positionals.length !== 1) throw new CliUsageError('give exactly one FILE');
    const [file] = positionals;
    if (!fs.existsSync(file)) throw new CliUsageError(`${file} does not exist`);
    const today = londonDate(new Date());
    const responseDate = typeof values['response-date'] === 'string' ? values['response-date'] : undefined;
    const dateProblem = responseDateProblem(responseDate, today);
    if (dateProblem !== undefined) throw new CliUsageError(`--response-date: ${dateProblem}`);
    const pageUrl = typeof values['page-url'] === 'string' ? values['page-url'] : undefined;
    if (pageUrl !== undefined && !/^https?:\/\/\S+$/i.test(pageUrl)) throw new CliUsageError(`--page-url: "${pageUrl}" is not an http or https address`);

    const plan = planPageImport(fs.readFileSync(file, 'utf8'), { today, ...(responseDate ? { responseDate } : {}), ...(pageUrl ? { pageUrl } : {}) });
    if (values['dry-run']) {
      stdout.write(values.json ? `${JSON.stringify(dryRunJson(plan), null, 2)}\n` : describePlan(file, plan));
      if (plan.blockers.length > 0 && values.json) stderr.write(notRecordable(plan));
      return plan.blockers.length > 0 ? 1 : 0;
    }
    if (plan.blockers.length > 0) {
      stderr.write(notRecordable(plan));
      return 1;
    }

    let outcome: PageImportOutcome;
    try {
      outcome = await record(plan, env);
    } catch (error) {
      if (!(error instanceof PageNotRecordableError)) throw error;
      stderr.write(notRecordable({ ...plan, blockers: error.blockers }));
      return 1;
    }
    stdout.write(values.json ? `${JSON.stringify(outcomeJson(plan, outcome), null, 2)}\n` : describeOutcome(file, plan, outcome));
    return outcome.steps.some((s) => s.status === 'refused' || s.status === 'not-attempted' || s.differences !== undefined) ? 1 : 0;
  },
};

/** The application, without HTTP: the same handlers and pipeline the API uses. */
@Module({})
class ImportPageContext {}

async function record(plan: PageImportPlan, env: NodeJS.ProcessEnv): Promise<PageImportOutcome> {
  const eventStore = await openLedgerEventStore(env);
  try {
    const app = await NestFactory.createApplicationContext(
      { module: ImportPageContext, imports: [LedgerApplicationModule.forRoot({ eventStore }), PageImportModule] },
      { logger: ['error'], abortOnError: false },
    );
    try {
      return await app.get(PageImportRecorder).record(plan, { actor: operatorFromEnv(env), source: 'import' });
    } finally {
      await app.close();
    }
  } finally {
    await eventStore.close();
  }
}

function notRecordable(plan: PageImportPlan): string {
  return `The page cannot be recorded; nothing was written:\n${plan.blockers.map((b) => `  - ${b}\n`).join('')}`;
}

function describePlan(file: string, plan: PageImportPlan): string {
  const { inspection } = plan.parsed;
  const lines = [`Dry run of ${file}: nothing was written.`, ''];
  lines.push(
    `Inspection: ${inspection.title ?? '(no title found)'}`,
    `  published ${inspection.publishedOn ?? '(not found)'}, ${inspection.service}, type ${inspection.type ?? '(not stated)'}` +
      (inspection.statutoryDeadline ? `, statutory response due by ${inspection.statutoryDeadline}` : ''),
  );
  lines.push('', `Findings (${plan.parsed.findings.length}):`);
  for (const finding of plan.findings) {
    const { parsed } = finding;
    const due = parsed.immediate ? 'with immediate effect' : parsed.dueDate ? `due ${parsed.dueDate}` : 'no due date';
    const subItems = parsed.subItems.length > 0 ? `, ${parsed.subItems.length} sub-item${parsed.subItems.length === 1 ? '' : 's'}` : '';
    lines.push(`  ${finding.reference}: ${parsed.findingType}, ${due}${subItems}`);
  }
  lines.push(...notAnswered(plan));
  if (plan.blockers.length > 0) {
    lines.push('', 'It cannot be recorded:', ...plan.blockers.map((b) => `  - ${b}`));
  } else {
    lines.push('', 'Would record:', ...plan.steps.map((step, i) => `  ${i + 1}. ${step.summary}`));
  }
  lines.push(...warningLines(plan));
  return `${lines.join('\n')}\n`;
}

const STATUS_WORDS = { recorded: 'recorded', 'already-recorded': 'already recorded', refused: 'REFUSED', 'not-attempted': 'not attempted' } as const;

function describeOutcome(file: string, plan: PageImportPlan, outcome: PageImportOutcome): string {
  const recorded = outcome.steps.filter((s) => s.status === 'recorded').length;
  const lines = [
    outcome.recordedAnything
      ? `Imported ${file} as inspection ${outcome.inspectionId}: ${recorded} of ${outcome.steps.length} steps recorded.`
      : `${file} was already imported as inspection ${outcome.inspectionId}: nothing new was recorded.`,
    '',
  ];
  for (const { step, status, refusal, differences, correction } of outcome.steps) {
    if (differences !== undefined) {
      // Said first, so that the step's summary is never read as what the ledger now holds.
      lines.push(`  [already recorded, with other dates: nothing was changed] ${step.summary}`);
      for (const d of differences) lines.push(`      ${d.field}: the ledger holds ${d.recorded ?? '(none)'}; this import says ${d.imported ?? '(none)'}`);
      if (correction) lines.push(...correctionLines(correction));
      continue;
    }
    lines.push(`  [${STATUS_WORDS[status]}] ${step.summary}`);
    if (refusal) lines.push(`      refused by ${refusal.rule}: ${refusal.message}`);
  }
  lines.push(...notAnswered(plan), ...warningLines(plan));
  return `${lines.join('\n')}\n`;
}

function correctionLines(correction: CorrectionAdvice): string[] {
  const lines = [`      To correct it: ${correction.note}`];
  if (correction.request) lines.push(`        ${correction.request.method} ${correction.request.path} ${JSON.stringify(correction.request.body)}`);
  return lines;
}

function notAnswered(plan: PageImportPlan): string[] {
  if (plan.parsed.unaddressed.length === 0) return [];
  const references = plan.findings
    .filter((f) => f.parsed.findingType !== 'area-for-improvement' && plan.parsed.unaddressed.includes(f.parsed.number))
    .map((f) => f.reference);
  return ['', `Not answered by the response (for the office to follow up): ${references.join(', ')}`];
}

function warningLines(plan: PageImportPlan): string[] {
  return plan.warnings.length === 0 ? [] : ['', 'Warnings:', ...plan.warnings.map((w) => `  - ${w}`)];
}

function outcomeJson(plan: PageImportPlan, outcome: PageImportOutcome) {
  return {
    inspectionId: outcome.inspectionId,
    recordedAnything: outcome.recordedAnything,
    steps: outcome.steps.map(({ step, status, result, refusal, differences, correction }) => ({
      command: step.command.type,
      status,
      summary: step.summary,
      commandId: step.commandId,
      occurredAt: step.occurredAt ?? null,
      streamId: result?.streamId ?? null,
      position: result ? String(result.position) : null,
      refusal: refusal ?? null,
      differences: differences ?? [],
      correction: correction ?? null,
    })),
    unaddressed: plan.parsed.unaddressed,
    warnings: plan.warnings,
  };
}

/** Everything the text dry run shows: what the parser found, the response date, each step, the blockers and every warning. */
function dryRunJson(plan: PageImportPlan) {
  const { inspection, findings, responses, unaddressed } = toDryRunJson(plan.parsed);
  return {
    inspection,
    findings,
    responses,
    unaddressed,
    responseDate: plan.responseDate,
    steps: plan.steps.map((step) => ({
      command: step.command.type,
      summary: step.summary,
      commandId: step.commandId,
      occurredAt: step.occurredAt ?? null,
      onBehalfOf: step.onBehalfOf ?? null,
      data: step.command,
    })),
    blockers: plan.blockers,
    warnings: plan.warnings,
  };
}
