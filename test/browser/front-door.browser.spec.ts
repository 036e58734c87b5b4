import http from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { logSnapshot, readLog, removeDataDir, startLedger, temporaryDataDir, type LedgerUnderTest } from '../e2e/support/ledger-under-test';
import { post, waitForHistory } from '../e2e/support/http';
import { readSamplePage } from '../e2e/support/sample-page';
import { evidence, registration } from '../e2e/support/sample-requests';
import { launchChromium, type TestBrowser } from './chromium';
import { FormBrowser, hiddenFields, readModelsCaughtUp, registerSample } from './recording-support';

// Starting the server (twice, for a restart) and a browser takes more than jest's default 30 s on a busy machine.
jest.setTimeout(120_000);

/**
 * The front door against another website, in a real browser. The ledger is set up as
 * permissively as it can be (development identities, and a request with no credentials acting as
 * a verifier), so that nothing but the front door stands between the attacking page and a
 * recorded verification.
 */
describe('the front door in Chromium', () => {
  let ledger: LedgerUnderTest;
  let browser: TestBrowser;
  let attacker: http.Server;
  let attackerUrl: string;
  let attackPage = '';
  let rec: string;

  beforeAll(async () => {
    ledger = await startLedger(temporaryDataDir(), { LEDGER_DEV_USER_ID: 'verifier-by-default', LEDGER_DEV_USER_NAME: 'Default Verifier', LEDGER_DEV_USER_ROLE: 'verifier' });
    const registered = await post(ledger, '/api/inspections', registration(readSamplePage()), { as: 'office-staff' }).expect(201);
    rec = `/api/recommendations/${registered.body.findingIds[0]}`;
    await waitForHistory(ledger, `${rec}/history`);
    await post(ledger, `${rec}/accept`, { commitment: 'Train' }, { as: 'office-staff' }).expect(200);
    await post(ledger, `${rec}/assign-owner`, { owner: 'Head of Crime', organisation: 'Cumbria Constabulary' }, { as: 'office-staff' }).expect(200);
    const submitted = await post(ledger, `${rec}/evidence`, evidence('Register'), { as: 'force-action-owner' }).expect(201);
    await post(ledger, `${rec}/mark-complete`, { summary: 'Done', evidenceIds: [submitted.body.evidenceId] }, { as: 'force-action-owner' }).expect(200);
    attacker = http.createServer((_request, response) => response.writeHead(200, { 'content-type': 'text/html' }).end(attackPage));
    await new Promise<void>((resolve) => attacker.listen(0, 'localhost', resolve));
    attackerUrl = `http://localhost:${(attacker.address() as AddressInfo).port}`;
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    attacker?.closeAllConnections();
    await new Promise((resolve) => attacker?.close(resolve));
    await ledger?.stop();
    if (ledger) removeDataDir(ledger.dataDir);
  });

  it('a no-cors fetch and a self-submitting form from another site record nothing', async () => {
    const target = `${ledger.url}${rec}/verify`;
    const before = await logSnapshot(ledger.store);
    attackPage = `<!DOCTYPE html><html><body>
<form id="f" method="post" action="${target}" enctype="text/plain"><input name='{"comment":"' value='forged"}'></form>
<form id="g" method="post" action="${target}" target="other"></form>
<iframe name="other"></iframe>
<script>
  fetch(${JSON.stringify(target)}, { method: 'POST', mode: 'no-cors', body: '{}' })
    .then(() => fetch(${JSON.stringify(target)}, { method: 'POST', mode: 'no-cors', headers: { 'Content-Type': 'text/plain' }, body: '{"comment":"forged"}' }))
    .then(() => document.getElementById('g').submit())
    .finally(() => { document.title = 'sent'; setTimeout(() => document.getElementById('f').submit(), 50); });
</script></body></html>`;
    const page = await browser.context.newPage();
    const answers: number[] = [];
    let sent = 0;
    page.on('request', (request) => {
      if (request.url() === target && request.method() === 'POST') sent++;
    });
    page.on('response', (response) => {
      if (response.url() === target) answers.push(response.status());
    });
    await page.goto(attackerUrl);
    await page.waitForURL(target, { timeout: 10_000 }).catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(sent).toBeGreaterThanOrEqual(2);
    expect(answers.length).toBeGreaterThanOrEqual(1);
    expect(answers.every((status) => status === 403 || status === 415)).toBe(true);
    expect(await logSnapshot(ledger.store)).toEqual(before);
    expect((await readLog(ledger.store)).some((event) => event.type === 'RecommendationCompletionVerified')).toBe(false);
    await page.close();
  });

  it('sends security headers with pages, the API, static files and the OpenAPI UI, whose page still works under them', async () => {
    for (const path of ['/register', '/api/read/register', '/govuk/govuk-frontend.min.css', '/api/docs/', '/api/openapi.json', '/health']) {
      const answer = await request(ledger.url).get(path);
      expect({ path, frame: answer.headers['x-frame-options'], sniff: answer.headers['x-content-type-options'], csp: answer.headers['content-security-policy'] !== undefined }).toEqual({
        path,
        frame: expect.stringMatching(/^(SAMEORIGIN|DENY)$/),
        sniff: 'nosniff',
        csp: true,
      });
    }
    const page = await browser.context.newPage();
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    await page.goto(`${ledger.url}/api/docs`);
    await page.locator('.swagger-ui .info .title').waitFor({ timeout: 15_000 });
    expect(await page.locator('.opblock').count()).toBeGreaterThan(10);
    expect(violations).toEqual([]);
    await page.close();
  });
});

describe('a form posted after a server restart', () => {
  it('is accepted: the CSRF secret is kept in the data folder', async () => {
    const dataDir = temporaryDataDir();
    let ledger = await startLedger(dataDir);
    try {
      const { findingIds } = await registerSample(ledger);
      await readModelsCaughtUp(ledger);
      const path = `/recommendations/${findingIds[0]}/record/accept`;
      const before = new FormBrowser(ledger.url);
      const form = await before.get(path);
      expect(form.status).toBe(200);
      const hidden = hiddenFields(form.text, path);
      const cookies = (form.headers['set-cookie'] as unknown as string[]).map((cookie) => cookie.split(';')[0]).join('; ');
      await ledger.stop();

      ledger = await startLedger(dataDir);
      await readModelsCaughtUp(ledger);
      const sent = await request(ledger.url).post(path).set('Cookie', cookies).set('Origin', ledger.url).type('form').send(new URLSearchParams({ ...hidden, commitment: 'Train every detective' }).toString());
      expect(sent.status).toBe(303);
      expect((await readLog(ledger.store)).filter((event) => event.type === 'RecommendationAccepted')).toHaveLength(1);
    } finally {
      await ledger.stop();
      removeDataDir(dataDir);
    }
  });
});
