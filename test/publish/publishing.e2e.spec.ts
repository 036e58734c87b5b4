import fs from 'node:fs';
import path from 'node:path';
import ICAL from 'ical.js';
import { DomUtils, parseDocument } from 'htmlparser2';
import { planPageImport, PageImportRecorder } from '@ledger/application/import-page';
import { createKeyPair, exportToFile, ledgerDigest } from '@ledger/integrity';
import { logSnapshot, removeDataDir, temporaryDataDir } from '../e2e/support/ledger-under-test';
import { ledgerProcess } from '../integrity/support/run-ledger';
import { bearer, FORCE, startSignedInLedger, type SignedInLedger } from '../access/support/signed-in-ledger';

const repoRoot = path.resolve(__dirname, '..', '..');
const SAMPLE = fs.readFileSync(path.join(repoRoot, '..', 'shared', 'samples', 'cumbria-rasso-national-operating-model-2024.txt'), 'utf8');
const FIRE = fs.readFileSync(path.join(repoRoot, 'test', 'fixtures', 'pages', 'fire-cause-of-concern.txt'), 'utf8');
const IMPORTER = { id: 'importer-1', name: 'Jane Importer-Smith', role: 'office', organisation: 'Cumbria OPFCC' };

function expectProblem(answer: { status: number; headers: Record<string, string>; body: unknown }, status: number): void {
  expect({ status: answer.status, type: answer.headers['content-type'] }).toEqual({ status, type: expect.stringMatching(/^application\/problem\+json/) });
}

/** The text a person reads on a page: what names would show in. */
function visibleText(html: string): string {
  return DomUtils.textContent(parseDocument(html).children).replace(/\s+/g, ' ');
}

