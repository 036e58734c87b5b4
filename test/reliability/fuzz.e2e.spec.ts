import fc from 'fast-check';
import request from 'supertest';
import { readSamplePage } from '../e2e/support/sample-page';
import { registration } from '../e2e/support/sample-requests';
import { post, waitForHistory } from '../e2e/support/http';
import { removeDataDir, startLedger, type LedgerUnderTest } from '../e2e/support/ledger-under-test';

/** Generated bodies per command route: bounded, so the whole file stays within its timeout. */
const RUNS_PER_ROUTE = 6;

interface Route {
  path: string;
  fields: string[];
}

/** Every command route the OpenAPI document lists (POST under /api, exports aside), with its body's field names. */
async function commandRoutes(ledger: LedgerUnderTest): Promise<Route[]> {
  const document = (await ledger.http().get('/api/openapi.json').expect(200)).body as {
    paths: Record<string, { post?: { requestBody?: { content?: Record<string, { schema?: { $ref?: string } }> } } }>;
    components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
  };
  return Object.entries(document.paths)
    .filter(([path, item]) => item.post !== undefined && path.startsWith('/api/') && !path.startsWith('/api/exports'))
    .map(([path, item]) => {
      const ref = item.post?.requestBody?.content?.['application/json']?.schema?.$ref;
      const schema = ref ? document.components.schemas[ref.split('/').pop()!] : undefined;
      return { path, fields: Object.keys(schema?.properties ?? {}) };
    });
}

/** Waits until nothing more is appended (a registration issues its findings after it answers). */
async function settled(ledger: LedgerUnderTest): Promise<bigint | null> {
  let head = await ledger.store.headPosition();
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 150));
    const now = await ledger.store.headPosition();
    if (now === head) return head;
    head = now;
  }
}

describe('fuzz: generated bodies against every command route', () => {
  let ledger: LedgerUnderTest;
  let ids: string[];

  beforeAll(async () => {
    ledger = await startLedger();
    const registered = await post(ledger, '/api/inspections', registration(readSamplePage())).expect(201);
    ids = [registered.body.inspectionId as string, ...(registered.body.findingIds as string[])];
    expect((await waitForHistory(ledger, `/api/recommendations/${ids[1]}/history`)).status).toBe(200);
    await post(ledger, `/api/recommendations/${ids[1]}/accept`, { commitment: 'Train every detective' }).expect(200);
  });
  afterAll(async () => {
    await ledger.stop();
    removeDataDir(ledger.dataDir);
  });

  it('no route answers 5xx, and a 4xx appends nothing', async () => {
    const routes = await commandRoutes(ledger);
    expect(routes.length).toBeGreaterThan(30);
    const answered = new Map<number, number>();
    for (const route of routes) {
      const id = fc.constantFrom(...ids, '00000000-0000-4000-8000-000000000000', 'not-an-id', '%2e%2e');
      const field = fc.constantFrom(...route.fields, 'extra', '__proto__', 'constructor');
      const body = fc.oneof(
        fc.dictionary(field, fc.jsonValue({ maxDepth: 3 }), { maxKeys: 6 }),
        fc.jsonValue({ maxDepth: 3 }),
        fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 2 })),
      );
      await fc.assert(
        fc.asyncProperty(fc.array(id, { minLength: 3, maxLength: 3 }), body, async ([a, b, c], generated) => {
          const path = route.path.replace(/\{[^}]+\}/, a).replace(/\{[^}]+\}/, b).replace(/\{[^}]+\}/, c);
          const before = await ledger.store.headPosition();
          const response = await request(ledger.url).post(path).set('Content-Type', 'application/json').send(JSON.stringify(generated));
          answered.set(response.status, (answered.get(response.status) ?? 0) + 1);
          if (response.status >= 500) throw new Error(`${path} answered ${response.status} to ${JSON.stringify(generated)}: ${response.text}`);
          if (response.status >= 400) {
            expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
            expect(await ledger.store.headPosition()).toBe(before);
          } else {
            await settled(ledger);
          }
        }),
        { numRuns: RUNS_PER_ROUTE },
      );
    }
    // The generator reached refusals of more than one kind, not one early wall.
    expect([...answered.keys()].filter((status) => status >= 400).length).toBeGreaterThan(1);
  }, 180_000);
});

describe('bodies built to exhaust the server', () => {
  let ledger: LedgerUnderTest;

  beforeAll(async () => {
    ledger = await startLedger();
  });
  afterAll(async () => {
    await ledger.stop();
    removeDataDir(ledger.dataDir);
  });

  it('JSON nested 1,500 deep, anywhere in a command body, is a 400 problem and appends nothing', async () => {
    const deep = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
    const bodies = [
      `${'['.repeat(1500)}${']'.repeat(1500)}`,
      `{"commitment":"x","onBehalfOf":${deep(1500)}}`,
      `{"title":"t","findings":[${deep(1500)}]}`,
      `{"changes":${'{"title":'.repeat(1500)}1${'}'.repeat(1500)},"reason":"r"}`,
      `{"extra":${deep(1500)}}`,
    ];
    const paths = ['/api/inspections', '/api/recommendations/00000000-0000-4000-8000-000000000001/accept', '/api/inspections/00000000-0000-4000-8000-000000000001/amend'];
    const head = await ledger.store.headPosition();
    for (const path of paths) {
      for (const body of bodies) {
        const response = await request(ledger.url).post(path).set('Content-Type', 'application/json').send(body);
        expect({ path, body: body.slice(0, 40), status: response.status }).toEqual({ path, body: body.slice(0, 40), status: 400 });
        expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      }
    }
    expect(await ledger.store.headPosition()).toBe(head);
  });

  it('an HTML page nested 140,000 deep, uploaded to the page importer, is a 400 naming the problem while the server goes on answering', async () => {
    const agent = request.agent(ledger.url);
    const form = await agent.get('/import').expect(200);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(form.text)![1];
    const page = `<html><body>${'<div>'.repeat(140_000)}x${'</div>'.repeat(140_000)}</body></html>`;
    const head = await ledger.store.headPosition();

    const [upload, health, command] = await Promise.all([
      agent.post('/import/preview').set('Origin', ledger.url).field('_csrf', csrf).attach('pageFile', Buffer.from(page), { filename: 'deep.html', contentType: 'text/html' }),
      request(ledger.url).get('/health'),
      post(ledger, '/api/inspections', registration(readSamplePage())),
    ]);

    expect(upload.status).toBe(400);
    expect(upload.text).toContain('nests elements more than 1000 deep');
    expect(health.status).toBe(200);
    expect(command.status).toBe(201);
    expect(await ledger.store.headPosition()).toBeGreaterThan(head ?? 0n);
  });
});
