import { removeDataDir } from '../e2e/support/ledger-under-test';
import { bearer, startSignedInLedger, type SignedInLedger } from './support/signed-in-ledger';

/**
 * What costs the server a lot is rate limited per client (LEDGER_HEAVY_READS_PER_MINUTE): exports
 * (over the API and from the exports page), the as-at view (API and page) and the import preview. Past the limit each answers 429, however
 * well signed in the client is; other reads are not limited.
 */
describe('the limit on heavy reads', () => {
  let ledger: SignedInLedger;
  beforeAll(async () => {
    ledger = await startSignedInLedger({ LEDGER_HEAVY_READS_PER_MINUTE: '2' });
  });
  afterAll(async () => {
    await ledger.stop();
    removeDataDir(ledger.dataDir);
  });

  it.each([
    ['the ledger export', 'get', '/api/exports/ledger.jsonl', 'hmicfrs-liaison'],
    ['the as-at read', 'get', '/api/read/as-at?date=2025-06-01', 'scrutiny'],
    ['the as-at page', 'get', '/as-at?date=2025-06-01', 'scrutiny'],
    ['the import preview', 'post', '/import/preview', 'office'],
    ['an export made from the exports page', 'post', '/exports', 'hmicfrs-liaison'],
  ] as const)('%s answers 429 past the limit', async (_name, method, url, role) => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 4; attempt++) {
      const answer = await (method === 'get' ? ledger.http().get(url) : ledger.http().post(url).set('Origin', ledger.url).type('form').send({})).set(bearer(ledger.people[role]));
      statuses.push(answer.status);
    }
    // Within the limit, the usual answer: the read, or the preview's refusal of a form not from its own page.
    const usual = method === 'get' ? 200 : 403;
    expect(statuses).toEqual([usual, usual, 429, 429]);
  });

  it('leaves other reads alone', async () => {
    for (let attempt = 0; attempt < 5; attempt++) await ledger.http().get('/api/read/register').set(bearer(ledger.people.scrutiny)).expect(200);
  });
});