describe('publishing: the response page, the public register, its export and feed, and calendars', () => {
  let ledger: SignedInLedger;
  let published: { inspectionId: string; rec03: string };
  let unpublishedId: string;
  let names: string[];

  beforeAll(async () => {
    const dataDir = temporaryDataDir();
    createKeyPair(path.join(dataDir, 'keys'));
    ledger = await startSignedInLedger({}, dataDir);
    const recorder = ledger.app.get(PageImportRecorder, { strict: false });
    const today = '2026-01-01';
    const sample = planPageImport(SAMPLE, { today, responseDate: '2024-10-10' });
    await recorder.record(sample, { actor: IMPORTER, source: 'import' });
    // The fire page does not say when its action plan was published: it is not published.
    const fire = planPageImport(FIRE, { today });
    await recorder.record(fire, { actor: IMPORTER, source: 'import' });
    unpublishedId = fire.inspectionId!;
    const rec03 = sample.findings.find((f) => f.reference === 'REC 03')!.findingId;
    published = { inspectionId: sample.inspectionId!, rec03 };

    // REC 03's target date (2025-01-31, from its commitment) is moved, with a reason, and approved.
    const rec = `/api/recommendations/${rec03}`;
    await ledger.http().post(`${rec}/assign-owner`).set(bearer(ledger.people.office)).send({ owner: 'Head of Learning', organisation: FORCE }).expect(200);
    await ledger.http().post(`${rec}/target-date-changes`).set(bearer(ledger.people['force-lead'])).send({ from: '2025-01-31', to: '2025-03-31', reason: 'Trainer shortage in the autumn' }).expect(200);
    await ledger.http().post(`${rec}/target-date-changes/approve`).set(bearer(ledger.people.commissioner)).send({ comment: null }).expect(200);
    // Progress the office records on a named officer's behalf, naming another; a scrutiny challenge naming the inspection.
    await ledger.http().post(`${rec}/progress`).set(bearer(ledger.people.office)).send({ narrative: 'Sergeant Ann Example trained 40 detectives', percentComplete: 20, rag: 'green', onBehalfOf: { name: 'Detective Superintendent Bob Example', role: 'Head of Crime', organisation: FORCE } }).expect(200);
    await ledger.http().post('/api/challenges').set(bearer(ledger.people.scrutiny)).send({ forum: 'Police and Crime Panel', meetingDate: '2025-02-04', question: 'Why did REC 03 slip? (a challenge question)', answerDueBy: '2025-03-04', inspectionId: published.inspectionId }).expect(201);
    names = [IMPORTER.name, ...Object.values(ledger.people).map((p) => p.person.name), ledger.otherForceLead.person.name, 'Detective Superintendent Bob Example'];
  }, 120_000);

  afterAll(async () => {
    await ledger.stop();
    removeDataDir(ledger.dataDir);
  });

  describe('the statutory response, generated', () => {
    const url = () => `/api/inspections/${published.inspectionId}/published-response`;

    it('office and commissioner get the page as HTML or text; the text is the published response', async () => {
      const html = await ledger.http().get(url()).set(bearer(ledger.people.commissioner)).expect(200);
      expect(html.headers['content-type']).toMatch(/^text\/html/);
      expect(html.text).toContain('REC 03');
      expect(html.text).toContain('The Chief Constable stated, I welcome this recent HMICFRS inspection report.');
      const text = await ledger.http().get(`${url()}?format=text`).set(bearer(ledger.people.office)).expect(200);
      expect(text.text).toContain('Date of response:\t10 October 2024');
      const preview = await ledger.http().get(`/inspections/${published.inspectionId}/published-response`).set(bearer(ledger.people.office)).expect(200);
      expect(preview.text).toContain('href="/ledger/reading.css"');
      const inspectionPage = await ledger.http().get(`/inspections/${published.inspectionId}`).set(bearer(ledger.people.office)).expect(200);
      for (const link of [`/inspections/${published.inspectionId}/published-response`, '/download.html', '/download.txt']) expect(inspectionPage.text).toContain(link);
      const download = await ledger.http().get(`/inspections/${published.inspectionId}/published-response/download.html`).set(bearer(ledger.people.commissioner)).expect(200);
      expect(download.headers['content-disposition']).toBe(`attachment; filename="statutory-response-${published.inspectionId}.html"`);
      expect(download.text).toContain('<style>');
    });

    it('refuses anyone not signed in (401), a role without publish-response (403), an unknown inspection (404) and a bad format (400), as problem+json', async () => {
      expectProblem(await ledger.http().get(url()), 401);
      expectProblem(await ledger.http().get(url()).set(bearer(ledger.people.scrutiny)), 403);
      expectProblem(await ledger.http().get(url()).set(bearer(ledger.people['force-lead'])), 403);
      expectProblem(await ledger.http().get('/api/inspections/no-such-inspection/published-response').set(bearer(ledger.people.office)), 404);
      const bad = await ledger.http().get(`${url()}?format=pdf`).set(bearer(ledger.people.office));
      expectProblem(bad, 400);
      expect(bad.body.errors).toEqual([{ field: 'format', message: expect.stringContaining('html or text') }]);
    });
  });

  describe('the public register', () => {
    it('is 404 everywhere while switched off', async () => {
      for (const address of ['/public', '/public/feed.atom', `/public/inspections/${published.inspectionId}`, '/public/office-public-key.pem']) {
        expect({ address, status: (await ledger.http().get(address)).status }).toEqual({ address, status: 404 });
      }
    });

    it('is switched on by the office or commissioner only: nobody gets 401, other roles 403, problem+json, and nothing is recorded', async () => {
      const before = await logSnapshot(ledger.store);
      expectProblem(await ledger.http().post('/api/public-register').send({ enabled: true }), 401);
      for (const role of ['force-lead', 'scrutiny', 'verifier', 'hmicfrs-liaison', 'admin'] as const) {
        const answer = await ledger.http().post('/api/public-register').set(bearer(ledger.people[role])).send({ enabled: true });
        expectProblem(answer, 403);
      }
      const notBoolean = await ledger.http().post('/api/public-register').set(bearer(ledger.people.office)).send({ enabled: 'yes' });
      expectProblem(notBoolean, 400);
      expect(await logSnapshot(ledger.store)).toEqual(before);

      const on = await ledger.http().post('/api/public-register').set(bearer(ledger.people.office)).send({ enabled: true }).expect(200);
      const history = (await ledger.store.readStream(on.body.streamId)[Symbol.asyncIterator]().next()).value;
      expect(history).toMatchObject({ type: 'PublicRegisterEnabled', metadata: { actor: { id: ledger.people.office.person.id, role: 'office' } } });
      // The read models pass over the new stream: none is faulted by it.
      const position = BigInt(on.body.position);
      for (let tries = 0; ; tries++) {
        const health = await ledger.http().get('/health');
        const projections = health.body.projections as { name: string; state: string; checkpoint: string | null }[];
        if (projections.every((p) => p.checkpoint !== null && BigInt(p.checkpoint) >= position) || tries > 100) {
          expect({ status: health.status, faulted: projections.filter((p) => p.state === 'faulted').map((p) => p.name) }).toEqual({ status: 200, faulted: [] });
          break;
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const again = await ledger.http().post('/api/public-register').set(bearer(ledger.people.commissioner)).send({ enabled: true });
      expectProblem(again, 422);
      expect(again.body.rule).toBe('IllegalTransition');
    });

    it('lists only published inspections, with no one named, and 404s an unpublished one', async () => {
      const list = await ledger.http().get('/public').expect(200);
      expect(list.text).toContain('Progress to introduce a national operating model');
      expect(list.text).not.toContain('Example Fire and Rescue Service');
      expect((await ledger.http().get(`/public/inspections/${unpublishedId}`)).status).toBe(404);
      expect((await ledger.http().get(`/public/inspections/${unpublishedId}/response`)).status).toBe(404);

      const detail = await ledger.http().get(`/public/inspections/${published.inspectionId}`).expect(200);
      const text = visibleText(detail.text);
      expect(text).toContain('Trainer shortage in the autumn');
      expect(text).toContain('31 March 2025');
      for (const page of [list.text, detail.text]) for (const name of names) expect(visibleText(page)).not.toContain(name);
    });

    it('shows the ledger digest it was built from, and links a signed public export that verifies offline (a separate process) and holds no name, nothing unpublished and no challenge', async () => {
      const detail = await ledger.http().get(`/public/inspections/${published.inspectionId}`).expect(200);
      const digest = await ledgerDigest(ledger.store);
      expect(visibleText(detail.text)).toContain(`as at event ${digest.events}. Ledger digest: ${digest.digest}`);
      expect(visibleText(detail.text)).toContain('who recorded it, and anything the office has not published, are withheld, and the manifest says exactly what and why');
      expect(visibleText(detail.text)).toContain('--against FULL_EXPORT.jsonl');

      const links = [...detail.text.matchAll(/href="(\/public\/[^"]+)" download/g)].map((m) => m[1]);
      expect(links).toHaveLength(3);
      const folder = fs.mkdtempSync(path.join(ledger.dataDir, 'downloaded-'));
      for (const link of links) {
        const file = await ledger.http().get(link).buffer(true).parse((res, done) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => done(null, Buffer.concat(chunks)));
        }).expect(200);
        fs.writeFileSync(path.join(folder, decodeURIComponent(link.split('/').pop()!)), file.body as Buffer);
      }
      const manifest = fs.readdirSync(folder).find((name) => name.endsWith('.manifest.json'))!;
      // Offline: a separate CLI process, given only the downloaded files.
      const checked = ledgerProcess(['verify-export', path.join(folder, manifest), '--public-key', path.join(folder, 'office-public-key.pem')], {});
      expect(checked).toMatchObject({ code: 0, stdout: expect.stringMatching(/^OK: .*a public export of inspection /) });
      expect(checked.stdout).toContain('Not checked, because the public export withholds part of what each hash covers');
      // Whoever holds the full export (here the whole ledger's) proves every public line is the ledger's event as recorded.
      const full = path.join(fs.mkdtempSync(path.join(ledger.dataDir, 'full-')), 'full.jsonl');
      await exportToFile(ledger.store, full, { format: 'jsonl' });
      const bound = ledgerProcess(['verify-export', path.join(folder, manifest), '--public-key', path.join(folder, 'office-public-key.pem'), '--against', full], {});
      expect(bound).toMatchObject({ code: 0, stdout: expect.stringMatching(/against the full export .*every hash recomputed\): all \d+ public lines equal its events/) });
      // Whole streams of this inspection only: its own, its statutory response's and its five findings'.
      const parsed = JSON.parse(fs.readFileSync(path.join(folder, manifest), 'utf8'));
      expect(parsed.format).toBe('pfcc-ledger-public-export/1');
      const listed = (parsed.streamList as { streamId: string }[]).map((s) => s.streamId);
      expect(listed.filter((id) => id.startsWith('recommendation-'))).toHaveLength(5);
      expect(listed).toEqual(expect.arrayContaining([`inspection-${published.inspectionId}`, `statutory-response-${published.inspectionId}`, `recommendation-${published.rec03}`]));
      expect(listed).toHaveLength(7);

      // Nothing names a person who recorded anything, on whose behalf, or an owner; nothing of the unpublished inspection or of a challenge.
      const texts = fs.readdirSync(folder).filter((name) => !name.endsWith('.pem')).map((name) => fs.readFileSync(path.join(folder, name), 'utf8'));
      const personal = new Set<string>();
      let challenges = 0;
      for await (const event of ledger.store.readAll()) {
        for (const who of [event.metadata.actor, event.metadata.onBehalfOf] as ({ id?: string; name: string } | undefined)[]) {
          if (who) for (const value of [who.name, who.id]) if (value) personal.add(JSON.stringify(value));
        }
        if (event.type === 'RecommendationOwnerAssigned') personal.add(JSON.stringify(event.data.owner));
        if (event.streamId.startsWith('challenge-')) challenges += 1;
      }
      expect(challenges).toBeGreaterThan(0);
      expect([...personal]).toEqual(expect.arrayContaining(['"Jane Importer-Smith"', '"Test office"', '"Chief Constable"', '"Head of Learning"', '"Detective Superintendent Bob Example"']));
      for (const text of texts) {
        for (const value of personal) expect({ value, found: text.includes(value) }).toEqual({ value, found: false });
        for (const name of names) expect({ name, found: text.includes(name) }).toEqual({ name, found: false });
        for (const unpublished of [unpublishedId, 'Example Fire and Rescue Service', 'challenge-', 'a challenge question', 'Sergeant Ann Example', 'Head of Learning']) {
          expect({ unpublished, found: text.includes(unpublished) }).toEqual({ unpublished, found: false });
        }
      }
    });

    it('publishes an Atom feed of public changes that parses, about published inspections only', async () => {
      const feed = await ledger.http().get('/public/feed.atom').expect(200);
      expect(feed.headers['content-type']).toMatch(/^application\/atom\+xml/);
      const document = parseDocument(feed.text, { xmlMode: true });
      const root = DomUtils.findOne((e) => e.name === 'feed', document.children)!;
      expect(root.attribs.xmlns).toBe('http://www.w3.org/2005/Atom');
      const entries = DomUtils.getElementsByTagName('entry', root);
      const titles = entries.map((entry) => DomUtils.textContent(DomUtils.getElementsByTagName('title', entry)[0]));
      expect(titles).toEqual(expect.arrayContaining(['REC 03: target date changed from 2025-01-31 to 2025-03-31', expect.stringMatching(/^Statutory response published/)]));
      for (const entry of entries) {
        expect(DomUtils.getElementsByTagName('link', entry)[0].attribs.href).toContain(`/public/inspections/${published.inspectionId}`);
        expect(DomUtils.textContent(DomUtils.getElementsByTagName('updated', entry)[0])).toMatch(/^\d{4}-\d\d-\d\dT/);
      }
      for (const name of names) expect(feed.text).not.toContain(name);
    });
  });

  describe('deadlines in a calendar', () => {
    async function feedAddress(who: keyof SignedInLedger['people']): Promise<string> {
      const form = await ledger.http().get('/calendar').set(bearer(ledger.people[who])).expect(200);
      const cookie = (form.headers['set-cookie'] as unknown as string[]).map((c) => c.split(';')[0]).join('; ');
      const token = /name="_csrf" value="([^"]+)"/.exec(form.text)![1];
      const made = await ledger.http().post('/calendar/address').set(bearer(ledger.people[who])).set('Cookie', cookie).type('form').send({ _csrf: token }).expect(200);
      return new URL(/<code>([^<]+\.ics)<\/code>/.exec(made.text)![1]).pathname;
    }

    it("parses, holds the deadlines in the person's scope, and a changed target date keeps its UID with a higher SEQUENCE", async () => {
      const address = await feedAddress('office');
      const feed = await ledger.http().get(address).expect(200);
      expect(feed.headers['content-type']).toMatch(/^text\/calendar/);
      const events = new ICAL.Component(ICAL.parse(feed.text)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
      const byUid = new Map(events.map((e) => [e.uid, e]));
      const target = byUid.get(`target-${published.rec03}@pfcc-ledger`)!;
      expect(target.startDate.toString()).toBe('2025-03-31');
      expect(target.sequence).toBe(1);
      expect(String(target.component.getFirstPropertyValue('url'))).toContain(`/recommendations/${published.rec03}`);
      expect(byUid.get(`due-${published.rec03}@pfcc-ledger`)!.startDate.toString()).toBe('2025-01-31');
      // The fire action plan is not published yet: its deadline is there; the police response's is not.
      expect(byUid.has(`statutory-response-${unpublishedId}@pfcc-ledger`)).toBe(true);
      expect(byUid.has(`statutory-response-${published.inspectionId}@pfcc-ledger`)).toBe(false);

      const forceLead = new ICAL.Component(ICAL.parse((await ledger.http().get(await feedAddress('force-lead')).expect(200)).text));
      const uids = forceLead.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v).uid);
      // A force lead's scope is what their own organisation owns: REC 03 only.
      expect(uids.sort()).toEqual([`due-${published.rec03}@pfcc-ledger`, `target-${published.rec03}@pfcc-ledger`].sort());
    });

    it('the address opens the feed and nothing else; revoked, it gets 401 problem+json', async () => {
      const address = await feedAddress('scrutiny');
      const token = path.basename(address, '.ics');
      expectProblem(await ledger.http().get('/api/read/register').set('Authorization', `Bearer ${token}`), 401);
      await ledger.http().get(address).expect(200);

      const form = await ledger.http().get('/calendar').set(bearer(ledger.people.scrutiny)).expect(200);
      const cookie = (form.headers['set-cookie'] as unknown as string[]).map((c) => c.split(';')[0]).join('; ');
      const csrf = /name="_csrf" value="([^"]+)"/.exec(form.text)![1];
      await ledger.http().post('/calendar/revoke').set(bearer(ledger.people.scrutiny)).set('Cookie', cookie).type('form').send({ _csrf: csrf }).expect(200);
      expectProblem(await ledger.http().get(address), 401);
      expectProblem(await ledger.http().get('/calendar/feeds/lgr_cal_not-a-real-token.ics'), 401);
    });
  });
});
