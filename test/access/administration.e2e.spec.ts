import fs from 'node:fs';
import path from 'node:path';
import { createKeyPair } from '@ledger/integrity';
import { logSnapshot, removeDataDir, temporaryDataDir } from '../e2e/support/ledger-under-test';
import { ledger as cli } from '../integrity/support/run-ledger';
import { COMMAND_SCENARIOS } from './support/command-scenarios';
import { bearer, startSignedInLedger, type SignedInLedger } from './support/signed-in-ledger';

function field(page: string, name: string): string {
  const match = new RegExp(`name="${name}" value="([^"]*)"`).exec(page);
  if (!match) throw new Error(`no ${name} field in the page`);
  return match[1];
}

function cookieOf(response: { headers: Record<string, unknown> }): string {
  return ((response.headers['set-cookie'] as string[] | undefined) ?? []).map((cookie) => cookie.split(';')[0]).join('; ');
}

const READS = ['/api/read/register', '/api/read/inspections', '/api/read/commitments', '/api/read/slippage', '/api/read/challenges', '/api/read/dashboard', '/api/read/timeline'];

/** The administrator's read models and signing keys, over the API and on the pages. Nothing of it is recorded in the ledger. */
describe('administration', () => {
  let ledger: SignedInLedger;
  let scratch: string;
  const admin = () => bearer(ledger.people.admin);

  beforeAll(async () => {
    const dataDir = temporaryDataDir();
    createKeyPair(path.join(dataDir, 'keys'));
    ledger = await startSignedInLedger({}, dataDir);
    scratch = fs.mkdtempSync(path.join(dataDir, 'downloads-'));
    const progress = await COMMAND_SCENARIOS.RecordProgress(ledger);
    await ledger.http().post(progress.path).set(bearer(ledger.people['force-lead'])).send(progress.body).expect(200);
    await ledger.http().post('/api/challenges').set(bearer(ledger.people.scrutiny)).send({ forum: 'Panel', meetingDate: '2025-02-04', question: 'Why?', answerDueBy: '2025-03-04' }).expect(201);
  });
  afterAll(async () => {
    await ledger.stop();
    removeDataDir(ledger.dataDir);
  });

  async function answers(): Promise<unknown[]> {
    const head = (await logSnapshot(ledger.store)).head;
    return Promise.all(READS.map(async (url) => (await ledger.http().get(`${url}?atLeast=${head}`).set(bearer(ledger.people.scrutiny)).expect(200)).body));
  }

  async function projections(): Promise<Array<{ name: string; generation: number; state: string; checkpoint: string; lag: { events: number }; asked: { state: string; outcome: string } | null }>> {
    return (await ledger.http().get('/api/admin/projections').set(admin()).expect(200)).body;
  }

  async function untilSwappedIn(names: readonly string[]): Promise<void> {
    for (let tries = 0; tries < 200; tries += 1) {
      const statuses = await projections();
      const asked = statuses.filter((status) => names.includes(status.name));
      if (asked.some((status) => status.asked?.state === 'failed')) throw new Error(JSON.stringify(asked));
      if (asked.every((status) => status.asked?.state === 'swapped-in')) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`not swapped in: ${names.join(', ')}`);
  }

  it('rebuilds one read model, then all, through the API in the running projection thread, and the reads answer the same', async () => {
    const before = await answers();
    const log = await logSnapshot(ledger.store);
    const first = await projections();
    expect(first.map((status) => status.name)).toEqual(expect.arrayContaining(['register', 'timeline', 'commitments']));
    const register = first.find((status) => status.name === 'register')!;
    expect(register).toMatchObject({ state: 'live', lag: { events: 0 }, checkpoint: String(log.head) });

    const one = await ledger.http().post('/api/admin/projections/register/rebuild').set(admin()).send({}).expect(202);
    expect(one.body).toEqual({ rebuilding: ['register'] });
    await untilSwappedIn(['register']);
    const afterOne = await projections();
    expect(afterOne.find((status) => status.name === 'register')).toMatchObject({ generation: register.generation + 1, state: 'live', checkpoint: String(log.head) });
    expect(await answers()).toEqual(before);

    const all = await ledger.http().post('/api/admin/projections/rebuild').set(admin()).send({}).expect(202);
    expect(all.body.rebuilding).toEqual(first.map((status) => status.name));
    await untilSwappedIn(all.body.rebuilding);
    const afterAll = await projections();
    for (const status of first) expect(afterAll.find((later) => later.name === status.name)!.generation).toBeGreaterThan(status.generation);
    expect(await answers()).toEqual(before);
    expect(await logSnapshot(ledger.store)).toEqual(log);
  }, 60_000);

  it('refuses an unknown read model with a problem naming it, and rebuilds nothing', async () => {
    const before = await projections();
    const refused = await ledger.http().post('/api/admin/projections/registr/rebuild').set(admin()).send({}).expect(404);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.body).toMatchObject({ status: 404, field: 'projection', detail: expect.stringContaining('"registr"') });
    expect(refused.body.detail).toContain('register');
    await ledger.http().post('/api/admin/projections/register/rebuild').set(admin()).expect(415);
    expect((await projections()).map((status) => [status.name, status.generation])).toEqual(before.map((status) => [status.name, status.generation]));
    const page = await ledger.http().get('/admin/projections/registr/rebuild').set(admin()).expect(404);
    expect(page.text).toContain('registr');
  });

  it('the read models page shows each state, checkpoint and lag, and its rebuild button asks first, then starts the rebuild', async () => {
    const page = await ledger.http().get('/admin/projections').set(admin()).expect(200);
    const head = String((await logSnapshot(ledger.store)).head);
    expect(page.text).toContain('<h1 class="govuk-heading-l">Read models</h1>');
    expect(page.text).toMatch(new RegExp(`>register</td>[\\s\\S]*?>Live</td>[\\s\\S]*?>\\d+</td>[\\s\\S]*?>${head}</td>`));
    const confirm = await ledger.http().get('/admin/projections/timeline/rebuild').set(admin()).expect(200);
    expect(confirm.text).toContain('Rebuild the timeline read model?');
    const generation = (await projections()).find((status) => status.name === 'timeline')!.generation;
    const started = await ledger.http().post('/admin/projections/timeline/rebuild').set(admin()).set('Cookie', cookieOf(confirm)).type('form').send({ _csrf: field(confirm.text, '_csrf') }).expect(303);
    expect(started.headers.location).toBe('/admin/projections?asked=timeline');
    await untilSwappedIn(['timeline']);
    expect((await projections()).find((status) => status.name === 'timeline')!.generation).toBe(generation + 1);
    const after = await ledger.http().get(started.headers.location).set(admin()).expect(200);
    expect(after.text).toContain('Rebuild started: timeline');
    expect(after.text).toMatch(/Rebuilt: generation \d+ swapped in/);
    // A form not sent from the page (no CSRF token) starts nothing.
    await ledger.http().post('/admin/projections/timeline/rebuild').set(admin()).type('form').send({}).expect(403);
    expect((await projections()).find((status) => status.name === 'timeline')!.generation).toBe(generation + 1);
  }, 60_000);

  async function download(url: string, file: string): Promise<string> {
    const answer = await ledger.http().get(url).set(bearer(ledger.people['hmicfrs-liaison'])).buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });
    expect(answer.status).toBe(200);
    const target = path.join(scratch, file);
    fs.writeFileSync(target, answer.body as Buffer);
    return target;
  }

  async function exportNow(name: string): Promise<{ manifest: string; keyId: string }> {
    const exported = await ledger.http().post('/api/exports').set(bearer(ledger.people['hmicfrs-liaison'])).send({ format: 'jsonl' }).expect(201);
    const folder = fs.mkdtempSync(path.join(scratch, `${name}-`));
    const manifestFile = await download(exported.body.links.manifest, path.relative(scratch, path.join(folder, 'export.manifest.json')));
    const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
    await download(exported.body.links.file, path.relative(scratch, path.join(folder, manifest.files[0].name)));
    return { manifest: manifestFile, keyId: manifest.signature.keyId };
  }

  it('the signing keys page shows the fingerprint ledger verify-export accepts for an export made after a rotation; the retired key still checks the earlier one', async () => {
    const earlier = await exportNow('earlier');
    const keysPage = await ledger.http().get('/admin/signing-keys').set(admin()).expect(200);
    expect(keysPage.text).toContain(earlier.keyId);

    const confirm = await ledger.http().get('/admin/signing-keys/rotate').set(admin()).expect(200);
    expect(confirm.text).toContain('Rotate the signing key?');
    const rotated = await ledger.http().post('/admin/signing-keys/rotate').set(admin()).set('Cookie', cookieOf(confirm)).type('form').send({ _csrf: field(confirm.text, '_csrf') }).expect(303);
    const page = await ledger.http().get(rotated.headers.location).set(admin()).expect(200);
    const fingerprints = [...page.text.matchAll(/<code class="govuk-!-text-break-word" data-key-id>([0-9a-f]{64})<\/code>/g)].map((match) => match[1]);
    expect(fingerprints).toHaveLength(2);
    const [current, retired] = fingerprints;
    expect(retired).toBe(earlier.keyId);
    expect(page.text).toMatch(new RegExp(`New exports are now signed with key\\s+${current}\\.`));

    const later = await exportNow('later');
    expect(later.keyId).toBe(current);
    // The administrator's key list is theirs alone; the liaison is refused it.
    await ledger.http().get(`/api/admin/signing-keys/${current}/public-key`).set(bearer(ledger.people['hmicfrs-liaison'])).expect(403);
    const asAdmin = async (keyId: string, file: string) => {
      const answer = await ledger.http().get(`/api/admin/signing-keys/${keyId}/public-key`).set(admin()).expect(200);
      fs.writeFileSync(path.join(scratch, file), answer.text ?? String(answer.body));
      return path.join(scratch, file);
    };
    const currentPem = await asAdmin(current, 'current.pub.pem');
    const retiredPem = await asAdmin(retired, 'retired.pub.pem');
    // The public key anyone may fetch is the current one.
    expect((await ledger.http().get('/api/exports/public-key').set(bearer(ledger.people.scrutiny)).expect(200)).headers['ledger-key-id']).toBe(current);

    const checked = await cli(['verify-export', later.manifest, '--public-key', currentPem], {});
    expect(checked.stdout).toContain(`signature valid (key ${current})`);
    expect(checked.code).toBe(0);
    const old = await cli(['verify-export', earlier.manifest, '--public-key', retiredPem], {});
    expect(old.stdout).toContain(`signature valid (key ${retired})`);
    expect(old.code).toBe(0);
    expect((await cli(['verify-export', earlier.manifest, '--public-key', currentPem], {})).code).toBe(1);

    await ledger.http().get(`/api/admin/signing-keys/${'0'.repeat(64)}/public-key`).set(admin()).expect(404);
    const malformed = await ledger.http().get('/api/admin/signing-keys/not-a-key/public-key').set(admin()).expect(400);
    expect(malformed.body.errors).toEqual([expect.objectContaining({ field: 'keyId' })]);
    const listed = await ledger.http().get('/api/admin/signing-keys').set(admin()).expect(200);
    expect(listed.body.map((key: { keyId: string; current: boolean }) => [key.keyId, key.current])).toEqual([
      [current, true],
      [retired, false],
    ]);
  }, 60_000);
});
