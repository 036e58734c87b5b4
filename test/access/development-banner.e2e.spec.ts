import { ROLES } from '@ledger/application';
import { REGISTRATION_PATH } from '../../apps/api/src/web/record/inspection/registration.controller';
import { HtmlPage } from '../browser/html-reading';
import { removeDataDir, startLedger, type LedgerUnderTest } from '../e2e/support/ledger-under-test';
import { DEVELOPMENT_PERSON } from './support/development-person';
import { bearer, startSignedInLedger, type SignedInLedger } from './support/signed-in-ledger';

/**
 * While development identities are on (LEDGER_DEV_IDENTITIES=1), anyone can act as anyone: every
 * page says so, in a banner first in main, whoever acts and whatever the page answers. Without
 * them no page ever shows it.
 */
const PAGES = ['/', '/register', '/dashboard', '/changes', '/as-at', '/commitments', '/slippage', '/statutory-responses', '/challenges', '/pack', '/import', '/exports', '/people', REGISTRATION_PATH, '/challenges/raise', '/calendar', '/public-register/settings'];

function bannerOf(html: string): string | null {
  const page = new HtmlPage(html);
  const banner = page.all((element) => element.attribs.id === 'development-identities', [page.main()])[0];
  return banner === undefined ? null : HtmlPage.text(banner);
}

describe('the development banner', () => {
  describe('with development identities on', () => {
    let ledger: LedgerUnderTest;
    beforeAll(async () => {
      ledger = await startLedger();
    });
    afterAll(async () => {
      await ledger.stop();
      removeDataDir(ledger.dataDir);
    });

    it('is on every page, for every role, on the pages it may not use (403) and on pages not found (404) too', async () => {
      const statuses = new Set<number>();
      for (const role of ROLES) {
        for (const url of [...PAGES, '/recommendations/no-such-finding', '/acting-as']) {
          const answer = await ledger.http().get(url).set('X-Ledger-Dev-User', DEVELOPMENT_PERSON[role].id);
          statuses.add(answer.status);
          expect({ role, url, html: answer.headers['content-type'] }).toEqual({ role, url, html: expect.stringMatching(/^text\/html/) });
          expect({ role, url, banner: bannerOf(answer.text) }).toEqual({
            role,
            url,
            banner: expect.stringMatching(/^Development only Development identities are on: anyone can act as anyone, the administrator included\. .*Do not use this ledger for real records\.$/),
          });
        }
      }
      expect([...statuses].sort()).toEqual([200, 403, 404]);
    });

    it('is on the sign-in page, with nobody acting yet', async () => {
      const answer = await ledger.http().get('/sign-in');
      expect(answer.status).toBe(200);
      expect(bannerOf(answer.text)).toContain('anyone can act as anyone');
    });
  });

  describe('without development identities', () => {
    let ledger: SignedInLedger;
    beforeAll(async () => {
      ledger = await startSignedInLedger();
    });
    afterAll(async () => {
      await ledger.stop();
      removeDataDir(ledger.dataDir);
    });

    it('is on no page, for any role, whatever the page answers, nor on the sign-in page', async () => {
      const statuses = new Set<number>();
      for (const role of ROLES) {
        for (const url of [...PAGES, '/recommendations/no-such-finding']) {
          const answer = await ledger.http().get(url).set(bearer(ledger.people[role]));
          statuses.add(answer.status);
          expect({ role, url, html: answer.headers['content-type'] }).toEqual({ role, url, html: expect.stringMatching(/^text\/html/) });
          expect({ role, url, banner: answer.text.includes('development-identities') }).toEqual({ role, url, banner: false });
          // The page is otherwise whole: its header names who is acting.
          expect(answer.text).toContain('id="acting-as"');
        }
      }
      expect([...statuses].sort()).toEqual([200, 403, 404]);
      const signIn = await ledger.http().get('/sign-in');
      expect(signIn.status).toBe(200);
      expect(signIn.text).not.toContain('development-identities');
    });
  });
});
