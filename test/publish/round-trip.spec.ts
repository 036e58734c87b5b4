import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PassThrough } from 'node:stream';
import { createEventStore, eventStoreConfigFromEnv } from '@ledger/event-store';
import { ledgerEventStore } from '@ledger/integrity';
import { readStreamFully } from '@ledger/application/pipeline/stored-event';
import { COMMANDS } from '../../apps/cli/src/commands';
import { runCli } from '../../apps/cli/src/run-cli';
import { readResponseDocument, type ResponseDocument } from '../../apps/api/src/publishing/response-document';

const repoRoot = path.resolve(__dirname, '..', '..');
const SAMPLE = path.join(repoRoot, '..', 'shared', 'samples', 'cumbria-rasso-national-operating-model-2024.txt');
const FIRE = path.join(repoRoot, 'test', 'fixtures', 'pages', 'fire-cause-of-concern.txt');

/** `ledger ...` in this process, exactly as the command line runs it, against one data folder. */
async function ledger(dataDir: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  stdout.on('data', (chunk: Buffer) => out.push(chunk));
  stderr.on('data', (chunk: Buffer) => err.push(chunk));
  const env = { LEDGER_DATA_DIR: dataDir, LEDGER_OPERATOR_NAME: 'Office importer', LEDGER_OPERATOR_ROLE: 'office' };
  const code = await runCli(args, { env, stdout, stderr }, COMMANDS);
  return { code, stdout: Buffer.concat(out).toString(), stderr: Buffer.concat(err).toString() };
}

async function importPage(dataDir: string, file: string, extra: string[]): Promise<string> {
  const result = await ledger(dataDir, ['import-page', file, '--json', ...extra]);
  if (result.code !== 0) throw new Error(`import-page ${file} exited ${result.code}: ${result.stderr}${result.stdout}`);
  return (JSON.parse(result.stdout) as { inspectionId: string }).inspectionId;
}

async function documentIn(dataDir: string, inspectionId: string): Promise<ResponseDocument> {
  const raw = await createEventStore(eventStoreConfigFromEnv({ LEDGER_DATA_DIR: dataDir }));
  try {
    const store = ledgerEventStore(raw);
    const document = await readResponseDocument((streamId) => readStreamFully(store.readStream(streamId)), inspectionId);
    if (document === null) throw new Error(`no inspection ${inspectionId} in ${dataDir}`);
    return document;
  } finally {
    await raw.close();
  }
}

/** What the page carries: everything but where in the log it was read from. */
function published(document: ResponseDocument) {
  const { position: _position, ...rest } = document;
  return {
    ...rest,
    inspection: { ...rest.inspection, keyFindingsHtml: rest.inspection.keyFindingsHtml.replace(/>\s+</g, '><') },
  };
}

describe('publish, then import-page into a fresh ledger: the same findings, responses and dates', () => {
  let tmp: string;

  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-publish-'));
  });

  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  async function roundTrip(page: string, importArgs: string[]) {
    const source = path.join(tmp, 'source');
    const inspectionId = await importPage(source, page, importArgs);
    const out = path.join(tmp, 'published');
    const publish = await ledger(source, ['publish', 'response', inspectionId, '--out', out]);
    expect(publish).toMatchObject({ code: 0, stderr: "" });
    const html = path.join(out, `statutory-response-${inspectionId}.html`);
    const text = path.join(out, `statutory-response-${inspectionId}.txt`);
    expect(publish.stdout).toContain(html);

    const fromHtml = await importPage(path.join(tmp, 'from-html'), html, importArgs.filter((a, i, all) => a === '--page-url' || all[i - 1] === '--page-url'));
    const fromText = await importPage(path.join(tmp, 'from-text'), text, importArgs.filter((a, i, all) => a === '--page-url' || all[i - 1] === '--page-url'));
    expect(fromHtml).toBe(inspectionId);
    expect(fromText).toBe(inspectionId);
    return {
      original: await documentIn(source, inspectionId),
      html: await documentIn(path.join(tmp, 'from-html'), inspectionId),
      text: await documentIn(path.join(tmp, 'from-text'), inspectionId),
      htmlPage: fs.readFileSync(html, 'utf8'),
    };
  }

  it('on the Cumbria sample (police, statutory response)', async () => {
    const { original, html, text, htmlPage } = await roundTrip(SAMPLE, ['--response-date', '2024-10-10', '--page-url', 'https://example.org/response']);
    // What the comparison rests on is really there: five recommendations, both voices, commitments with dates.
    expect(original.findings.map((f) => f.reference)).toEqual(['REC 03', 'REC 05', 'REC 07', 'REC 09', 'REC 11']);
    expect(original.chiefOfficerComments).toContain('The Chief Constable stated, I welcome');
    expect(original.publishedOn).toBe('2024-10-10');
    expect(original.findings.find((f) => f.reference === 'REC 07')?.decision).toMatchObject({ kind: 'accepted', plannedCompletionDate: '2024-11-10' });
    expect(htmlPage).toContain('Decisions and commitments recorded in the ledger');

    expect(published(html)).toEqual(published(original));
    expect(published(text)).toEqual(published(original));
  }, 120_000);

  it('on a fire inspection (action plan, a cause of concern and areas for improvement)', async () => {
    const { original, html, text } = await roundTrip(FIRE, ['--response-date', '2024-12-01']);
    expect(original.inspection.service).toBe('fire');
    expect(original.findings.map((f) => f.reference)).toEqual(['Cause of concern 1', 'REC 1', 'AFI 1', 'AFI 2']);
    expect(original.findings[0].subItems).toHaveLength(2);
    expect(original.publishedOn).toBe('2024-12-01');
    expect(original.findings.find((f) => f.reference === 'REC 1')?.decision).toMatchObject({ kind: 'accepted', plannedCompletionDate: '2025-01-31' });

    expect(published(html)).toEqual(published(original));
    expect(published(text)).toEqual(published(original));
  }, 120_000);
});
