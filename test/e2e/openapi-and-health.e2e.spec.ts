import { removeDataDir, startLedger, type LedgerUnderTest } from './support/ledger-under-test';

/** Every command route, as the issue lists them; the OpenAPI document must describe each. */
const COMMAND_PATHS = [
  '/api/inspections',
  '/api/inspections/{id}/amend',
  '/api/inspections/{id}/findings',
  ...[
    'assess-applicability',
    'accept',
    'partially-accept',
    'reject',
    'assign-owner',
    'set-target-date',
    'target-date-changes',
    'target-date-changes/approve',
    'target-date-changes/refuse',
    'actions',
    'actions/{actionId}/complete',
    'progress',
    'dependencies',
    'dependencies/{dependencyId}/clear',
    'evidence',
    'mark-complete',
    'verify',
    'return-for-further-work',
    'close',
    'inspectorate-status',
    'inspectorate-closure',
    'supersede',
    'no-longer-relevant',
    'reopen',
    'corrections',
  ].map((command) => `/api/recommendations/{id}/${command}`),
  ...['invite-chief-officer-comments', 'chief-officer-comments', 'commissioner-comments', 'reply-to-chief-officer', 'publish', 'copies', 'action-plan', 'date-corrections'].map(
    (command) => `/api/statutory-responses/{id}/${command}`,
  ),
  '/api/challenges',
  '/api/challenges/{id}/answer',
  '/api/challenges/{id}/close',
];

const HISTORY_PATHS = ['inspections', 'recommendations', 'statutory-responses', 'challenges'].map((aggregate) => `/api/${aggregate}/{id}/history`);

describe('OpenAPI and health', () => {
  let ledger: LedgerUnderTest;

  beforeAll(async () => {
    ledger = await startLedger();
  });
  afterAll(async () => {
    await ledger.stop();
    removeDataDir(ledger.dataDir);
  });

  it('serves the OpenAPI document with every command and history path', async () => {
    const response = await ledger.http().get('/api/openapi.json').expect(200);
    const paths = response.body.paths as Record<string, Record<string, { requestBody?: unknown; responses: Record<string, unknown> }>>;
    for (const path of COMMAND_PATHS) {
      expect(paths[path]?.post).toBeDefined();
      expect(Object.keys(paths[path].post.responses)).toEqual(expect.arrayContaining(['400', '404', '409', '422']));
    }
    for (const path of HISTORY_PATHS) expect(paths[path]?.get).toBeDefined();
    expect(paths['/api/recommendations/{id}/accept'].post.requestBody).toBeDefined();
    const schemas = response.body.components.schemas as Record<string, { properties: Record<string, Record<string, unknown>> }>;
    expect(schemas.AcceptRecommendationDto.properties.commitment.maxLength).toBe(10_000);
    expect(schemas.AcceptRecommendationDto.properties).not.toHaveProperty('actor');
    expect(JSON.stringify(schemas.AcceptRecommendationDto.properties.onBehalfOf)).toContain('#/components/schemas/OnBehalfOfDto');
    expect(schemas.RegisterInspectionDto.properties.findings.items).toEqual({ $ref: '#/components/schemas/FindingDto' });
    expect(schemas.FindingDto.properties.dueDate).toMatchObject({ format: 'date', nullable: true });
  });

  it('serves a browsable UI over it', async () => {
    const response = await ledger.http().get('/api/docs').redirects(1).expect(200);
    expect(response.headers['content-type']).toMatch(/text\/html/);
    expect(response.text).toContain('swagger-ui');
  });

  it('reports the store healthy, then unavailable once it is gone, when commands answer 503', async () => {
    const healthy = await ledger.http().get('/health').expect(200);
    expect(healthy.body).toMatchObject({ status: 'ok', eventStore: { ok: true, kind: 'embedded' } });

    await ledger.store.close();
    const down = await ledger.http().get('/health').expect(503);
    expect(down.body).toMatchObject({ status: 'unavailable', eventStore: { ok: false } });

    const refused = await ledger.http().post('/api/challenges').send({ forum: 'Police and Crime Panel', meetingDate: '2024-11-05', question: 'Is REC 03 on track?', answerDueBy: '2024-12-03' }).expect(503);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.body).toMatchObject({ status: 503, title: 'The event store is unavailable' });
  });
});
