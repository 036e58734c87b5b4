import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { RECOMMENDATION_STATUSES, RECOMMENDATION_STATUS_WORDS } from '@ledger/domain';
import type { JsonObject } from '@ledger/event-store';
import {
  AUDIT_TRAIL_COLUMNS,
  DEFAULT_STATUS_CROSSWALK,
  ExportTally,
  HashChainedEventStore,
  NO_FILTER,
  REGISTER_COLUMNS,
  SLIPPAGE_COLUMNS,
  createKeyPair,
  exportToFile,
  planExport,
} from '@ledger/integrity';
import { writeXlsx } from '@ledger/integrity/export/xlsx-export';
import { FIRE_INSPECTION_ID, REC_03_STREAM, REC_05_STREAM, SAMPLE_INSPECTION_ID, type TempLedger, sampleLedgerInTempDir, tempDir } from './support/sample-ledger';
import { parseCsv, sheetRows } from './support/read-export';
import { ledger } from './support/run-ledger';

describe('exports for the HMICFRS liaison', () => {
  let sample: TempLedger;
  let env: NodeJS.ProcessEnv;
  const scratch = tempDir();

  beforeAll(async () => {
    sample = await sampleLedgerInTempDir();
    env = { LEDGER_DATA_DIR: sample.dataDir };
  });

  afterAll(async () => {
    await sample.dispose();
    scratch.dispose();
  });

  async function exportTo(file: string, ...args: string[]): Promise<string> {
    const out = path.join(scratch.dir, file);
    const run = await ledger(['export', '--out', out, '--unsigned', ...args], env);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    return out;
  }

  it('writes the CSV audit trail: one row per event with who, on whose behalf, when, and the status in the inspectorate\'s words', async () => {
    const text = fs.readFileSync(await exportTo('trail.csv', '--format', 'csv'), 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const [header, ...rows] = parseCsv(text.slice(1));
    expect(header).toEqual([...AUDIT_TRAIL_COLUMNS]);
    expect(rows).toHaveLength(22);
    const column = (name: string) => header.indexOf(name);
    const accepted = rows.find((row) => row[column('Stream')] === REC_03_STREAM && row[column('Event')] === 'RecommendationAccepted') as string[];
    expect(accepted[column('Inspection')]).toBe('Progress to introduce a national operating model for rape and other serious sexual offences investigations.');
    expect(accepted[column('Finding reference')]).toBe('REC 03');
    expect(accepted[column('Summary')]).toMatch(/^Accepted; commitment: "Cumbria Constabulary will have all detectives .*"; planned completion 2025-01-31$/);
    expect(accepted[column('Actor')]).toBe('Office Caseworker');
    expect(accepted[column('Role')]).toBe('office');
    expect(accepted[column('Organisation')]).toBe('Cumbria OPFCC');
    expect(accepted[column('On behalf of')]).toBe('Chief Constable (Chief Constable, Cumbria Constabulary)');
    expect(accepted[column('Occurred at')]).toBe('2024-10-01T10:00:00.000Z');
    expect(accepted[column('Recorded at')]).toBe('2024-10-01T10:00:00.000Z');
    expect(accepted[column('Status after event')]).toBe('Accepted');
    expect(accepted[column('Inspectorate status')]).toBe('Open – accepted');
    expect(accepted[column('Hash')]).toMatch(/^[0-9a-f]{64}$/);
    const progress = rows.find((row) => row[column('Event')] === 'RecommendationProgressRecorded') as string[];
    expect(progress[column('Summary')]).toBe('Progress reported (85% complete), self-assessed GREEN: 180 of 210 detectives trained, "on track".');
  });

  it('uses the office\'s own status wording from a crosswalk file', async () => {
    const crosswalk = path.join(scratch.dir, 'crosswalk.json');
    fs.writeFileSync(crosswalk, JSON.stringify({ Accepted: 'Accepted by force – open' }));
    const text = fs.readFileSync(await exportTo('crosswalked.csv', '--format', 'csv', '--crosswalk', crosswalk), 'utf8');
    expect(text).toContain(',Accepted,Accepted by force – open,');
    const manifest = JSON.parse(fs.readFileSync(path.join(scratch.dir, 'crosswalked.csv.manifest.json'), 'utf8'));
    expect(manifest.statusCrosswalk.Accepted).toBe('Accepted by force – open');
  });

  it('writes the XLSX workbook that reads back with exceljs: register, audit trail and slippage', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await exportTo('ledger.xlsx', '--format', 'xlsx'));
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Register', 'Audit trail', 'Slippage']);

    const [registerHeader, ...register] = sheetRows(workbook.getWorksheet('Register') as ExcelJS.Worksheet);
    expect(registerHeader).toEqual(REGISTER_COLUMNS.map((header) => (header === 'Last recorded at' ? 'Last recorded at (UK time)' : header)));
    expect(register.map((row) => row[2])).toEqual(['REC 03', 'REC 05', 'REC 07', 'REC 09', 'REC 11', 'AFI 1']);
    const byReference = (reference: string) => register.find((row) => row[2] === reference) as string[];
    expect(byReference('REC 03').slice(6, 8)).toEqual(['Closed', 'Completed – awaiting inspectorate closure']);
    expect(byReference('REC 03')[9]).toBe('Head of Public Protection Unit');
    expect(byReference('REC 07').slice(6, 8)).toEqual(['Issued', 'Open – awaiting response']);
    expect(byReference('AFI 1').slice(0, 4)).toEqual(['Cumbria Fire and Rescue Service: effectiveness, efficiency and people 2025', 'fire', 'AFI 1', 'area-for-improvement']);

    const [trailHeader, ...trail] = sheetRows(workbook.getWorksheet('Audit trail') as ExcelJS.Worksheet);
    expect(trailHeader).toEqual(AUDIT_TRAIL_COLUMNS.map((header) => (header === 'Occurred at' || header === 'Recorded at' ? `${header} (UK time)` : header)));
    expect(trail).toHaveLength(22);

    const [slippageHeader, ...slippage] = sheetRows(workbook.getWorksheet('Slippage') as ExcelJS.Worksheet);
    expect(slippageHeader).toEqual(SLIPPAGE_COLUMNS.map((header) => (header === 'Occurred at' || header === 'Recorded at' ? `${header} (UK time)` : header)));
    const approved = slippage.find((row) => row[1] === 'REC 05' && row[2] === 'Change approved') as string[];
    expect(approved.slice(6, 12).map((cell) => cell ?? '')).toEqual(['92', 'The national definition was published late, in March 2025.', 'Head of Public Protection', '', 'Performance Lead (office)', '']);
    expect(slippage.filter((row) => row[2] === 'Target date set').map((row) => row[1])).toEqual(['REC 03', 'REC 05']);
  });

  it('names on the Slippage sheet whom the office recorded a request and a decision for, beside who recorded them', async () => {
    const ledgerDir = await sampleLedgerInTempDir();
    try {
      const office = { id: 'opfcc-caseworker', name: 'Office Caseworker', role: 'office', organisation: 'Cumbria OPFCC' };
      const chiefConstable = { name: 'Chief Constable', role: 'Chief Constable', organisation: 'Cumbria Constabulary' };
      const commissioner = { name: 'Police and Crime Commissioner', role: 'Commissioner', organisation: 'Cumbria OPFCC' };
      const recommendationId = 'finding-rec-05';
      const change = { recommendationId, from: '2025-10-31', to: '2026-01-31', requestedBy: office.id };
      const recorded = (type: string, data: JsonObject, onBehalfOf: JsonObject, at: string) => ({
        id: randomUUID(),
        type,
        data,
        metadata: { actor: office, onBehalfOf, occurredAt: at, recordedAt: at, $correlationId: at, $causationId: at, commandId: at, schemaVersion: 1, source: 'api' },
      });
      await new HashChainedEventStore(ledgerDir.store).append(
        REC_05_STREAM,
        [
          recorded('RecommendationTargetDateChangeRequested', { ...change, reason: 'Vetting backlog.' }, chiefConstable, '2025-09-01T09:00:00.000Z'),
          recorded('RecommendationTargetDateChangeRefused', { ...change, refusedBy: office.id, reason: 'Not enough reason given.' }, commissioner, '2025-09-02T09:00:00.000Z'),
        ],
        'any',
      );
      const out = path.join(scratch.dir, 'on-behalf.xlsx');
      await exportToFile(ledgerDir.store, out, { format: 'xlsx', today: '2025-09-03' });
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(out);
      const [header, ...rows] = sheetRows(workbook.getWorksheet('Slippage') as ExcelJS.Worksheet);
      const cells = (reason: string) => {
        const row = rows.find((cellsOf) => cellsOf[header.indexOf('Reason')] === reason) as string[];
        return Object.fromEntries(['Requested by', 'Requested on behalf of', 'Decided by', 'Decided on behalf of'].map((name) => [name, row[header.indexOf(name)] ?? '']));
      };

      expect(cells('Vetting backlog.')).toEqual({
        'Requested by': 'Office Caseworker (office)',
        'Requested on behalf of': 'Chief Constable (Chief Constable, Cumbria Constabulary)',
        'Decided by': '',
        'Decided on behalf of': '',
      });
      expect(cells('Not enough reason given.')).toEqual({
        'Requested by': 'Office Caseworker',
        'Requested on behalf of': 'Chief Constable (Chief Constable, Cumbria Constabulary)',
        'Decided by': 'Office Caseworker (office)',
        'Decided on behalf of': 'Police and Crime Commissioner (Commissioner, Cumbria OPFCC)',
      });
    } finally {
      await ledgerDir.dispose();
    }
  });

  it('continues a sheet longer than a worksheet holds on further sheets, each with its header, no row lost or repeated', async () => {
    const out = path.join(scratch.dir, 'split.xlsx');
    const plan = await planExport(sample.store, NO_FILTER);
    // Ten rows a worksheet: the header and nine events; the sample's 22 events fill three.
    await writeXlsx(sample.store, plan, new ExportTally(), DEFAULT_STATUS_CROSSWALK, '2025-09-01', fs.createWriteStream(out), 10);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);

    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Register', 'Audit trail', 'Audit trail (2)', 'Audit trail (3)', 'Slippage']);
    const parts = ['Audit trail', 'Audit trail (2)', 'Audit trail (3)'].map((name) => sheetRows(workbook.getWorksheet(name) as ExcelJS.Worksheet));
    expect(parts.map((rows) => rows.length)).toEqual([10, 10, 5]);
    for (const [header] of parts) expect(header).toEqual(parts[0][0]);
    const eventIds = parts.flatMap(([, ...rows]) => rows.map((row) => row[AUDIT_TRAIL_COLUMNS.indexOf('Event id')]));
    const recorded: string[] = [];
    for await (const event of sample.store.readAll()) recorded.push(event.id);
    expect(eventIds).toEqual(recorded);
    expect((workbook.getWorksheet('Audit trail (3)') as ExcelJS.Worksheet).autoFilter).toBe('A1:P5');
  });

  it('signs the workbook\'s manifest, and `ledger verify-export` accepts it and refuses it changed', async () => {
    const keys = createKeyPair(path.join(scratch.dir, 'keys'));
    const out = path.join(scratch.dir, 'signed.xlsx');
    expect(await ledger(['export', '--format', 'xlsx', '--out', out, '--key', keys.privateKeyFile], env)).toMatchObject({ code: 0, stderr: '' });
    const verify = () => ledger(['verify-export', `${out}.manifest.json`, '--public-key', keys.publicKeyFile], {});
    expect(await verify()).toMatchObject({ code: 0 });
    const bytes = fs.readFileSync(out);
    bytes[bytes.length - 30] ^= 1;
    fs.writeFileSync(out, bytes);
    expect((await verify()).code).not.toBe(0);
  });

  describe('the XLSX workbook for an Excel user', () => {
    let workbook: ExcelJS.Workbook;
    const sheet = (name: string) => workbook.getWorksheet(name) as ExcelJS.Worksheet;
    /** The cells of the row whose `key` column holds `value`, by header. */
    function rowWhere(name: string, key: string, value: string, also: (cells: Record<string, ExcelJS.Cell>) => boolean = () => true): Record<string, ExcelJS.Cell> {
      const worksheet = sheet(name);
      const headers = (worksheet.getRow(1).values as string[]).slice(1);
      for (let number = 2; number <= worksheet.rowCount; number += 1) {
        const row = worksheet.getRow(number);
        const cells = Object.fromEntries(headers.map((header, index) => [header, row.getCell(index + 1)]));
        if (cells[key].value === value && also(cells)) return cells;
      }
      throw new Error(`no row of ${name} with ${key} = ${value}`);
    }

    beforeAll(async () => {
      // RAG and lateness are judged on a fixed day: after REC 05's due date (31 July), before its moved target (31 October).
      const file = path.join(scratch.dir, 'judged.xlsx');
      await exportToFile(sample.store, file, { format: 'xlsx', today: '2025-09-01' });
      workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(file);
    });

    it('freezes the header row and puts an auto-filter over every row of every sheet', () => {
      for (const worksheet of workbook.worksheets) {
        expect(worksheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
        const lastColumn = worksheet.getRow(1).cellCount;
        const columnLetter = worksheet.getColumn(lastColumn).letter;
        expect(worksheet.autoFilter).toBe(`A1:${columnLetter}${worksheet.rowCount}`);
        expect(worksheet.rowCount).toBeGreaterThan(1);
      }
    });

    it('writes calendar days as date cells and timestamps as date-time cells in UK time', () => {
      const rec05 = rowWhere('Register', 'Reference', 'REC 05');
      expect(rec05['Inspectorate due date'].value).toEqual(new Date('2025-07-31T00:00:00Z'));
      expect(rec05['Inspectorate due date'].numFmt).toBe('d mmm yyyy');
      expect(rec05['Original target date'].value).toEqual(new Date('2025-07-31T00:00:00Z'));
      expect(rec05['Current target date'].value).toEqual(new Date('2025-10-31T00:00:00Z'));
      // Recorded 14:00 UTC on 5 March 2025 (GMT): the same clock in the UK.
      expect(rec05['Last recorded at (UK time)'].value).toEqual(new Date('2025-03-05T14:00:00Z'));
      expect(rec05['Last recorded at (UK time)'].numFmt).toBe('d mmm yyyy hh:mm:ss');

      // 10:00 UTC on 1 October 2024 was 11:00 in the UK (BST).
      const accepted = rowWhere('Audit trail', 'Event', 'RecommendationAccepted', (cells) => cells['Finding reference'].value === 'REC 03');
      expect(accepted['Occurred at (UK time)'].value).toEqual(new Date('2024-10-01T11:00:00Z'));
      expect(accepted['Recorded at (UK time)'].value).toEqual(new Date('2024-10-01T11:00:00Z'));
      expect(accepted['Recorded at (UK time)'].numFmt).toBe('d mmm yyyy hh:mm:ss');
      expect(accepted['Status after event'].value).toBe('Accepted');

      const set = rowWhere('Slippage', 'Finding reference', 'REC 05', (cells) => cells.Event.value === 'Change approved');
      expect(set.From.value).toEqual(new Date('2025-07-31T00:00:00Z'));
      expect(set.To.value).toEqual(new Date('2025-10-31T00:00:00Z'));
      expect(set.To.numFmt).toBe('d mmm yyyy');
    });

    it('shows statuses in readable words, never the ledger\'s codes', () => {
      const codes = new Set<string>(RECOMMENDATION_STATUSES.filter((status) => RECOMMENDATION_STATUS_WORDS[status] !== status));
      const statuses = [
        ...sheet('Register').getColumn(7).values,
        ...sheet('Register').getColumn(8).values,
        ...sheet('Audit trail').getColumn(AUDIT_TRAIL_COLUMNS.indexOf('Status after event') + 1).values,
      ].filter((value): value is string => typeof value === 'string');
      expect(statuses).toContain('In progress');
      expect(statuses.filter((status) => codes.has(status))).toEqual([]);
    });

    it('gives the register RAG, lateness against both dates, latest progress and the completed, verified and closed dates', () => {
      const rec05 = rowWhere('Register', 'Reference', 'REC 05');
      expect(rec05.RAG.value).toBe('Red');
      expect(rec05['Overdue against inspectorate due date'].value).toBe('Yes');
      expect(rec05['Days past inspectorate due date'].value).toBe(32);
      expect(rec05['Overdue against current target date'].value).toBe('No');
      expect(rec05['Days past current target date'].value).toBeNull();
      expect(rec05['Approved target date changes'].value).toBe(1);
      expect(rec05['Judged on'].value).toEqual(new Date('2025-09-01T00:00:00Z'));

      const rec03 = rowWhere('Register', 'Reference', 'REC 03');
      expect(rec03.Status.value).toBe('Closed');
      expect(rec03.RAG.value).toBeNull();
      expect(rec03['Overdue against inspectorate due date'].value).toBe('No');
      expect(rec03['Latest progress'].value).toBe('180 of 210 detectives trained, "on track".');
      expect(rec03['Per cent complete'].value).toBe(85);
      expect(rec03['Latest progress on'].value).toEqual(new Date('2024-12-02T00:00:00Z'));
      expect(rec03['Completed on'].value).toEqual(new Date('2025-02-03T00:00:00Z'));
      expect(rec03['Verified on'].value).toEqual(new Date('2025-02-10T00:00:00Z'));
      expect(rec03['Closed on'].value).toEqual(new Date('2025-02-11T00:00:00Z'));
      expect(rec03['Closed on'].numFmt).toBe('d mmm yyyy');

      const rec07 = rowWhere('Register', 'Reference', 'REC 07');
      expect([rec07.Status.value, rec07.RAG.value, rec07['Completed on'].value]).toEqual(['Issued', null, null]);
    });
  });

  describe('filters: whole streams, recorded in the manifest, each export verifiable', () => {
    async function filtered(name: string, ...filter: string[]): Promise<{ streams: string[]; manifest: Record<string, unknown> }> {
      const out = await exportTo(name, '--format', 'jsonl', ...filter);
      const verified = await ledger(['verify', out, '--json'], {});
      expect(JSON.parse(verified.stdout)).toMatchObject({ ok: true, againstManifest: true });
      const streams = [...new Set(fs.readFileSync(out, 'utf8').trim().split('\n').map((line) => JSON.parse(line).streamId as string))];
      return { streams, manifest: JSON.parse(fs.readFileSync(`${out}.manifest.json`, 'utf8')) };
    }

    it('by inspection: its own, its findings\' and its statutory response\'s streams', async () => {
      const { streams, manifest } = await filtered('inspection.jsonl', '--inspection', SAMPLE_INSPECTION_ID);
      expect(streams.sort()).toEqual([
        `inspection-${SAMPLE_INSPECTION_ID}`,
        'recommendation-finding-rec-03',
        'recommendation-finding-rec-05',
        'recommendation-finding-rec-07',
        'recommendation-finding-rec-09',
        'recommendation-finding-rec-11',
        `statutory-response-${SAMPLE_INSPECTION_ID}`,
      ]);
      expect(manifest.filter).toEqual({ inspection: SAMPLE_INSPECTION_ID, service: null, organisation: null, from: null, to: null });
    });

    it('by service', async () => {
      const { streams } = await filtered('fire.jsonl', '--service', 'fire');
      expect(streams).toEqual([`inspection-${FIRE_INSPECTION_ID}`, 'recommendation-finding-afi-1']);
    });

    it('by organisation of the actor (or of whom it was recorded on behalf of), with the inspection for context', async () => {
      const { streams } = await filtered('force.jsonl', '--organisation', 'cumbria constabulary');
      expect(streams).toEqual([`inspection-${SAMPLE_INSPECTION_ID}`, 'recommendation-finding-rec-03', 'recommendation-finding-rec-05']);
    });

    it('by date range: streams with activity in the range, cut after its last day', async () => {
      const { streams, manifest } = await filtered('march.jsonl', '--from', '2025-03-01', '--to', '2025-03-31');
      expect(streams).toEqual([`inspection-${SAMPLE_INSPECTION_ID}`, 'recommendation-finding-rec-05']);
      expect(manifest).toMatchObject({ events: 6, streamList: [{ lastRevision: 0 }, { streamId: 'recommendation-finding-rec-05', lastRevision: 4 }] });
      const early = await filtered('before-2025.jsonl', '--to', '2024-12-31');
      expect(early.manifest).toMatchObject({ events: 14, lastSequence: 14 });
    });
  });
});
