import { Logger } from '@nestjs/common';
import { logSnapshot, removeDataDir, temporaryDataDir } from '../e2e/support/ledger-under-test';
import { bearer, startSignedInLedger, type SignedInLedger } from './support/signed-in-ledger';

/** The JSON log's lines, as an operator's log shipper reads them. */
class CapturedLog {
  readonly text: string[] = [];
  write(line: string): void {
    this.text.push(line);
  }
}

/**
 * Refusals decided outside the access guard (a form's CSRF check, an unknown calendar address, a
 * rate limit) are logged with who, what and why too; and no log line, the request log included,
 * carries a secret from a request's address, headers or cookies.
 */
describe('the logs of refusals', () => {
  let ledger: SignedInLedger;
  const log = new CapturedLog();
  let warnings: string[];
  let spy: jest.SpyInstance;

  beforeAll(async () => {
    ledger = await startSignedInLedger({ LEDGER_HEAVY_READS_PER_MINUTE: '1' }, temporaryDataDir(), { log: { destination: log, level: 'info' } });
  });
  afterAll(async () => {
    await ledger.stop();
    removeDataDir(ledger.dataDir);
  });
  beforeEach(() => {
    warnings = [];
    spy = jest.spyOn(Logger.prototype, 'warn').mockImplementation((message: unknown) => {
      warnings.push(String(message));
    });
  });
  afterEach(() => spy.mockRestore());

  it('a form sent without its page’s CSRF token: 403, logged with the person and the reason, nothing recorded', async () => {
    const scrutiny = ledger.people.scrutiny;
    const before = await logSnapshot(ledger.store);
    await ledger.http().post('/challenges/raise').set(bearer(scrutiny)).set('Origin', ledger.url).type('form').send({ forum: 'Panel', meetingDate: '2025-02-04', question: 'Why?' }).expect(403);
    expect(await logSnapshot(ledger.store)).toEqual(before);
    expect(warnings).toEqual([expect.stringMatching(new RegExp(`^403 POST /challenges/raise refused for ${scrutiny.person.id} \\(scrutiny, .*\\): .*not sent from this service.s own page`))]);
  });

  it('an unknown calendar address: 401, logged without the address’s token', async () => {
    const token = `lgr_cal_${'c'.repeat(43)}`;
    await ledger.http().get(`/calendar/feeds/${token}.ics`).expect(401);
    expect(warnings).toEqual([expect.stringMatching(/^401 GET \/calendar\/feeds\/lgr_cal_\[redacted\]\.ics refused for anonymous from .*: This calendar address is not known/)]);
    expect([...warnings, ...log.text].join('\n')).not.toContain(token);
  });

  it('past a rate limit: 429, logged with the person', async () => {
    const liaison = ledger.people['hmicfrs-liaison'];
    await ledger.http().get('/api/read/as-at?date=2025-06-01').set(bearer(liaison)).expect(200);
    await ledger.http().get('/api/read/as-at?date=2025-06-01').set(bearer(liaison)).expect(429);
    expect(warnings).toEqual([expect.stringMatching(new RegExp(`^429 GET /api/read/as-at\\?date=2025-06-01 refused for ${liaison.person.id} \\(hmicfrs-liaison, HMICFRS\\): .*Too Many Requests`))]);
  });

  it('a command the rules refuse (422) is logged with who sent it, what and why, and records nothing', async () => {
    const scrutiny = ledger.people.scrutiny;
    const before = await logSnapshot(ledger.store);
    await ledger.http().post('/api/challenges').set(bearer(scrutiny)).send({ forum: 'Panel', meetingDate: '2025-02-04', question: 'Why?', answerDueBy: '2025-01-04' }).expect(422);
    expect(await logSnapshot(ledger.store)).toEqual(before);
    const lines = log.text.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toContainEqual(expect.objectContaining({ msg: 'command', command: 'RaiseChallenge', outcome: 'refused', actor: scrutiny.person.id, role: 'scrutiny', error: expect.stringMatching(/answerDueBy/) }));
  });

  it('the request log names the path of a sign-in link without its token, and no log line holds a token or a cookie', async () => {
    const link = ledger.store_.createSignInLink(ledger.people.office.person.id);
    const landing = await ledger.http().get(`/sign-in/link/${link}`).expect(200);
    const cookie = ((landing.headers['set-cookie'] as unknown as string[] | undefined) ?? []).map((value) => value.split(';')[0]).join('; ');
    await ledger.http().get('/api/read/register').set(bearer(ledger.people.office)).set('Cookie', cookie).expect(200);
    expect(log.text.map((line) => JSON.parse(line) as Record<string, unknown>)).toContainEqual(expect.objectContaining({ msg: 'request', method: 'GET', path: '/sign-in/link/lgr_link_[redacted]', status: 200 }));
    expect(cookie).toMatch(/^ledger_csrf=\S{20,}/);
    const everything = [...warnings, ...log.text].join('\n');
    for (const secret of [link, ledger.people.office.token, ...cookie.split('; ').map((pair) => pair.split('=')[1])]) expect(everything).not.toContain(secret);
  });
});
