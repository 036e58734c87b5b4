import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { PageImportRecorder, planPageImport } from '@ledger/application/import-page';
import { createKeyPair } from '@ledger/integrity';
import { removeDataDir, startLedger, temporaryDataDir, type LedgerUnderTest } from '../e2e/support/ledger-under-test';
import { DEVELOPMENT_PEOPLE } from '../../apps/api/src/identity/dev-users';
import { ledgerProcess } from '../integrity/support/run-ledger';
import { axeViolations } from './axe';
import { launchChromium, type TestBrowser } from './chromium';

const SAMPLE = fs.readFileSync(require.resolve('../../../shared/samples/cumbria-rasso-national-operating-model-2024.txt'), 'utf8');
const FIRE = fs.readFileSync(path.resolve(__dirname, '../fixtures/pages/fire-cause-of-concern.txt'), 'utf8');

/**
 * The pages issue 14 adds, checked like every other page: axe-core against WCAG 2.2 A and AA, at
 * desktop width and at 320 px, with nothing scrolling sideways. The browser acts as development
 * office staff (no credentials), except on the public register, which needs none.
 */
describe.each([
  ['at desktop width', 1280],
  ['at 320 px wide', 320],
])('accessibility of the published response and the public register %s', (_, width) => {
  let ledger: LedgerUnderTest;
  let browser: TestBrowser;
  let page: Page;
  let police: string;
  let fire: string;

  beforeAll(async () => {
    const dataDir = temporaryDataDir();
    createKeyPair(path.join(dataDir, 'keys'));
    ledger = await startLedger(dataDir);
    const recorder = ledger.app.get(PageImportRecorder, { strict: false });
    const actor = { id: 'importer', name: 'Importer', role: 'office', organisation: 'Cumbria OPFCC' };
    const sample = planPageImport(SAMPLE, { today: '2026-01-01', responseDate: '2024-10-10' });
    await recorder.record(sample, { actor, source: 'import' });
    const firePlan = planPageImport(FIRE, { today: '2026-01-01', responseDate: '2024-12-01' });
    await recorder.record(firePlan, { actor, source: 'import' });
    police = sample.inspectionId!;
    fire = firePlan.inspectionId!;
    // Development people record on a published finding: an owner, and progress on a named officer's behalf.
    const rec = `/api/recommendations/${sample.findings[0].findingId}`;
    await ledger.http().post(`${rec}/assign-owner`).send({ owner: 'Head of Learning and Development', organisation: 'Cumbria Constabulary' }).expect(200);
    await ledger.http().post(`${rec}/progress`).send({ narrative: 'Training under way', percentComplete: 10, rag: 'amber', onBehalfOf: { name: 'Inspector Carol Example', role: 'Training lead', organisation: 'Cumbria Constabulary' } }).expect(200);
    await ledger.http().post('/api/public-register').send({ enabled: true }).expect(200);
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await ledger?.stop();
    if (ledger) removeDataDir(ledger.dataDir);
  });

  beforeEach(async () => {
    page = await browser.context.newPage();
    page.setDefaultTimeout(10_000);
    await page.setViewportSize({ width, height: 900 });
  });

  afterEach(async () => {
    await page.close();
  });

  const PAGES: [string, () => string][] = [
    ['the published response, previewed by the office', () => `/inspections/${police}/published-response`],
    ['the published fire action plan, previewed by the office', () => `/inspections/${fire}/published-response`],
    ['the public register', () => '/public'],
    ['a published inspection on the public register', () => `/public/inspections/${police}`],
    ['the published response on the public register', () => `/public/inspections/${police}/response`],
    ['switching the public register on or off', () => '/public-register/settings'],
    ['subscribing to the calendar', () => '/calendar'],
  ];

  it.each(PAGES)('%s has no WCAG 2.2 A or AA violation and does not scroll sideways', async (_name, address) => {
    const answer = await page.goto(`${ledger.url}${address()}`);
    expect(answer?.status()).toBe(200);
    expect(await axeViolations(page)).toEqual([]);
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(width);
  });

  it('downloads the public export, its manifest and the key: `ledger verify-export` accepts them offline, and they name no one', async () => {
    await page.goto(`${ledger.url}/public/inspections/${police}`);
    const folder = fs.mkdtempSync(path.join(ledger.dataDir, 'public-download-'));
    const saved: string[] = [];
    for (const name of [/Signed public export/, /Its manifest/, /The office's public key/]) {
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name }).click()]);
      saved.push(path.join(folder, download.suggestedFilename()));
      await download.saveAs(saved[saved.length - 1]);
    }
    const [file, manifest, key] = saved;
    expect(path.basename(manifest)).toBe(`${path.basename(file)}.manifest.json`);
    const checked = ledgerProcess(['verify-export', manifest, '--public-key', key], {});
    expect(checked).toMatchObject({ code: 0, stdout: expect.stringContaining(`a public export of inspection ${police}`) });
    const recorded = ['Importer', 'importer', 'Head of Learning and Development', 'Inspector Carol Example', 'Training under way', fire, 'Example Fire and Rescue Service', ...DEVELOPMENT_PEOPLE.flatMap((p) => [p.name, p.id])];
    for (const text of [fs.readFileSync(file, 'utf8'), fs.readFileSync(manifest, 'utf8')]) {
      for (const value of recorded) expect({ value, found: text.includes(JSON.stringify(value)) || (value.length > 12 && text.includes(value)) }).toEqual({ value, found: false });
    }
  });

  it('the calendar address, once made, is shown accessibly too', async () => {
    await page.goto(`${ledger.url}/calendar`);
    await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Make a new calendar address' }).click()]);
    expect(await page.locator('code').innerText()).toMatch(/\/calendar\/feeds\/lgr_cal_[A-Za-z0-9_-]{43}\.ics$/);
    expect(await axeViolations(page)).toEqual([]);
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(width);
  });
});
