import ExcelJS from 'exceljs';
import { createPublicKey } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Response as SuperAgentResponse } from 'superagent';
import type { Response } from 'supertest';
import { SqliteEventStore } from '@ledger/event-store';
import { createKeyPair, keyId, ledgerDigest, verifyExport, verifyExportFile } from '@ledger/integrity';
import { ledger as ledgerCli } from '../integrity/support/run-ledger';
import { post } from './support/http';
import { readSamplePage } from './support/sample-page';
import { ACTION_OWNER, CHIEF_CONSTABLE, rec03Commitment, registration } from './support/sample-requests';
import { removeDataDir, startLedger, temporaryDataDir, type LedgerUnderTest } from './support/ledger-under-test';

const LIAISON = 'hmicfrs-liaison';
const ADMIN = 'ledger-admin';

const fireInspection = {
  title: 'Fire thematic: protection of vulnerable residents',
  inspectionType: 'fire-thematic',
  scope: 'national',
  service: 'fire',
  publishedOn: '2024-09-10',
  findings: [{ reference: 'AFI 1', number: 1, findingType: 'area-for-improvement', text: 'Services should review how they identify residents at risk.' }],
};

/** The whole body as bytes, whatever its content type (supertest hands the parser the incoming message). */
function binary(response: SuperAgentResponse, done: (error: Error | null, body: Buffer) => void): void {
  const incoming = response as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
  incoming.on('end', () => done(null, Buffer.concat(chunks)));
}

function attachmentName(response: Response): string {
  const match = /^attachment; filename="([^"]+)"$/.exec(response.headers['content-disposition'] ?? '');
  if (!match) throw new Error(`not an attachment: ${response.headers['content-disposition']}`);
  return match[1];
}

function expectProblem(response: Response, status: number): void {
  expect(response.status).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(response.headers['content-disposition']).toBeUndefined();
}

