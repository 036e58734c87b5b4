import { COMMAND_ROLES, isCapability, mayDo, ROLES, rolesFor, type Capability, type CommandName, type Role } from '@ledger/application';
import { createKeyPair } from '@ledger/integrity';
import path from 'node:path';
import { RECOMMENDATION_FORMS } from '../../apps/api/src/web/record/recommendation/recommendation-forms';
import { INSPECTION_FORMS } from '../../apps/api/src/web/record/inspection/inspection-forms';
import { STATUTORY_FORMS } from '../../apps/api/src/web/record/inspection/statutory-forms';
import { REGISTRATION_PATH } from '../../apps/api/src/web/record/inspection/registration.controller';
import { logSnapshot, removeDataDir, temporaryDataDir } from '../e2e/support/ledger-under-test';
import { evidence } from '../e2e/support/sample-requests';
import { COMMAND_SCENARIOS } from './support/command-scenarios';
import { bearer, startSignedInLedger, type SignedInLedger } from './support/signed-in-ledger';

/**
 * Generated from the role table: every command, query, export and page route, tried by each role
 * and by nobody. A role the table lists gets a 2xx; any other gets 403 and nothing is appended;
 * nobody gets 401 (a redirect to sign-in for pages). The ledger runs as in production: real
 * people with API tokens, no development identities.
 */
interface Operation {
  method: string;
  path: string;
  capability: Capability;
  /** The roles the OpenAPI description names (`x-roles`). */
  roles?: string[];
}

const WHO: (Role | 'anonymous')[] = [...ROLES, 'anonymous'];

