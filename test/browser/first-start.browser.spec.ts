import { loadApiConfig } from '../../apps/api/src/config/api-config';
import { removeDataDir, startLedger, temporaryDataDir, type LedgerUnderTest } from '../e2e/support/ledger-under-test';
import { launchChromium, type TestBrowser } from './chromium';

/**
 * README's first command, as a new user follows it in a browser: `npm start` on an empty data
 * folder prints a one-time administrator link; opening it and pressing "Sign in" signs the
 * administrator in, whose home page leads to the people page, where someone is added and given
 * their own one-time link, which signs them in.
 */
// Starting the server (twice, for a restart) and a browser takes more than jest's default 30 s on a busy machine.
jest.setTimeout(120_000);

describe("README's first command, in Chromium", () => {
  let ledger: LedgerUnderTest;
  let browser: TestBrowser;
  let printed = '';

  beforeAll(async () => {
    const dataDir = temporaryDataDir();
    // `npm start` sets no NODE_ENV and no LEDGER_DEV_IDENTITIES: no development people, so the first start prints a link.
    expect(loadApiConfig({ LEDGER_DATA_DIR: dataDir }).devIdentities).toBe(false);
    const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      printed += String(chunk);
      return true;
    });
    try {
      ledger = await startLedger(dataDir, { LEDGER_DEV_IDENTITIES: '0' });
    } finally {
      spy.mockRestore();
    }
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await ledger?.stop();
    if (ledger) removeDataDir(ledger.dataDir);
  });

  it('the printed link signs the administrator in, who adds a person at /people, whose own link signs them in', async () => {
    expect(printed).toContain('Open this one-time link in a browser to sign in as the administrator');
    expect(printed).toContain('then add people at /people (or with `ledger people add`)');
    const link = /http:\/\/localhost:3000(\/sign-in\/link\/lgr_link_[A-Za-z0-9_-]{43})/.exec(printed)?.[1];
    expect(link).toBeDefined();

    const page = await browser.context.newPage();
    await page.goto(`${ledger.url}${link}`);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${ledger.url}/`);
    expect(await page.locator('#acting-as').innerText()).toContain('Acting as Administrator (admin,');
    expect(await page.locator('#development-identities').count()).toBe(0);

    await page.getByRole('link', { name: 'People', exact: true }).click();
    await page.waitForURL(`${ledger.url}/people`);
    await page.getByLabel('Name').fill('Priya Shah');
    await page.getByLabel('Role').selectOption('verifier');
    await page.getByLabel('Organisation').fill('Cumbria OPFCC');
    await page.getByRole('button', { name: 'Add the person' }).click();
    await page.getByRole('heading', { name: 'One-time sign-in link' }).waitFor();
    const theirs = new URL((await page.locator('#secret').innerText()).trim()).pathname;
    expect(theirs).toMatch(/^\/sign-in\/link\/lgr_link_[A-Za-z0-9_-]{43}$/);

    // Opened in this browser, Priya's link signs Priya in instead.
    await page.goto(`${ledger.url}${theirs}`);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${ledger.url}/`);
    expect(await page.locator('#acting-as').innerText()).toContain('Acting as Priya Shah (verifier, Cumbria OPFCC)');
    // A verifier has no people page to go to.
    expect(await page.getByRole('link', { name: 'People', exact: true }).count()).toBe(0);
    await page.close();
  });
});
