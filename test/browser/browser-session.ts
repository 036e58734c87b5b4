import type { Page } from 'playwright-core';
import { removeDataDir, startLedger, type LedgerUnderTest } from '../e2e/support/ledger-under-test';
import { launchChromium, type TestBrowser } from './chromium';

export interface BrowserSession<Ledger> {
  /** The ledger under test, started once for the file. */
  readonly ledger: Ledger;
  readonly browser: TestBrowser;
  /** A new page for each test, closed after it. */
  readonly page: Page;
}

export interface SessionOptions {
  /** The viewport's width in CSS pixels; desktop unless a test asks for a narrow screen. */
  width?: number;
  /** How long a page action may wait. */
  timeout?: number;
}

/**
 * What every browser test file sets up, as jest hooks of the describe it is called in: the ledger
 * started (`start`) and Chromium launched once, both closed afterwards, and a new page per test.
 * Read `ledger` and `page` inside the tests: they are set by the hooks.
 */
export function browserSession<Ledger extends { stop(): Promise<void> }>(start: () => Promise<Ledger>, { width = 1280, timeout = 20_000 }: SessionOptions = {}): BrowserSession<Ledger> {
  const session = {} as { ledger: Ledger; browser: TestBrowser; page: Page };
  beforeAll(async () => {
    session.ledger = await start();
    session.browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await session.browser?.close();
    await session.ledger?.stop();
  });
  beforeEach(async () => {
    session.page = await session.browser.context.newPage();
    session.page.setDefaultTimeout(timeout);
    await session.page.setViewportSize({ width, height: 900 });
  });
  afterEach(async () => {
    await session.page?.close();
  });
  return session;
}

/** The application on a fresh, empty data folder, removed when it stops: for browser tests that record. */
export async function throwawayLedger(): Promise<LedgerUnderTest> {
  const ledger = await startLedger();
  return {
    ...ledger,
    stop: async () => {
      await ledger.stop();
      removeDataDir(ledger.dataDir);
    },
  };
}