describe('exports over HTTP', () => {
  let ledger: LedgerUnderTest;
  let scratch: string;
  let policeId: string;
  let fireId: string;
  const page = readSamplePage();

  const get = (route: string, as?: string) => {
    const test = ledger.http().get(route).buffer(true).parse(binary);
    return as === undefined ? test : test.set('X-Ledger-Dev-User', as);
  };

  /** A response body saved under the name the server gave it. */
  function save(response: Response, folder = scratch): string {
    const file = path.join(folder, attachmentName(response));
    fs.writeFileSync(file, response.body as Buffer);
    return file;
  }

  function linesOf(response: Response): string[] {
    return (response.body as Buffer).toString('utf8').split('\n').filter((line) => line.length > 0);
  }

  async function withRawStore<T>(use: (store: SqliteEventStore) => Promise<T>): Promise<T> {
    const raw = SqliteEventStore.open(path.join(ledger.dataDir, 'events.sqlite'));
    try {
      return await use(raw);
    } finally {
      await raw.close();
    }
  }

  beforeAll(async () => {
    ledger = await startLedger();
    scratch = temporaryDataDir();
    createKeyPair(path.join(ledger.dataDir, 'keys'));
    const police = await post(ledger, '/api/inspections', registration(page)).expect(201);
    policeId = police.body.inspectionId;
    const [rec03] = police.body.findingIds as string[];
    await post(ledger, `/api/recommendations/${rec03}/accept`, { commitment: rec03Commitment(page), plannedCompletionDate: '2025-01-31', onBehalfOf: CHIEF_CONSTABLE }).expect(200);
    fireId = (await post(ledger, '/api/inspections', fireInspection).expect(201)).body.inspectionId;
  });

  afterAll(async () => {
    await ledger.stop();
    removeDataDir(ledger.dataDir);
    removeDataDir(scratch);
  });

  describe('downloads, streamed from the log', () => {
    it('serves the canonical JSONL as an attachment, every event once, and it verifies with the library and with `ledger verify`', async () => {
      const response = await get('/api/exports/ledger.jsonl').expect(200);
      expect(response.headers['content-type']).toBe('application/x-ndjson; charset=utf-8');
      expect(attachmentName(response)).toMatch(/^pfcc-ledger-\d{4}-\d{2}-\d{2}\.jsonl$/);

      const stored = await withRawStore(async (raw) => (await ledgerDigest(raw)).events);
      expect(linesOf(response)).toHaveLength(stored);

      const file = save(response);
      const report = await verifyExportFile(file);
      expect(report).toMatchObject({ ok: true, break: null, events: stored });
      const cli = await ledgerCli(['verify', file], {});
      expect(cli.code).toBe(0);
      expect(cli.stdout).toContain(`OK: ${file}: ${stored} events`);
    });

    it('serves the CSV audit trail, one row per event under its header', async () => {
      const response = await get('/api/exports/ledger.csv', LIAISON).expect(200);
      expect(response.headers['content-type']).toBe('text/csv; charset=utf-8; header=present');
      expect(attachmentName(response)).toMatch(/\.csv$/);
      const rows = (response.body as Buffer).toString('utf8').split('\r\n').filter((row) => row.length > 0);
      expect(rows[0]).toMatch(/^\uFEFFInspection,/);
      expect(rows.some((row) => row.includes('Cumbria Constabulary'))).toBe(true);
      const jsonl = await get('/api/exports/ledger.jsonl').expect(200);
      expect(rows).toHaveLength(linesOf(jsonl).length + 1);
    });

    it('serves the XLSX workbook with its register, audit trail and slippage sheets', async () => {
      const response = await get('/api/exports/ledger.xlsx', ADMIN).expect(200);
      expect(response.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      expect(attachmentName(response)).toMatch(/\.xlsx$/);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(new Uint8Array(response.body as Buffer).buffer);
      expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Register', 'Audit trail', 'Slippage']);
      expect(workbook.getWorksheet('Register')!.rowCount).toBe(1 + page.findings.length + fireInspection.findings.length);
    });

    it('narrows to what the filters name', async () => {
      const fire = linesOf(await get(`/api/exports/ledger.jsonl?service=fire`).expect(200));
      expect(fire.length).toBeGreaterThan(0);
      expect(fire.every((line) => line.includes(fireId) && !line.includes(policeId))).toBe(true);

      const police = linesOf(await get(`/api/exports/ledger.jsonl?inspection=${policeId}`).expect(200));
      const whole = linesOf(await get('/api/exports/ledger.jsonl').expect(200));
      expect(police.length + fire.length).toBe(whole.length);

      // Only REC 03 has an event recorded on the Chief Constable's behalf; its inspection comes along.
      const byOrganisation = linesOf(await get('/api/exports/ledger.jsonl?organisation=cumbria%20constabulary').expect(200)).map((line) => JSON.parse(line) as { streamId: string });
      expect(new Set(byOrganisation.map((record) => record.streamId)).size).toBe(2);

      expect(linesOf(await get('/api/exports/ledger.jsonl?to=2000-01-01').expect(200))).toEqual([]);
    });

    it('refuses a bad filter with a 400 naming the parameter, before sending anything', async () => {
      const badDate = await get('/api/exports/ledger.csv?from=2024-02-30');
      expectProblem(badDate, 400);
      const problem = JSON.parse((badDate.body as Buffer).toString('utf8'));
      expect(problem.errors).toEqual([{ field: 'from', message: expect.stringContaining('2024-02-30') }]);

      const reversed = JSON.parse((await get('/api/exports/ledger.jsonl?from=2025-01-02&to=2025-01-01').expect(400)).body.toString('utf8'));
      expect(reversed.errors[0].field).toBe('from');
      const unknown = JSON.parse((await get('/api/exports/ledger.jsonl?force=cumbria').expect(400)).body.toString('utf8'));
      expect(unknown.errors[0].field).toBe('force');
    });
  });

  describe('signed exports', () => {
    it('creates a signed export whose manifest verifies with the public key the API serves, and fails once the file is changed', async () => {
      const created = await post(ledger, '/api/exports', { format: 'jsonl', service: 'police' }, { as: LIAISON }).expect(201);
      const { id, links } = created.body;
      expect(created.headers.location).toBe(links.manifest);
      expect(created.body).toMatchObject({ filter: { service: 'police', inspection: null }, wholeLedger: false, file: { format: 'jsonl' } });
      expect(fs.existsSync(path.join(ledger.dataDir, 'exports', id))).toBe(true);

      const folder = fs.mkdtempSync(path.join(scratch, 'signed-'));
      const file = await get(links.file, LIAISON).expect(200);
      expect(file.headers['content-type']).toBe('application/x-ndjson; charset=utf-8');
      expect(attachmentName(file)).toBe(created.body.file.name);
      save(file, folder);
      const manifest = await get(links.manifest, LIAISON).expect(200);
      expect(manifest.headers['content-type']).toMatch(/^application\/json/);
      const manifestFile = save(manifest, folder);

      // Anyone may fetch the public key: a signed export is checked without trusting the server.
      const publicKey = await get(links.publicKey, ACTION_OWNER).expect(200);
      expect(publicKey.headers['content-type']).toMatch(/^application\/x-pem-file/);
      const key = createPublicKey((publicKey.body as Buffer).toString('utf8'));
      expect(publicKey.headers['ledger-key-id']).toBe(keyId(key));
      expect(created.body.keyId).toBe(keyId(key));

      const check = await verifyExport(manifestFile, key);
      expect(check).toMatchObject({ ok: true, break: null });
      expect(check.manifest.events).toBe(created.body.events);
      const keyFile = save(publicKey, folder);
      expect((await ledgerCli(['verify-export', manifestFile, '--public-key', keyFile], {})).code).toBe(0);

      const exported = path.join(folder, created.body.file.name);
      expect(fs.readFileSync(exported, 'utf8')).not.toContain(fireId);
      fs.writeFileSync(exported, fs.readFileSync(exported, 'utf8').replace('Cumbria', 'Cumbrja'));
      expect((await verifyExport(manifestFile, key)).ok).toBe(false);
    });

    it('signs CSV and XLSX exports too, covering each file by its SHA-256', async () => {
      const key = createPublicKey(fs.readFileSync(path.join(ledger.dataDir, 'keys', 'office-ed25519.pub.pem')));
      for (const format of ['csv', 'xlsx']) {
        const created = await post(ledger, '/api/exports', { format, inspection: fireId }).expect(201);
        const folder = fs.mkdtempSync(path.join(scratch, `${format}-`));
        save(await get(created.body.links.file).expect(200), folder);
        const manifestFile = save(await get(created.body.links.manifest).expect(200), folder);
        expect(await verifyExport(manifestFile, key)).toMatchObject({ ok: true });
      }
    });

    it('refuses a bad filter or format by name, and answers 404 for an export that does not exist', async () => {
      const badDate = await post(ledger, '/api/exports', { format: 'csv', to: '31/03/2025' });
      expectProblem(badDate, 400);
      expect(badDate.body.errors).toEqual([{ field: 'to', message: expect.stringContaining('31/03/2025') }]);
      expect((await post(ledger, '/api/exports', { format: 'pdf' }).expect(400)).body.errors[0].field).toBe('format');
      expectProblem(await ledger.http().get('/api/exports/00000000-0000-4000-8000-000000000000/manifest'), 404);
      expectProblem(await ledger.http().get('/api/exports/..%2Fkeys/file'), 400);
    });
  });

  describe('the ledger digest and verification', () => {
    it("answers the digest that the library computes over the store, up to a position if asked", async () => {
      const whole = await ledger.http().get('/api/ledger/digest').expect(200);
      const expected = await withRawStore((raw) => ledgerDigest(raw));
      expect(whole.body).toEqual({ digest: expected.digest, events: expected.events, position: String(expected.position) });

      const upTo = expected.position! - 3n;
      const earlier = await ledger.http().get(`/api/ledger/digest?upTo=${upTo}`).set('X-Ledger-Dev-User', LIAISON).expect(200);
      const expectedEarlier = await withRawStore((raw) => ledgerDigest(raw, upTo));
      expect(earlier.body).toEqual({ digest: expectedEarlier.digest, events: expectedEarlier.events, position: String(expectedEarlier.position) });
      expect(earlier.body.digest).not.toBe(whole.body.digest);

      expect((await ledger.http().get('/api/ledger/digest?upTo=last').expect(400)).body.errors[0].field).toBe('upTo');
    });

    it('reports the verification of the whole stored log to the liaison and the administrator', async () => {
      const expected = await withRawStore((raw) => ledgerDigest(raw));
      for (const person of [LIAISON, ADMIN]) {
        const report = await ledger.http().get('/api/ledger/verify').set('X-Ledger-Dev-User', person).expect(200);
        expect(report.body).toEqual({ ok: true, break: null, events: expected.events, streams: expect.any(Number), digest: expected.digest, lastPosition: String(expected.position) });
      }
    });
  });

  describe('who may', () => {
    it('refuses the force action owner with a 403 naming the roles required', async () => {
      const routes = ['/api/exports/ledger.jsonl', '/api/exports/ledger.xlsx', '/api/ledger/digest', '/api/ledger/verify'];
      for (const route of routes) {
        const refused = await get(route, ACTION_OWNER);
        expectProblem(refused, 403);
        const problem = JSON.parse((refused.body as Buffer).toString('utf8'));
        expect(problem).toMatchObject({ status: 403, detail: expect.stringContaining('liaison') });
      }
      const post403 = await post(ledger, '/api/exports', { format: 'jsonl' }, { as: ACTION_OWNER });
      expectProblem(post403, 403);
      expect(post403.body.detail).toBe('export is allowed to the roles office, commissioner, hmicfrs-liaison, admin; Force Action Owner (development) has the role force-lead');
    });

    it('keeps verification to the liaison and the administrator', async () => {
      const refused = await ledger.http().get('/api/ledger/verify');
      expectProblem(refused, 403);
      expect(refused.body.detail).toMatch(/allowed to the roles hmicfrs-liaison, admin; Office Staff \(development\) has the role office/);
    });
  });
});

describe('signed exports before the office has a key', () => {
  it('are refused with a problem telling the operator to run `ledger keys create`, and the public key is not found', async () => {
    const ledger = await startLedger();
    try {
      const refused = await post(ledger, '/api/exports', { format: 'jsonl' });
      expectProblem(refused, 422);
      expect(refused.body).toMatchObject({ rule: 'OfficeSigningKeyRequired', detail: expect.stringContaining('ledger keys create') });
      expect(fs.existsSync(path.join(ledger.dataDir, 'exports'))).toBe(false);
      expectProblem(await ledger.http().get('/api/exports/public-key'), 404);
    } finally {
      await ledger.stop();
      removeDataDir(ledger.dataDir);
    }
  });
});
