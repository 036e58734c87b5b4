import request from 'supertest';
import { logSnapshot, readLog, removeDataDir, startLedger, temporaryDataDir, type LedgerUnderTest } from '../e2e/support/ledger-under-test';
import { FormBrowser, hiddenFields } from '../browser/recording-support';

const QUESTION = { forum: 'Police and Crime Panel', meetingDate: '2025-03-12', question: 'When will every detective have been trained?', answerDueBy: '2025-04-09' };

// Two server starts a test: more than jest's default 30 s on a busy machine.
jest.setTimeout(120_000);

/**
 * Two instances behind one address: a form opened from one is posted to the other. With the
 * secrets given in configuration (the same to both) it is accepted; an instance that made up its
 * own secret refuses it and records nothing.
 */
describe('a form opened on one instance and posted to another', () => {
  const started: LedgerUnderTest[] = [];
  afterEach(async () => {
    for (const ledger of started.splice(0)) {
      await ledger.stop();
      removeDataDir(ledger.dataDir);
    }
  });

  async function instance(env: Record<string, string>): Promise<LedgerUnderTest> {
    const ledger = await startLedger(temporaryDataDir(), env);
    started.push(ledger);
    return ledger;
  }

  /** Opens the form on `first` and posts it, with that browser's cookies, to `second`. */
  async function openHerePostThere(first: LedgerUnderTest, second: LedgerUnderTest) {
    const browser = new FormBrowser(first.url);
    const form = await browser.get('/challenges/raise');
    expect(form.status).toBe(200);
    const cookies = (form.headers['set-cookie'] as unknown as string[]).map((cookie) => cookie.split(';')[0]).join('; ');
    const fields = new URLSearchParams({ ...hiddenFields(form.text, '/challenges/raise'), ...QUESTION }).toString();
    return request(second.url).post('/challenges/raise').set('Cookie', cookies).set('Origin', second.url).type('form').send(fields);
  }

  it('is accepted when both instances are given the same secrets', async () => {
    const secrets = { LEDGER_SESSION_SECRET: 'a session secret both instances are given', LEDGER_CSRF_SECRET: 'a form secret both instances are given, too' };
    const [first, second] = [await instance(secrets), await instance(secrets)];
    const sent = await openHerePostThere(first, second);
    expect(sent.status).toBe(303);
    expect((await readLog(second.store)).map((event) => event.type)).toEqual(['ChallengeRaised']);
  });

  it('is refused, recording nothing, by an instance with a secret of its own', async () => {
    const [first, second] = [await instance({}), await instance({})];
    const before = await logSnapshot(second.store);
    const sent = await openHerePostThere(first, second);
    expect(sent.status).toBe(403);
    expect(await logSnapshot(second.store)).toEqual(before);
  });
});
