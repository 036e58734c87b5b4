import { randomUUID } from 'node:crypto';
import { readSamplePage } from './support/sample-page';
import { registration } from './support/sample-requests';
import { post, waitForHistory } from './support/http';
import { logSnapshot, removeDataDir, startLedger, type LedgerUnderTest } from './support/ledger-under-test';

interface BadRequest {
  name: string;
  method?: 'post' | 'get';
  /** Relative to the recommendation under test unless it starts with /. */
  path: string;
  body?: unknown;
  raw?: { contentType: string; payload: string };
  headers?: Record<string, string>;
  status: number;
  /** The problem type's last segment. */
  problem: string;
  /** For 400: a field the problem must name; for 422: the rule. */
  field?: string;
  rule?: string;
}

const TAG = 'tag:pfcc-ledger,2024:problems/';
const commitment = 'All investigating detectives trained by the end of January 2025.';

/**
 * Each bad request gets the right status and a clear problem+json, and leaves the log exactly as
 * it was. REC 03 is issued (nothing decided yet); REC 05 is accepted, at revision 2, with an
 * answer recorded under Idempotency-Key "accept-rec-05".
 */
const cases: BadRequest[] = [
  { name: 'missing field', path: 'rec03/accept', body: {}, status: 400, problem: 'invalid-input', field: 'commitment' },
  { name: 'no body at all', path: 'rec03/reject', status: 415, problem: '' },
  { name: 'a form-encoded body', path: 'rec03/reject', raw: { contentType: 'application/x-www-form-urlencoded', payload: 'reason=no' }, status: 415, problem: '' },
  { name: 'a role the role table does not list for the command', path: 'rec03/accept', body: { commitment }, headers: { 'X-Ledger-Dev-User': 'hmicfrs-liaison' }, status: 403, problem: 'forbidden' },
  { name: 'extra field', path: 'rec03/accept', body: { commitment, colour: 'red' }, status: 400, problem: 'invalid-input', field: 'colour' },
  { name: 'actor in the body', path: 'rec03/accept', body: { commitment, actor: { id: 'someone-else', name: 'X', role: 'Y', organisation: 'Z' } }, status: 400, problem: 'invalid-input', field: 'actor' },
  { name: 'number sent as a string', path: 'rec05/progress', body: { narrative: 'Half done', percentComplete: '50', rag: 'amber' }, status: 400, problem: 'invalid-input', field: 'percentComplete' },
  { name: 'number out of range', path: 'rec05/progress', body: { narrative: 'Done twice', percentComplete: 200, rag: 'amber' }, status: 400, problem: 'invalid-input', field: 'percentComplete' },
  { name: 'value not in the list', path: 'rec05/progress', body: { narrative: 'Half done', rag: 'purple' }, status: 400, problem: 'invalid-input', field: 'rag' },
  { name: 'text sent as a number', path: 'rec03/accept', body: { commitment: 42 }, status: 400, problem: 'invalid-input', field: 'commitment' },
  { name: 'list sent as a string', path: '/api/inspections', body: { ...registration(readSamplePage()), findings: 'five' }, status: 400, problem: 'invalid-input', field: 'findings' },
  {
    name: 'wrong type deep in a list',
    path: '/api/inspections',
    body: { ...registration(readSamplePage()), findings: [{ ...readSamplePage().findings[0], number: 'three' }] },
    status: 400,
    problem: 'invalid-input',
    field: 'findings[0].number',
  },
  { name: 'incomplete on-behalf-of', path: 'rec03/accept', body: { commitment, onBehalfOf: { name: 'Chief Constable', role: 'Chief Constable' } }, status: 400, problem: 'invalid-input', field: 'onBehalfOf.organisation' },
  { name: 'body that is a list', path: 'rec03/accept', body: [{ commitment }], status: 400, problem: 'invalid-input' },
  { name: 'body that is not JSON', path: 'rec03/accept', raw: { contentType: 'application/json', payload: '{"commitment": ' }, status: 400, problem: 'invalid-input', field: 'body' },
  { name: 'body that is not JSON at all', path: 'rec03/accept', raw: { contentType: 'text/plain', payload: 'accept it' }, status: 415, problem: '' },
  { name: 'unknown recommendation', path: `/api/recommendations/${randomUUID()}/accept`, body: { commitment }, status: 404, problem: 'not-found' },
  { name: 'unknown inspection', path: `/api/inspections/${randomUUID()}/amend`, body: { changes: { title: 'New title' }, reason: 'Typo' }, status: 404, problem: 'not-found' },
  { name: 'history of an unknown challenge', method: 'get', path: `/api/challenges/${randomUUID()}/history`, status: 404, problem: 'not-found' },
  { name: 'malformed id', path: '/api/recommendations/not%20an%20id/accept', body: { commitment }, status: 400, problem: 'invalid-input', field: 'id' },
  { name: 'no such route', path: '/api/recommendations/x/levitate', body: {}, status: 404, problem: 'not-found' },
  { name: 'illegal transition: verify before completion', path: 'rec03/verify', body: {}, headers: { 'X-Ledger-Dev-User': 'performance-lead' }, status: 422, problem: 'rule-violation', rule: 'IllegalTransition' },
  { name: 'illegal transition: accept twice', path: 'rec05/accept', body: { commitment }, status: 422, problem: 'rule-violation', rule: 'IllegalTransition' },
  { name: 'missing reason to reject', path: 'rec03/reject', body: {}, status: 400, problem: 'invalid-input', field: 'reason' },
  { name: 'blank reason to reopen', path: 'rec05/reopen', body: { reason: '   ' }, status: 400, problem: 'invalid-input', field: 'reason' },
  { name: 'not applicable without a reason', path: 'rec03/assess-applicability', body: { applicable: false }, status: 422, problem: 'rule-violation', rule: 'ReasonRequired' },
  { name: 'impossible date', path: 'rec03/accept', body: { commitment, plannedCompletionDate: '2025-02-30' }, status: 400, problem: 'invalid-input', field: 'plannedCompletionDate' },
  { name: 'date in another format', path: 'rec05/set-target-date', body: { targetDate: '31/01/2025' }, status: 400, problem: 'invalid-input', field: 'targetDate' },
  {
    name: 'impossible due date of a finding',
    path: '/api/inspections',
    body: { ...registration(readSamplePage()), findings: [{ ...readSamplePage().findings[0], dueDate: '2025-02-29' }] },
    status: 400,
    problem: 'invalid-input',
    field: 'findings[0].dueDate',
  },
  { name: 'impossible occurredAt', path: 'rec03/accept', body: { commitment, occurredAt: '2024-09-31T10:00:00Z' }, status: 400, problem: 'invalid-input', field: 'occurredAt' },
  { name: 'occurredAt in the future', path: 'rec03/accept', body: { commitment, occurredAt: '2999-01-01T00:00:00Z' }, status: 422, problem: 'rule-violation', rule: 'OccurredAtInFuture' },
  { name: 'occurredAt a day still to come', path: 'rec03/accept', body: { commitment, occurredAt: '2999-01-01' }, status: 422, problem: 'rule-violation', rule: 'OccurredAtInFuture' },
  { name: 'occurredAt a day that does not exist', path: 'rec03/accept', body: { commitment, occurredAt: '2024-09-31' }, status: 400, problem: 'invalid-input', field: 'occurredAt' },
  { name: 'occurredAt before the report was published', path: 'rec03/accept', body: { commitment, occurredAt: '2024-08-21' }, status: 422, problem: 'rule-violation', rule: 'OccurredBeforeIssue' },
  { name: 'oversize text', path: 'rec03/accept', body: { commitment: 'x'.repeat(10_001) }, status: 400, problem: 'invalid-input', field: 'commitment' },
  { name: 'body over the size limit', path: 'rec03/accept', body: { commitment: 'x'.repeat(1_100_000) }, status: 413, problem: 'payload-too-large' },
  { name: 'oversize title', path: '/api/inspections', body: { ...registration(readSamplePage()), title: 'T'.repeat(501) }, status: 400, problem: 'invalid-input', field: 'title' },
  { name: 'stale If-Match', path: 'rec05/progress', body: { narrative: 'Started', rag: 'green' }, headers: { 'If-Match': '"0"' }, status: 409, problem: 'revision-conflict' },
  { name: 'If-Match ahead of the stream', path: 'rec05/progress', body: { narrative: 'Started', rag: 'green' }, headers: { 'If-Match': '7' }, status: 409, problem: 'revision-conflict' },
  { name: 'malformed If-Match', path: 'rec05/progress', body: { narrative: 'Started', rag: 'green' }, headers: { 'If-Match': 'yesterday' }, status: 400, problem: 'invalid-input', field: 'If-Match' },
  {
    name: 'Idempotency-Key reused with another body',
    path: 'rec05/accept',
    body: { commitment: 'A different commitment' },
    headers: { 'Idempotency-Key': 'accept-rec-05' },
    status: 422,
    problem: 'rule-violation',
    rule: 'IdempotencyKeyReused',
  },
  {
    name: 'Idempotency-Key reused on another path',
    path: 'rec03/accept',
    body: { commitment },
    headers: { 'Idempotency-Key': 'accept-rec-05' },
    status: 422,
    problem: 'rule-violation',
    rule: 'IdempotencyKeyReused',
  },
  { name: 'malformed Idempotency-Key', path: 'rec03/accept', body: { commitment }, headers: { 'Idempotency-Key': 'é'.repeat(3) }, status: 400, problem: 'invalid-input', field: 'Idempotency-Key' },
  { name: 'unknown development user', path: 'rec03/accept', body: { commitment }, headers: { 'X-Ledger-Dev-User': 'chief-constable' }, status: 401, problem: 'unauthenticated' },
];

