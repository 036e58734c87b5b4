import * as fs from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { SqliteEventStore } from '@ledger/event-store';
import { AUDIT_TRAIL_COLUMNS, type ExportFilter, NO_FILTER, exportToFile, ledgerEventStore } from '@ledger/integrity';
import { queryTimeline } from '@ledger/projections/read-models';
import { LedgerDriver } from '../read-models/support/ledger-driver';
import { openReadSide, type ReadSide } from '../read-models/support/read-models-under-test';
import { recordSampleYear, type SampleYear } from '../read-models/support/sample-year';
import { parseCsv, sheetRows } from './support/read-export';
import { tempDir } from './support/sample-ledger';

const SUMMARY = AUDIT_TRAIL_COLUMNS.indexOf('Summary');
const EVENT_ID = AUDIT_TRAIL_COLUMNS.indexOf('Event id');

/** Summary by event id, from the rows of an audit trail (header first). */
function summariesOf(rows: string[][]): Record<string, string> {
  return Object.fromEntries(rows.slice(1).map((row) => [row[EVENT_ID], row[SUMMARY]]));
}

describe('the audit trail in an export reads each event as the timeline does', () => {
  const scratch = tempDir();
  let raw: SqliteEventStore;
  let side: ReadSide;
  let driver: LedgerDriver;
  let year: SampleYear;
  let timeline: Record<string, string>;

  beforeAll(async () => {
    raw = SqliteEventStore.open(path.join(scratch.dir, 'events.sqlite'));
    const store = ledgerEventStore(raw);
    side = await openReadSide(undefined, { store });
    driver = await LedgerDriver.start(store);
    year = await recordSampleYear(driver);
    await side.caughtUp(year.lastPosition);
    const entries = queryTimeline(side.readModels, {}, { limit: 500, offset: 0 }).items;
    timeline = Object.fromEntries(entries.map((entry) => [entry.eventId, entry.summary]));
  });

  afterAll(async () => {
    await driver?.close();
    await side?.close();
    await raw?.close();
    scratch.dispose();
  });

  /** The whole ledger also holds the reservation of the inspection's title and date, which no read model shows. */
  function withoutReservation(summaries: Record<string, string>): Record<string, string> {
    const extra = Object.keys(summaries).filter((id) => !(id in timeline));
    expect(extra.map((id) => summaries[id])).toEqual([expect.stringMatching(/^Title and publication date ".*\|2024-08-22" reserved for inspection .*: it cannot be registered twice$/)]);
    return Object.fromEntries(Object.entries(summaries).filter(([id]) => id in timeline));
  }

  async function csvSummaries(name: string, filter: ExportFilter = NO_FILTER): Promise<Record<string, string>> {
    const { file } = await exportToFile(raw, path.join(scratch.dir, name), { format: 'csv', filter });
    return summariesOf(parseCsv(fs.readFileSync(file, 'utf8').slice(1)));
  }

  it('gives a correction the same line in the CSV as on the timeline, quoting the entry it corrects', async () => {
    const csv = await csvSummaries('trail.csv');
    expect(csv[year.correctionEventId]).toBe(timeline[year.correctionEventId]);
    expect(csv[year.correctionEventId]).toBe(
      'Correction of an earlier entry ("Progress reported (60% complete), self-assessed RED: Retention application process drafted; awaiting legal review"): Percent complete was 40, not 60; reason: Typing error in the progress report',
    );
  });

  it('gives every event of the year the timeline\'s line in the CSV and in the workbook\'s audit trail', async () => {
    expect(Object.keys(timeline).length).toBeGreaterThan(60);
    expect(withoutReservation(await csvSummaries('all.csv'))).toEqual(timeline);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile((await exportToFile(raw, path.join(scratch.dir, 'all.xlsx'), { format: 'xlsx' })).file);
    expect(withoutReservation(summariesOf(sheetRows(workbook.getWorksheet('Audit trail') as ExcelJS.Worksheet)))).toEqual(timeline);
  });

  it('keeps the timeline\'s line in a filtered export, cut after its last day', async () => {
    const march = await csvSummaries('march.csv', { ...NO_FILTER, from: '2025-03-01', to: '2025-03-31' });
    expect(Object.keys(march).length).toBeGreaterThan(10);
    expect(Object.keys(march).length).toBeLessThan(Object.keys(timeline).length);
    expect(march).toEqual(Object.fromEntries(Object.keys(march).map((eventId) => [eventId, timeline[eventId]])));
  });
});