describe('the role table, route by route', () => {
  let ledger: SignedInLedger;
  let operations: Operation[];
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    const dataDir = temporaryDataDir();
    createKeyPair(path.join(dataDir, 'keys'));
    ledger = await startSignedInLedger({}, dataDir);
    const document = await ledger.http().get('/api/openapi.json').set(bearer(ledger.people.scrutiny)).expect(200);
    operations = [];
    for (const [route, methods] of Object.entries(document.body.paths as Record<string, Record<string, { 'x-capability'?: string; 'x-roles'?: string[] }>>)) {
      for (const [method, operation] of Object.entries(methods)) {
        if (route === '/health') continue;
        const capability = operation['x-capability'];
        if (capability === undefined || !isCapability(capability)) throw new Error(`${method.toUpperCase()} ${route} names no capability of the role table`);
        operations.push({ method, path: route, capability, roles: operation['x-roles'] });
      }
    }
    // Something to read: an inspection, a recommendation under way, a challenge, a signed export.
    const p = await COMMAND_SCENARIOS.RecordProgress(ledger);
    await ledger.http().post(p.path).set(bearer(ledger.people['force-lead'])).send(p.body).expect(200);
    ids.recommendationId = p.path.split('/')[3];
    const history = await ledger.http().get(`/api/recommendations/${ids.recommendationId}/history`).set(bearer(ledger.people.office)).expect(200);
    ids.inspectionId = String(history.body.events[0].data.inspectionId);
    const challenge = await ledger.http().post('/api/challenges').set(bearer(ledger.people.scrutiny)).send({ forum: 'Panel', meetingDate: '2025-02-04', question: 'Why?', answerDueBy: '2025-03-04' }).expect(201);
    ids.challengeId = challenge.body.challengeId;
    const exported = await ledger.http().post('/api/exports').set(bearer(ledger.people['hmicfrs-liaison'])).send({ format: 'jsonl' }).expect(201);
    ids.exportId = exported.body.id ?? exported.body.exportId;
    const submitted = evidence('Training register');
    await ledger.http().post(`/api/recommendations/${ids.recommendationId}/evidence`).set(bearer(ledger.people['force-lead'])).send(submitted).expect(201);
    ids.sha256 = String(submitted.sha256);
    ids.personId = ledger.register('Someone to administer', 'scrutiny', 'Cumbria Police, Fire and Crime Panel').person.id;
  });
  afterAll(async () => {
    await ledger.stop();
    removeDataDir(ledger.dataDir);
  });

  function send(method: string, url: string, who: Role | 'anonymous', body?: object) {
    const test = method === 'post' ? ledger.http().post(url) : ledger.http().get(url);
    if (who !== 'anonymous') test.set(bearer(ledger.people[who]));
    return body === undefined ? test : test.send(body);
  }

  it('tries every route the server has, except the few open to anyone', () => {
    const tried = [
      ...operations.map((operation) => ({ method: operation.method, url: concrete(operation.path, ids) })),
      ...OUTSIDE_OPENAPI.map((read) => ({ method: read.method, url: read.path })),
      ...pageRoutes(ids).map((page) => ({ method: page.method, url: page.url })),
    ];
    const untried = serverRoutes(ledger)
      .filter((route) => !OPEN_TO_ANYONE.some((open) => open.test(route.path)) && !API_DESCRIPTION_FILES.test(route.path))
      .filter((route) => !tried.some((attempt) => attempt.method === route.method && routePattern(route.path).test(attempt.url)))
      .map((route) => `${route.method.toUpperCase()} ${route.path}`);
    expect(untried).toEqual([]);
  });

  it('names a capability for every API operation, with the roles the table gives it, and every command of the table has its route', () => {
    const commands = operations.filter((operation) => operation.method === 'post' && Object.hasOwn(COMMAND_ROLES, operation.capability)).map((operation) => operation.capability);
    expect(new Set(commands)).toEqual(new Set(Object.keys(COMMAND_ROLES)));
    expect(operations.length).toBeGreaterThan(commands.length);
    for (const operation of operations) expect({ ...operation, roles: operation.roles }).toEqual({ ...operation, roles: [...rolesFor(operation.capability)] });
  });

  it.each(Object.keys(COMMAND_ROLES) as CommandName[])('%s: the roles listed get 2xx, the others 403 with nothing appended, nobody 401', async (command) => {
    const route = operations.find((operation) => operation.method === 'post' && operation.capability === command)!;
    const shared = await COMMAND_SCENARIOS[command](ledger);
    expect(route.path.replace(/\{\w+\}/g, '[^/]+')).toBeTruthy();
    expect(new RegExp(`^${route.path.replace(/\{\w+\}/g, '[^/]+')}$`).test(shared.path)).toBe(true);
    const before = await logSnapshot(ledger.store);
    for (const who of WHO) {
      if (who !== 'anonymous' && mayDo(who, command)) continue;
      const answer = await send('post', shared.path, who, shared.body);
      expect({ who, status: answer.status }).toEqual({ who, status: who === 'anonymous' ? 401 : 403 });
      expect(answer.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
    expect(await logSnapshot(ledger.store)).toEqual(before);
    let first = true;
    for (const role of ROLES.filter((r) => mayDo(r, command))) {
      const prepared = first ? shared : await COMMAND_SCENARIOS[command](ledger);
      first = false;
      const answer = await send('post', prepared.path, role, prepared.body);
      expect({ role, status: answer.status, body: answer.status < 300 ? null : answer.body }).toEqual({ role, status: expect.any(Number), body: null });
      expect(answer.status).toBeLessThan(300);
    }
  });

  it('every query and export: the roles listed get 2xx, the others 403, nobody 401', async () => {
    const reads = [...operations.filter((operation) => operation.method === 'get'), ...OUTSIDE_OPENAPI];
    expect(reads.length).toBeGreaterThan(10);
    for (const read of reads) {
      const url = concrete(read.path, ids) + (QUERIES[read.path] ?? '');
      for (const who of WHO) {
        const answer = await send('get', url, who);
        const expected = who === 'anonymous' ? 401 : mayDo(who, read.capability) ? 200 : 403;
        expect({ url, who, status: answer.status }).toEqual({ url, who, status: expected });
      }
    }
  });

  it('every page: the roles listed see it, the others get 403, nobody is sent to sign in', async () => {
    const pages = pageRoutes(ids);
    const before = await logSnapshot(ledger.store);
    for (const page of pages) {
      for (const who of WHO) {
        const answer = await send(page.method, page.url, who, page.method === 'post' ? {} : undefined);
        if (who === 'anonymous') {
          expect({ page: page.url, who, status: answer.status, location: answer.headers.location }).toEqual({ page: page.url, who, status: 303, location: expect.stringMatching(/^\/sign-in/) });
        } else if (!mayDo(who, page.capability)) {
          expect({ page: page.url, method: page.method, who, status: answer.status }).toEqual({ page: page.url, method: page.method, who, status: 403 });
        } else if (page.method === 'get') {
          // A form that cannot be used in the recommendation's present state says so (409); it is still the page.
          const usual = page.absent ? [404] : page.notNow ? [200, 409] : [200];
          expect({ page: page.url, who, status: usual.includes(answer.status) ? usual : answer.status }).toEqual({ page: page.url, who, status: usual });
        }
      }
    }
    expect(await logSnapshot(ledger.store)).toEqual(before);
  }, 300_000);

  it('the API description: anyone signed in reads it, nobody is sent to sign in', async () => {
    for (const path of API_DESCRIPTION) {
      for (const who of WHO) {
        const answer = await send('get', path, who);
        const expected = who !== 'anonymous' ? 200 : path.endsWith('.json') || path.endsWith('.yaml') ? 401 : 303;
        expect({ path, who, status: answer.status }).toEqual({ path, who, status: expected });
      }
    }
  });
});

/**
 * What anyone may open, signed in or not: /health, signing in and out, the static files the
 * sign-in page needs, choosing a development person (404 without development identities), the
 * public register the office chose to publish, and a calendar feed (its address carries its own
 * token).
 */
const OPEN_TO_ANYONE: RegExp[] = [
  /^\/health$/,
  /^\/sign-(in|out)(\/|$)/,
  /^\/(govuk|assets)\//,
  /^\/ledger\/(init\.js|reading\.css|charts\.css)$/,
  /^\/acting-as\/?$/,
  /^\/public(\/|$)/,
  /^\/calendar\/feeds\//,
];

interface ServerRoute {
  method: string;
  path: string;
}

