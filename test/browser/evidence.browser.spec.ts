import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { accessibleAtEachWidth } from './axe';
import { browserSession } from './browser-session';
import { startReadingLedger } from './reading-ledger';

describe('evidence files', () => {
  const session = browserSession(startReadingLedger, { timeout: 15_000 });
  let scratch: string;
  /** A finding recorded through the application (so its stream carries the hash chain), accepted: evidence can be submitted. */
  let rec: string;
  let acceptedAt: string;

  beforeAll(async () => {
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-evidence-'));
    rec = session.ledger.hostile.recommendationId;
    const accepted = await session.ledger.http().post(`/api/recommendations/${rec}/accept`).send({ commitment: 'Review every case file by March.', plannedCompletionDate: '2026-03-31' }).expect(200);
    acceptedAt = accepted.body.position;
  });

  afterAll(() => {
    fs.rmSync(scratch, { recursive: true, force: true });
  });

  it('uploads a file, records only its hash and metadata, and gives the same file back with its hash checked; a changed file is flagged', async () => {
    const content = Buffer.from(`Training completion report, January 2025\n212 of 240 detectives trained.\n${'x'.repeat(5000)}\n`);
    const sha256 = createHash('sha256').update(content).digest('hex');
    const upload = path.join(scratch, 'training-report.txt');
    fs.writeFileSync(upload, content);

    await session.page.goto(`${session.ledger.url}/recommendations/${rec}?atLeast=${acceptedAt}`);
    await session.page.getByRole('link', { name: 'Upload an evidence file' }).click();
    await session.page.waitForURL(`${session.ledger.url}/recommendations/${rec}/evidence-file`);
    await accessibleAtEachWidth(session.page);

    // Sent without a file, a title or a classification: each is named, nothing recorded.
    const before = (await session.ledger.http().get(`/api/recommendations/${rec}/history`).expect(200)).body.events.length;
    await Promise.all([session.page.waitForEvent('load'), session.page.getByRole('button', { name: 'Upload and record the evidence' }).click()]);
    expect(await session.page.locator('.govuk-error-summary__list a').allInnerTexts()).toEqual(['Select the document to upload', 'Enter the title of the document', 'Select the security classification of the document']);
    await accessibleAtEachWidth(session.page);
    expect((await session.ledger.http().get(`/api/recommendations/${rec}/history`).expect(200)).body.events.length).toBe(before);

    await session.page.setInputFiles('#evidence-file', upload);
    await session.page.getByLabel('Title').fill('Training completion report');
    await session.page.getByLabel('OFFICIAL', { exact: true }).check();
    await Promise.all([session.page.waitForURL(/\/recommendations\/[^/]+\?atLeast=\d+&recorded=submit-evidence#evidence$/), session.page.getByRole('button', { name: 'Upload and record the evidence' }).click()]);

    // The event holds the hash and the metadata, not the document.
    const events = (await session.ledger.http().get(`/api/recommendations/${rec}/history`).expect(200)).body.events as { type: string; data: Record<string, unknown> }[];
    const submitted = events.at(-1)!;
    expect(submitted.type).toBe('RecommendationEvidenceSubmitted');
    expect(submitted.data).toEqual({ recommendationId: rec, evidenceId: expect.any(String), title: 'Training completion report', reference: 'training-report.txt', sha256, classification: 'OFFICIAL' });

    await session.page.locator('#evidence').locator('xpath=following-sibling::ul[1]').getByRole('link', { name: 'Training completion report' }).click();
    await session.page.waitForURL(`${session.ledger.url}/evidence/${sha256}`);
    expect(await session.page.locator('#evidence-check').innerText()).toContain('has the SHA-256 the ledger recorded');
    await accessibleAtEachWidth(session.page);
    const [download] = await Promise.all([session.page.waitForEvent('download'), session.page.getByRole('link', { name: /Download the document/ }).click()]);
    const saved = path.join(scratch, 'downloaded');
    await download.saveAs(saved);
    expect(createHash('sha256').update(fs.readFileSync(saved)).digest('hex')).toBe(sha256);

    // Someone changes the file kept: the page says so, and the file is no longer handed out.
    const kept = path.join(session.ledger.dataDir, 'evidence', sha256.slice(0, 2), sha256);
    expect(fs.readFileSync(kept)).toEqual(content);
    fs.writeFileSync(kept, Buffer.concat([content, Buffer.from('one more line\n')]));
    const response = await session.page.goto(`${session.ledger.url}/evidence/${sha256}`);
    expect(response?.status()).toBe(409);
    expect(await session.page.locator('#evidence-check').innerText()).toContain('is not the document recorded');
    await accessibleAtEachWidth(session.page);
    expect((await session.ledger.http().get(`/evidence/${sha256}/file`)).status).toBe(409);
  }, 120_000);
});