describe('bad input over HTTP', () => {
  let ledger: LedgerUnderTest;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    ledger = await startLedger();
    const registered = await post(ledger, '/api/inspections', registration(readSamplePage())).expect(201);
    [ids.rec03, ids.rec05] = registered.body.findingIds as string[];
    for (const id of [ids.rec03, ids.rec05]) expect((await waitForHistory(ledger, `/api/recommendations/${id}/history`)).status).toBe(200);
    await post(ledger, `/api/recommendations/${ids.rec05}/accept`, { commitment, plannedCompletionDate: '2025-07-31' }, { headers: { 'Idempotency-Key': 'accept-rec-05' } }).expect(200);
    const rec05 = await ledger.http().get(`/api/recommendations/${ids.rec05}/history`).expect(200);
    expect(rec05.body.revision).toBe('2');
  });
  afterAll(async () => {
    await ledger.stop();
    removeDataDir(ledger.dataDir);
  });

  it.each(cases)('$name: $status', async (bad) => {
    const before = await logSnapshot(ledger.store);
    const path = bad.path.startsWith('/') ? bad.path : `/api/recommendations/${ids[bad.path.split('/')[0]]}/${bad.path.split('/').slice(1).join('/')}`;
    const test = bad.method === 'get' ? ledger.http().get(path) : ledger.http().post(path);
    for (const [name, value] of Object.entries(bad.headers ?? {})) test.set(name, value);
    const response = bad.raw ? await test.set('Content-Type', bad.raw.contentType).send(bad.raw.payload) : bad.body === undefined ? await test : await test.send(bad.body as object);

    expect({ status: response.status, body: response.body }).toMatchObject({ status: bad.status });
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    const problem = response.body as Record<string, unknown>;
    expect(problem).toMatchObject({ status: bad.status, instance: path, title: expect.any(String), detail: expect.any(String) });
    expect(problem.type).toBe(bad.problem ? `${TAG}${bad.problem}` : 'about:blank');
    expect(String(problem.detail).length).toBeGreaterThan(10);
    expect(JSON.stringify(problem)).not.toMatch(/\bat .*\.(ts|js):\d+/);
    if (bad.status === 400) {
      expect(problem.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: bad.field ?? expect.any(String), message: expect.any(String) })]));
    }
    if (bad.status === 422) expect(problem.rule).toBe(bad.rule);
    if (bad.rule?.startsWith('Occurred')) expect(problem.field).toBe('occurredAt');

    expect(await logSnapshot(ledger.store)).toEqual(before);
  });
});
