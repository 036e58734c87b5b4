import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { createKeyPair } from '@ledger/integrity';
import { ledgerProcess } from '../integrity/support/run-ledger';
import { post } from '../e2e/support/http';
import { readSamplePage } from '../e2e/support/sample-page';
import { CHIEF_CONSTABLE, rec03Commitment, registration } from '../e2e/support/sample-requests';
import { accessibleAtEachWidth } from './axe';
import { browserSession, throwawayLedger } from './browser-session';

describe('signed exports in the web pages', () => {
  const session = browserSession(throwawayLedger, { timeout: 15_000 });
  let inspectionId: string;
  let downloads: string;

  beforeAll(async () => {
    // Recorded through the API, so that every event carries its hash: what an export proves.
    const { ledger, browser } = session;
    createKeyPair(path.join(ledger.dataDir, 'keys'));
    const page = readSamplePage();
    const registered = await post(ledger, '/api/inspections', registration(page)).expect(201);
    inspectionId = registered.body.inspectionId;
    const [rec03] = registered.body.findingIds as string[];
    const accepted = await post(ledger, `/api/recommendations/${rec03}/accept`, { commitment: rec03Commitment(page), plannedCompletionDate: '2025-01-31', onBehalfOf: CHIEF_CONSTABLE }).expect(200);
    await ledger.http().get(`/api/read/register?inspectionId=${inspectionId}&atLeast=${accepted.body.position}`).expect(200);
    // The HMICFRS liaison, chosen as the development person to act as.
    await browser.context.addCookies([{ name: 'ledger_acting_as', value: 'hmicfrs-liaison', url: ledger.url }]);
  }, 30_000);

  beforeEach(() => {
    downloads = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-downloads-'));
  });

  afterEach(() => {
    fs.rmSync(downloads, { recursive: true, force: true });
  });

  async function download(name: RegExp): Promise<string> {
    const [file] = await Promise.all([session.page.waitForEvent('download'), session.page.getByRole('link', { name }).click()]);
    const saved = path.join(downloads, file.suggestedFilename());
    await file.saveAs(saved);
    return saved;
  }

  it('lets the liaison choose a format and filters, download the export, its manifest and the key, and `ledger verify-export` accepts them', async () => {
    await session.page.goto(`${session.ledger.url}/exports`);
    expect(await session.page.locator('#acting-as').innerText()).toContain('HMICFRS');
    await accessibleAtEachWidth(session.page);

    await session.page.getByLabel('Canonical JSON lines (.jsonl)').check();
    await session.page.getByLabel('Inspection').selectOption(inspectionId);
    const from = session.page.getByRole('group', { name: 'Recorded from (optional)' });
    await from.getByLabel('Day').fill('1');
    await from.getByLabel('Month').fill('9');
    await from.getByLabel('Year').fill('2024');
    await Promise.all([session.page.waitForURL(/\/exports\/[0-9a-f-]{36}$/), session.page.getByRole('button', { name: 'Make the signed export' }).click()]);
    expect(await session.page.locator('h1').innerText()).toBe('Your signed export is ready');
    expect(await session.page.locator('.govuk-summary-list').innerText()).toContain(`inspection ${inspectionId}`);
    expect(await session.page.locator('#check-offline + p + pre').innerText()).toMatch(/^ledger verify-export pfcc-ledger-.+\.jsonl\.manifest\.json --public-key office-ed25519\.pub\.pem$/);
    await accessibleAtEachWidth(session.page);

    const file = await download(/Download the export/);
    const manifest = await download(/signed manifest/);
    const key = await download(/public key/);
    expect(path.basename(manifest)).toBe(`${path.basename(file)}.manifest.json`);
    expect(fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).length).toBeGreaterThan(3);

    const accepted = ledgerProcess(['verify-export', manifest, '--public-key', key], {});
    expect(accepted).toMatchObject({ code: 0 });

    // The same check refuses the export once a byte of it has changed.
    const text = fs.readFileSync(file, 'utf8');
    fs.writeFileSync(file, text.replace('word-on-word', 'word-for-word'));
    expect(ledgerProcess(['verify-export', manifest, '--public-key', key], {}).code).not.toBe(0);
  }, 120_000);

  it('names what to fix, and exports nothing, when the format is missing or a date is given in part', async () => {
    const folder = path.join(session.ledger.dataDir, 'exports');
    const before = fs.existsSync(folder) ? fs.readdirSync(folder).length : 0;
    await session.page.goto(`${session.ledger.url}/exports`);
    const to = session.page.getByRole('group', { name: 'Recorded up to (optional)' });
    await to.getByLabel('Day').fill('31');
    await to.getByLabel('Month').fill('1');
    await Promise.all([session.page.waitForEvent('load'), session.page.getByRole('button', { name: 'Make the signed export' }).click()]);
    expect(await session.page.title()).toBe('Error: Download a signed export – PFCC accountability ledger');
    expect(await session.page.locator('.govuk-error-summary__list a').allInnerTexts()).toEqual(['Select the format of the export', 'Recorded up to must include a year']);
    expect(await session.page.locator('.govuk-error-summary__list a').nth(1).getAttribute('href')).toBe('#to-year');
    await accessibleAtEachWidth(session.page);

    await session.page.getByLabel('CSV (.csv)').check();
    await to.getByLabel('Year').fill('2025');
    await to.getByLabel('Day').fill('31');
    await to.getByLabel('Month').fill('2');
    await Promise.all([session.page.waitForEvent('load'), session.page.getByRole('button', { name: 'Make the signed export' }).click()]);
    expect(await session.page.locator('.govuk-error-summary__list a').allInnerTexts()).toEqual(['Recorded up to must be a real date']);
    expect(fs.existsSync(folder) ? fs.readdirSync(folder).length : 0).toBe(before);
  });

  it('is refused to a force action owner, who has none of the exporting roles', async () => {
    const refused = await request(session.ledger.url).get('/exports').set('Cookie', 'ledger_acting_as=force-action-owner');
    expect(refused.status).toBe(403);
    expect(refused.text).toContain('export is allowed to the roles office, commissioner, hmicfrs-liaison, admin');
  });
});
