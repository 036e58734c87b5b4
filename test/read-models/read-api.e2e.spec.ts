import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readSamplePage } from '../e2e/support/sample-page';
import { CHIEF_CONSTABLE, OFFICE_STAFF, rec03Commitment, registration } from '../e2e/support/sample-requests';
import { startReadApi, type ReadApi } from './support/read-api-under-test';

/** Every command is recorded, and every query answered, on this instant: 3 February 2025 in London. */
const NOW = new Date('2025-02-03T10:00:00Z');

describe('the read API over HTTP', () => {
  let dataDir: string;
  let api: ReadApi;
  let inspectionId: string;
  let rec03: string;
  const page = readSamplePage();

  const post = (url: string, body: object, as = OFFICE_STAFF) => api.http().post(url).set('X-Ledger-Dev-User', as).send(body);

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-'));
    // The default wait, so that a position never reached is answered within the test's time.
    api = await startReadApi(dataDir, () => NOW, { LEDGER_READ_WAIT_MS: '5000' });
    const registered = await post('/api/inspections', registration(page)).expect(201);
    inspectionId = registered.body.inspectionId;
    rec03 = registered.body.findingIds[0];
  });

  afterAll(async () => {
    await api?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('reads its own writes: a query given the position a command returned sees that command', async () => {
    const accepted = await post(`/api/recommendations/${rec03}/accept`, {
      commitment: rec03Commitment(page),
      plannedCompletionDate: '2025-01-31',
      onBehalfOf: CHIEF_CONSTABLE,
      occurredAt: '2024-10-10T09:30:00Z',
    }).expect(200);

    const detail = await api.http().get(`/api/read/recommendations/${rec03}`).query({ atLeast: accepted.body.position }).expect(200);
    expect(detail.headers['ledger-consistent']).toBe('true');
    expect(detail.body).toMatchObject({ today: '2025-02-03', consistent: true, atLeast: accepted.body.position });
    // Accepted with a target date already passed on the clock's day: three days overdue.
    expect(detail.body.finding).toMatchObject({ reference: 'REC 03', status: 'Accepted', targetDate: '2025-01-31', overdue: true, daysOverdue: 3, rag: 'red' });
    // In the order things happened: registered today by hand, the finding was issued with its report on
    // 22 August 2024 (the day, no clock time), before its acceptance of 10 October 2024.
    expect(detail.body.timeline.map((entry: { eventType: string }) => entry.eventType)).toEqual(['FindingIssued', 'RecommendationAccepted', 'RecommendationTargetDateSet']);
    expect(detail.body.timeline[0]).toMatchObject({ occurredAt: '2024-08-22', occurredKind: 'day', recordedAt: NOW.toISOString(), recordedLate: true });
    expect(detail.body.timeline[1]).toMatchObject({ onBehalfOf: CHIEF_CONSTABLE, occurredAt: '2024-10-10T09:30:00.000Z', recordedAt: NOW.toISOString(), actor: { id: OFFICE_STAFF } });
    expect(detail.body.timeline[1]).toMatchObject({ occurredKind: 'instant', recordedAfterDays: 116, recordedLate: true });
    expect(detail.body.commitments).toEqual([expect.objectContaining({ kind: 'decision', dueDate: '2025-01-31', outcome: 'missed', daysLate: 3, onBehalfOf: CHIEF_CONSTABLE })]);

    const assigned = await post(`/api/recommendations/${rec03}/assign-owner`, { owner: 'Head of Learning and Development', organisation: 'Cumbria Constabulary' }).expect(200);
    const register = await api.http().get('/api/read/register').query({ atLeast: assigned.body.position, overdue: 'true' }).expect(200);
    expect(register.body).toMatchObject({ consistent: true, total: 1, limit: 50, offset: 0 });
    expect(register.body.items[0]).toMatchObject({ recommendationId: rec03, status: 'InProgress', owner: 'Head of Learning and Development' });
  });

  it('lists, filters and pages the register, and counts for the dashboard', async () => {
    const all = await api.http().get('/api/read/register').query({ inspectionId, limit: 2, offset: 1 }).expect(200);
    expect(all.body).toMatchObject({ total: 5, limit: 2, offset: 1 });
    expect(all.body.items.map((f: { reference: string }) => f.reference)).toEqual(['REC 05', 'REC 07']);
    const issued = await api.http().get('/api/read/register').query({ status: 'Issued,NotAccepted', owner: 'nobody' }).expect(200);
    expect(issued.body.total).toBe(0);
    const dashboard = await api.http().get('/api/read/dashboard').expect(200);
    expect(dashboard.body.findings).toMatchObject({ total: 5, overdue: 1, byStatus: expect.objectContaining({ Issued: 4, InProgress: 1 }) });
    const inspection = await api.http().get(`/api/read/inspections/${inspectionId}`).expect(200);
    expect(inspection.body.statutoryResponse).toMatchObject({ dueDate: '2024-10-16', state: 'overdue', onTime: false, daysLate: 110, dayNumber: 166 });
  });

  it('serves every read model', async () => {
    for (const route of ['inspections', 'timeline', 'commitments', 'slippage', 'statutory-responses', 'challenges']) {
      const answer = await api.http().get(`/api/read/${route}`).expect(200);
      expect(answer.body).toMatchObject({ today: '2025-02-03', consistent: true, total: expect.any(Number), items: expect.any(Array) });
      // Each read model states which time it orders its items by and judges them by.
      expect(answer.body).toMatchObject({ orderedBy: expect.stringMatching(/\w/), judgedBy: expect.stringMatching(/\w/) });
    }
    for (const path of ['register', 'dashboard', `inspections/${inspectionId}`, `recommendations/${rec03}`, 'as-at?date=2025-02-02', 'changes?from=2025-02-01&to=2025-02-03']) {
      expect((await api.http().get(`/api/read/${path}`).expect(200)).body).toMatchObject({ orderedBy: expect.stringMatching(/\w/), judgedBy: expect.stringMatching(/\w/) });
    }
    expect((await api.http().get('/api/read/timeline').expect(200)).body.orderedBy).toBe('occurredAt, then recordedAt');
    expect((await api.http().get('/api/read/commitments').expect(200)).body.judgedBy).toMatch(/^the day the work was completed \(occurredAt\) against dueDate/);
    expect((await api.http().get('/api/read/register').expect(200)).body.judgedBy).toMatch(/against the inspectorate's due date and against the force's current target date/);
    const changes = await api.http().get('/api/read/changes').query({ from: '2025-02-03', to: '2025-02-03', inspectionId, basis: 'recorded' }).expect(200);
    expect(changes.body).toMatchObject({ basis: 'recorded', basisMeaning: expect.stringContaining('as the ledger showed it') });
    expect(changes.body.findings).toEqual(expect.arrayContaining([expect.objectContaining({ recommendationId: rec03, statusAtStart: null, statusAtEnd: 'InProgress' })]));
    // By default, by when things happened: REC 03 had been accepted in October 2024.
    const occurred = await api.http().get('/api/read/changes').query({ from: '2025-02-03', to: '2025-02-03', inspectionId }).expect(200);
    expect(occurred.body).toMatchObject({ basis: 'occurred', basisMeaning: expect.stringContaining('as it stood') });
    expect(occurred.body.findings).toEqual(expect.arrayContaining([expect.objectContaining({ recommendationId: rec03, statusAtStart: 'Accepted', statusAtEnd: 'InProgress' })]));
    const shown = await api.http().get('/api/read/as-at').query({ date: '2025-02-02', basis: 'recorded' }).expect(200);
    expect(shown.body).toMatchObject({ date: '2025-02-02', basis: 'recorded', total: 0, consistent: true });
    const stood = await api.http().get('/api/read/as-at').query({ date: '2025-02-02' }).expect(200);
    // As it stood: all five issued with their report in August 2024, REC 03 accepted since October.
    expect(stood.body).toMatchObject({ date: '2025-02-02', basis: 'occurred', total: 5 });
    expect(stood.body.items).toEqual(expect.arrayContaining([expect.objectContaining({ recommendationId: rec03, status: 'Accepted', overdue: true, daysOverdue: 2 })]));
    expect(stood.body.items.filter((f: { status: string }) => f.status === 'Issued')).toHaveLength(4);
    await api.http().get('/api/read/as-at').query({ date: '2025-02-02', basis: 'whenever' }).expect(400);
    const today = await api.http().get('/api/read/as-at').query({ date: '2025-02-03', overdue: 'true' }).expect(200);
    expect(today.body.items.map((f: { recommendationId: string }) => f.recommendationId)).toEqual([rec03]);
  });

  it('says so when the read models have not reached the position asked for in time', async () => {
    const answer = await api.http().get('/api/read/register').query({ atLeast: '999999999' }).expect(200);
    expect(answer.headers['ledger-consistent']).toBe('false');
    expect(answer.body).toMatchObject({ consistent: false, atLeast: '999999999', total: 5 });
  }, 15_000);

  it('refuses bad filters with a problem naming each parameter', async () => {
    const answer = await api.http().get('/api/read/register').query({ status: 'InProgress,Bogus', overdue: 'maybe', colour: 'red', limit: '0' }).expect(400);
    expect(answer.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(answer.body).toMatchObject({ type: 'tag:pfcc-ledger,2024:problems/invalid-input', status: 400 });
    expect(answer.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['colour', 'limit', 'overdue', 'status']);
    expect(answer.body.errors.find((e: { field: string }) => e.field === 'status').message).toContain('"Bogus"');

    const changes = await api.http().get('/api/read/changes').query({ to: '2025-02-30' }).expect(400);
    expect(changes.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['from', 'to']);
    const backwards = await api.http().get('/api/read/changes').query({ from: '2025-02-03', to: '2025-02-01' }).expect(400);
    expect(backwards.body.errors).toEqual([{ field: 'to', message: 'to (2025-02-01) must not be before from (2025-02-03)' }]);
    await api.http().get('/api/read/register').query({ atLeast: '-1' }).expect(400);
  });

  it('documents each read route and its query parameters in the OpenAPI document', async () => {
    const { body } = await api.http().get('/api/openapi.json').expect(200);
    const register = body.paths['/api/read/register'].get;
    expect(register.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['inspectionId', 'inspectionType', 'findingType', 'service', 'owner', 'status', 'overdue', 'blocked', 'limit', 'offset', 'atLeast']),
    );
    expect(Object.keys(register.responses)).toEqual(expect.arrayContaining(['200', '400']));
    expect(body.paths['/api/read/as-at'].get.parameters).toContainEqual(expect.objectContaining({ name: 'date', required: true }));
    for (const route of ['inspections', 'inspections/{inspectionId}', 'recommendations/{recommendationId}', 'dashboard', 'timeline', 'changes', 'commitments', 'slippage', 'statutory-responses', 'challenges']) {
      expect(body.paths[`/api/read/${route}`]?.get).toBeDefined();
    }
  });

  it('answers 404 for a finding or inspection the register does not hold', async () => {
    const missing = await api.http().get('/api/read/recommendations/no-such-finding').expect(404);
    expect(missing.body).toMatchObject({ type: 'tag:pfcc-ledger,2024:problems/not-found', recommendationId: 'no-such-finding' });
    await api.http().get('/api/read/inspections/no-such-inspection').expect(404);
  });
});