/** Every route Express has, as Nest registered it. */
function serverRoutes(ledger: SignedInLedger): ServerRoute[] {
  const express = ledger.app.getHttpAdapter().getInstance() as { router: { stack: { route?: { path: string; methods: Record<string, boolean> } }[] } };
  return express.router.stack.flatMap((layer) => (layer.route ? Object.keys(layer.route.methods).map((method) => ({ method, path: layer.route!.path })) : []));
}

/** An Express route path (`:name` parameters, `*name` wildcards, a trailing slash or not) as a pattern for concrete addresses. */
function routePattern(path: string): RegExp {
  const escaped = (path.length > 1 ? path.replace(/\/$/, '') : path).replace(/[.+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^${escaped.replace(/:\w+/g, '[^/]+').replace(/\*\w+/g, '.+')}(\\?.*)?$`);
}

/** The OpenAPI UI (its page and files) and document, served by Swagger's own middleware behind one sign-in check (tried by their own test). */
const API_DESCRIPTION_FILES = /^\/api\/(docs|openapi)(\/|\.|$)/;
const API_DESCRIPTION = ['/api/docs', '/api/docs/', '/api/docs/index.html', '/api/docs/swagger-ui-init.js', '/api/openapi.json', '/api/openapi.yaml'];

/** Reads that are not in the OpenAPI description: the Prometheus metrics. */
const OUTSIDE_OPENAPI: Operation[] = [{ method: 'get', path: '/metrics', capability: 'metrics' }];

const QUERIES: Record<string, string> = {
  '/api/read/as-at': '?date=2025-06-01',
  '/api/read/changes': '?from=2024-01-01&to=2025-12-31',
};

function concrete(template: string, ids: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (name !== 'id') return ids[name] ?? name;
    if (template.startsWith('/api/recommendations')) return ids.recommendationId;
    if (template.startsWith('/api/inspections') || template.startsWith('/api/statutory-responses')) return ids.inspectionId;
    if (template.startsWith('/api/challenges')) return ids.challengeId;
    if (template.startsWith('/api/exports')) return ids.exportId;
    throw new Error(`no id for ${template}`);
  });
}

interface PageRoute {
  method: 'get' | 'post';
  url: string;
  capability: Capability;
  notNow?: boolean;
  /** What those allowed get is 404: it names something this ledger does not hold. */
  absent?: boolean;
}

function pageRoutes(ids: Record<string, string>): PageRoute[] {
  const both = (url: string, capability: Capability, notNow = false): PageRoute[] => [
    { method: 'get', url, capability, notNow },
    { method: 'post', url, capability },
  ];
  const rec = `/recommendations/${ids.recommendationId}`;
  const inspection = `/inspections/${ids.inspectionId}`;
  return [
    { method: 'get', url: '/', capability: 'home' },
    ...['/register', inspection, rec, '/changes', '/as-at', '/commitments', '/slippage', '/statutory-responses', '/challenges', '/dashboard', '/pack'].map((url): PageRoute => ({ method: 'get', url, capability: 'read' })),
    { method: 'get', url: '/import', capability: 'import-page' },
    ...both('/people', 'manage-people'),
    { method: 'post', url: '/import/preview', capability: 'import-page' },
    { method: 'post', url: '/import/confirm', capability: 'import-page' },
    ...both(REGISTRATION_PATH, 'RegisterInspection'),
    ...RECOMMENDATION_FORMS.flatMap((form) => both(`${rec}/record/${form.key}`, form.command, true)),
    ...[...INSPECTION_FORMS, ...STATUTORY_FORMS].flatMap((form) => both(`${inspection}/record/${form.key}`, form.command, true)),
    ...both('/challenges/raise', 'RaiseChallenge'),
    ...both(`/challenges/${ids.challengeId}/answer`, 'AnswerChallenge', true),
    ...both(`/challenges/${ids.challengeId}/close`, 'CloseChallenge', true),
    ...both(`${rec}/evidence-file`, 'SubmitEvidence'),
    { method: 'get', url: `/evidence/${ids.sha256}`, capability: 'read' },
    // The ledger holds the evidence's hash; its file was never uploaded here (404), which only those who may read learn.
    { method: 'get', url: `/evidence/${ids.sha256}/file`, capability: 'read', absent: true },
    ...both('/exports', 'export'),
    { method: 'get', url: `/exports/${ids.exportId}`, capability: 'export' },
    { method: 'get', url: '/ledger/exports.css', capability: 'export' },
    ...['sign-in-link', 'tokens', 'disable'].map((action): PageRoute => ({ method: 'post', url: `/people/${ids.personId}/${action}`, capability: 'manage-people' })),
    ...['', '/download.html', '/download.txt'].map((download): PageRoute => ({ method: 'get', url: `${inspection}/published-response${download}`, capability: 'publish-response' })),
    ...both('/public-register/settings', 'SetPublicRegister'),
    { method: 'get', url: '/calendar', capability: 'calendar-feed' },
    { method: 'post', url: '/calendar/address', capability: 'calendar-feed' },
    { method: 'post', url: '/calendar/revoke', capability: 'calendar-feed' },
  ];
}
