import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { EMBEDDED_EVENTS_FILE, SqliteEventStore, type RecordedEvent } from '@ledger/event-store';
import { parsePublishedPage, toDryRunJson } from '@ledger/page-import';

const repoRoot = path.resolve(__dirname, '..', '..');
const samplePage = path.join(repoRoot, '..', 'shared', 'samples', 'cumbria-rasso-national-operating-model-2024.txt');
const run = promisify(execFile);
/** For a test that runs the command line several times, each compiling its sources: slow on a busy machine. */
const CLI_RUNS_TIMEOUT_MS = 120_000;

interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** `ledger import-page ...` in its own process, as an operator would run it. */
async function ledger(args: string[], env: Record<string, string>): Promise<CliResult> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['-r', './test/support/register-ts.js', 'apps/cli/src/main.ts', 'import-page', ...args], {
      cwd: repoRoot,
      env: { PATH: process.env.PATH ?? '', ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

async function readLog(dataDir: string): Promise<{ head: bigint | null; events: RecordedEvent[] }> {
  const store = SqliteEventStore.open(path.join(dataDir, EMBEDDED_EVENTS_FILE));
  try {
    const events: RecordedEvent[] = [];
    for await (const event of store.readAll()) events.push(event);
    return { head: await store.headPosition(), events };
  } finally {
    await store.close();
  }
}

describe('ledger import-page', () => {
  let tmp: string;
  let dataDir: string;

  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-'));
    dataDir = path.join(tmp, 'data');
  });

  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('--dry-run --json carries what the parser found, every step and every warning the text shows, and writes nothing, not even the store', async () => {
    const result = await ledger([samplePage, '--dry-run', '--json', '--response-date', '2024-10-10'], { LEDGER_DATA_DIR: dataDir });
    const text = await ledger([samplePage, '--dry-run', '--response-date', '2024-10-10'], { LEDGER_DATA_DIR: dataDir });

    expect(result).toMatchObject({ code: 0, stderr: '' });
    const json = JSON.parse(result.stdout) as Record<string, unknown> & { steps: { command: string; summary: string; occurredAt: string | null }[]; warnings: string[] };
    expect(Object.keys(json)).toEqual(['inspection', 'findings', 'responses', 'unaddressed', 'responseDate', 'steps', 'blockers', 'warnings']);
    const parsed = toDryRunJson(parsePublishedPage(fs.readFileSync(samplePage, 'utf8'), { responseDate: '2024-10-10' }));
    expect({ inspection: json.inspection, findings: json.findings, responses: json.responses, unaddressed: json.unaddressed }).toEqual({ ...parsed, warnings: undefined });
    expect(json.responseDate).toEqual({ date: '2024-10-10', basis: 'given' });
    expect(json.steps.map((s) => s.command)).toEqual(['RegisterInspection', 'RecordCommissionerComments', 'RecordChiefOfficerComments', ...Array(5).fill('AcceptRecommendation'), 'PublishStatutoryResponse']);
    for (const step of json.steps) expect(text.stdout).toContain(step.summary);
    for (const warning of json.warnings) expect(text.stdout).toContain(`  - ${warning}`);
    const shownWarnings = text.stdout.split('Warnings:\n')[1].split('\n').filter((line) => line.startsWith('  - '));
    expect(shownWarnings).toHaveLength(json.warnings.length);
    expect(json.warnings).toEqual(expect.arrayContaining(parsed.warnings));
    expect(fs.existsSync(dataDir)).toBe(false);
  }, CLI_RUNS_TIMEOUT_MS);

  it('--dry-run alone describes what would be recorded, warnings included', async () => {
    const result = await ledger([samplePage, '--dry-run'], { LEDGER_DATA_DIR: dataDir });

    expect(result.code).toBe(0);
    expect(result.stdout).toContain('nothing was written');
    expect(result.stdout).toContain('REC 07: recommendation, due 2025-01-31, 2 sub-items');
    expect(result.stdout).toContain('Accept REC 03 on behalf of the Chief Constable on 2024-10-16, planned completion 2025-01-31.');
    expect(result.stdout).toContain('Warnings:\n  - REC 07: "within one month" was counted from the statutory deadline');
    expect(fs.existsSync(dataDir)).toBe(false);
  });

  it('records the sample attributed to the operator with source import, and a second import records nothing new', async () => {
    const operator = { LEDGER_OPERATOR_ID: 'jdoe', LEDGER_OPERATOR_NAME: 'Jo Doe', LEDGER_OPERATOR_ROLE: 'office', LEDGER_OPERATOR_ORG: 'Cumbria OPFCC' };
    const first = await ledger([samplePage, '--response-date', '2024-10-10'], { LEDGER_DATA_DIR: dataDir, ...operator });

    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^Imported .* as inspection [0-9a-f-]{36}: 9 of 9 steps recorded\./);
    const recorded = await readLog(dataDir);
    // The findings' issue and the response's opening follow from the registration: the application's own follow-ups;
    // the reservation of its title and date comes before it, so that it cannot be registered twice.
    const followUps = new Set(['InspectionKeyReserved', 'FindingIssued', 'StatutoryResponseOpened']);
    expect(recorded.events.filter((e) => !followUps.has(e.type)).map((e) => e.type)).toEqual([
      'InspectionRegistered',
      'CommissionerCommentsRecorded',
      'ChiefOfficerCommentsRecorded',
      'RecommendationAccepted',
      'RecommendationTargetDateSet',
      'RecommendationAccepted',
      'RecommendationAccepted',
      'RecommendationTargetDateSet',
      'RecommendationAccepted',
      'RecommendationTargetDateSet',
      'RecommendationAccepted',
      'StatutoryResponsePublished',
    ]);
    for (const event of recorded.events) {
      expect(event.metadata).toMatchObject({ actor: { id: 'jdoe', name: 'Jo Doe', role: 'office', organisation: 'Cumbria OPFCC' }, source: 'import' });
    }
    const accepted = recorded.events.find((e) => e.type === 'RecommendationAccepted');
    expect(accepted?.metadata['onBehalfOf']).toEqual({ name: 'Chief Constable', role: 'Chief Constable', organisation: 'Cumbria Constabulary' });
    expect(accepted?.metadata['occurredAt']).toBe('2024-10-10');
    expect(accepted?.data).toMatchObject({ plannedCompletionDate: '2025-01-31' });
    expect(String(accepted?.data['commitment'])).toContain("trained in 'RASSO Investigative Skills Development Programme' (RSDPIP) by the end of January 2025.");
    expect(recorded.events.filter((e) => e.type === 'FindingIssued')).toHaveLength(5);

    const second = await ledger([samplePage, '--response-date', '2024-10-10'], { LEDGER_DATA_DIR: dataDir, ...operator });

    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/was already imported as inspection [0-9a-f-]{36}: nothing new was recorded\./);
    expect(second.stdout).not.toContain('with other dates');
    expect((await readLog(dataDir)).head).toBe(recorded.head);
  }, CLI_RUNS_TIMEOUT_MS);

  it('imported again with another response date, does not claim the new dates: it shows the recorded ones and the correction to record', async () => {
    expect((await ledger([samplePage], { LEDGER_DATA_DIR: dataDir })).code).toBe(0);
    const head = (await readLog(dataDir)).head;

    const again = await ledger([samplePage, '--response-date', '2024-10-10'], { LEDGER_DATA_DIR: dataDir });

    expect(again.code).toBe(1);
    expect(again.stdout).not.toMatch(/\[already recorded\] Record the commissioner's comments .* made on 2024-10-10/);
    expect(again.stdout).toContain("[already recorded, with other dates: nothing was changed] Record the commissioner's comments (4 paragraphs), made on 2024-10-10.");
    expect(again.stdout).toContain('      madeOn: the ledger holds 2024-10-16; this import says 2024-10-10');
    expect(again.stdout).toContain('      occurredAt: the ledger holds 2024-10-16; this import says 2024-10-10');
    expect(again.stdout).toMatch(/To correct it: Record a date correction \(CorrectEntryDate\) of event [0-9a-f-]{36} to 2024-10-10: occurredAt was recorded as 2024-10-16; it is 2024-10-10/);
    expect(again.stdout).toMatch(/POST \/api\/recommendations\/[0-9a-f-]{36}\/date-corrections \{"correctsEventId":"[0-9a-f-]{36}","correctOccurredAt":"2024-10-10"/);
    expect(again.stdout).toMatch(/To correct it: Record a date correction \(CorrectStatutoryDate\) of the commissionerComments step: madeOn was recorded as 2024-10-16; it is 2024-10-10/);
    expect(again.stdout).toMatch(/POST \/api\/statutory-responses\/[0-9a-f-]{36}\/date-corrections \{"step":"commissionerComments","correctDate":"2024-10-10"/);
    expect(again.stdout).toContain("[REFUSED] Record the statutory response as published on 2024-10-10, on time (due by 2024-10-16): this page.");
    expect(again.stdout).toContain("refused by DateOutOfOrder: publishedOn (2024-10-10) may not be before the commissioner's comments it publishes (2024-10-16)");
    expect((await readLog(dataDir)).head).toBe(head);
  }, CLI_RUNS_TIMEOUT_MS);

  it('with --json reports each step of the import', async () => {
    const result = await ledger([samplePage, '--json'], { LEDGER_DATA_DIR: dataDir });

    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as { recordedAnything: boolean; steps: { command: string; status: string }[]; warnings: string[] };
    expect(report.recordedAnything).toBe(true);
    expect(report.steps.map((s) => s.status)).toEqual(Array(8).fill('recorded'));
    expect(report.warnings).toContain('The page is the published statutory response, but it does not say when it was published: give the response date to record its publication (and whether it was on time).');
    expect(report.steps[0].command).toBe('RegisterInspection');
    expect(report.warnings).toContain('REC 09: "within the required timescales" was taken as the inspectorate\'s due date, 2025-01-31.');
  });

  it('refuses a response date that is not a real date, before opening the store', async () => {
    const result = await ledger([samplePage, '--response-date', '2024-02-30'], { LEDGER_DATA_DIR: dataDir });

    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--response-date: The response date "2024-02-30" is not a real date written YYYY-MM-DD.');
    expect(fs.existsSync(dataDir)).toBe(false);
  });

  it('refuses a page address that is not a web address, before opening the store', async () => {
    const result = await ledger([samplePage, '--response-date', '2024-10-10', '--page-url', 'response.docx'], { LEDGER_DATA_DIR: dataDir });

    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--page-url: "response.docx" is not an http or https address');
    expect(fs.existsSync(dataDir)).toBe(false);
  });

  it('says why a page cannot be recorded, and writes nothing', async () => {
    const page = path.join(tmp, 'not-a-page.txt');
    fs.writeFileSync(page, 'Minutes of the scrutiny panel, with no inspection in them.\n');

    const result = await ledger([page], { LEDGER_DATA_DIR: dataDir });

    expect(result.code).toBe(1);
    expect(result.stderr).toContain('The page cannot be recorded; nothing was written:');
    expect(result.stderr).toContain('The page gives no inspection title');
    expect(fs.existsSync(dataDir)).toBe(false);
  });
});
