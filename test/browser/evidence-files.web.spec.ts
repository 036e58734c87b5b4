import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { removeDataDir, startLedger, temporaryDataDir, type LedgerUnderTest } from '../e2e/support/ledger-under-test';
import { HtmlPage } from './html-reading';
import { apiCommand, eventsSince, FormBrowser, hiddenFields, readModelsCaughtUp, registerSample } from './recording-support';

/** Posts the upload form as a browser does: multipart, with this browser's cookie and the form's token. */
async function upload(ledger: LedgerUnderTest, browser: FormBrowser, recommendationId: string, file: { name: string; content: Buffer }, title = 'Case file review') {
  const action = `/recommendations/${recommendationId}/evidence-file`;
  const page = await browser.get(action);
  // A fresh browser: the form's page set its token's cookie.
  const cookie = ([] as string[]).concat(page.headers['set-cookie'] ?? [])[0].split(';')[0];
  const sent = request(ledger.url).post(action).set('Origin', ledger.url).set('Cookie', cookie);
  for (const [name, value] of Object.entries({ ...hiddenFields(page.text, action), title, classification: 'OFFICIAL-SENSITIVE' })) sent.field(name, value);
  sent.attach('evidenceFile', file.content, file.name);
  return sent;
}

describe('evidence files over HTTP', () => {
  let ledger: LedgerUnderTest;
  let recommendationId: string;

  afterEach(async () => {
    await ledger?.stop();
    if (ledger) removeDataDir(ledger.dataDir);
  });

  async function start(env: Record<string, string>): Promise<void> {
    ledger = await startLedger(undefined, env);
    const { findingIds } = await registerSample(ledger);
    recommendationId = findingIds[0];
    await apiCommand(ledger, `/api/recommendations/${recommendationId}/accept`, { commitment: 'Train every detective.', plannedCompletionDate: '2026-01-31' });
    await readModelsCaughtUp(ledger);
  }

  it('where the office keeps only names and hashes, records the hash of the upload and keeps no file', async () => {
    await start({ LEDGER_EVIDENCE_FILES: 'hash-only' });
    const content = Buffer.from('Minutes of the performance board, March 2025\n');
    const before = (await eventsSince(ledger, 0)).length;
    const answer = await upload(ledger, new FormBrowser(ledger.url), recommendationId, { name: 'C:\\Board\\minutes.txt', content });
    expect(answer.status).toBe(303);
    const [event] = await eventsSince(ledger, before);
    const sha256 = createHash('sha256').update(content).digest('hex');
    expect(event.type).toBe('RecommendationEvidenceSubmitted');
    expect(event.data).toMatchObject({ sha256, reference: 'minutes.txt', title: 'Case file review', classification: 'OFFICIAL-SENSITIVE' });
    expect(fs.existsSync(path.join(ledger.dataDir, 'evidence'))).toBe(false);
    await readModelsCaughtUp(ledger);
    const page = await ledger.http().get(`/evidence/${sha256}`).expect(200);
    expect(page.text).toContain('Only the document’s name and SHA-256 were recorded');
    // Both times of the entry: when it was submitted and when the ledger recorded it.
    expect(new HtmlPage(page.text).summary()).toMatchObject({ Submitted: expect.stringMatching(/^\d{1,2} \w+ \d{4}, \d\d:\d\d$/), Recorded: expect.stringMatching(/^\d{1,2} \w+ \d{4}, \d\d:\d\d$/) });
    expect((await ledger.http().get(`/recommendations/${recommendationId}`).expect(200)).text).toMatch(/; submitted \d{1,2} \w+ \d{4}, \d\d:\d\d, recorded \d{1,2} \w+ \d{4}, \d\d:\d\d\)/);
    expect((await ledger.http().get(`/evidence/${sha256}/file`)).status).toBe(404);
  });

  it('refuses a file over the size limit, and records nothing', async () => {
    await start({});
    const before = (await eventsSince(ledger, 0)).length;
    const answer = await upload(ledger, new FormBrowser(ledger.url), recommendationId, { name: 'huge.bin', content: Buffer.alloc(20_000_001, 1) });
    expect(answer.status).toBe(413);
    expect(answer.text).toContain('too large');
    expect(await eventsSince(ledger, before)).toEqual([]);
  });

  it('refuses a form not sent from its own page, and records nothing', async () => {
    await start({});
    const before = (await eventsSince(ledger, 0)).length;
    const answer = await request(ledger.url)
      .post(`/recommendations/${recommendationId}/evidence-file`)
      .field('title', 'Forged')
      .field('classification', 'OFFICIAL')
      .attach('evidenceFile', Buffer.from('x'), 'x.txt');
    expect(answer.status).toBe(403);
    expect(await eventsSince(ledger, before)).toEqual([]);
  });

  it('will not start with an evidence setting it does not know', async () => {
    const dataDir = temporaryDataDir();
    await expect(startLedger(dataDir, { LEDGER_EVIDENCE_FILES: 'sometimes' })).rejects.toThrow('LEDGER_EVIDENCE_FILES must be keep or hash-only, not "sometimes"');
    removeDataDir(dataDir);
    ledger = undefined as unknown as LedgerUnderTest;
  });
});
