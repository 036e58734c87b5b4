import * as fs from 'node:fs';
import * as path from 'node:path';
import { PageImportRecorder, planPageImport } from '@ledger/application/import-page';
import { readSamplePage } from './support/sample-page';
import { registration } from './support/sample-requests';
import { post } from './support/http';
import { logSnapshot, readLog, removeDataDir, startLedger, type LedgerUnderTest } from './support/ledger-under-test';
import { STORES_UNDER_TEST, type RawStoreUnderTest } from '../esdb/support/emulated-store';

const SAMPLE = path.resolve(__dirname, '../../../shared/samples/cumbria-rasso-national-operating-model-2024.txt');
const REPORT_URL = 'https://hmicfrs.justiceinspectorates.gov.uk/publications/an-inspection-of-rasso-national-operating-model/';

describe.each(STORES_UNDER_TEST)('no inspection registered twice, on the $store', ({ open }) => {
  let store: RawStoreUnderTest;
  let ledger: LedgerUnderTest;
  const page = readSamplePage();

  beforeEach(async () => {
    store = await open();
    ledger = await startLedger(undefined, {}, { eventStore: store.eventStore });
  });
  afterEach(async () => {
    await ledger?.stop();
    await store?.dispose();
    if (ledger) removeDataDir(ledger.dataDir);
  });

  it('refuses by hand an inspection already imported, with a 409 problem that links to it, and records nothing', async () => {
    const plan = planPageImport(fs.readFileSync(SAMPLE, 'utf8'), { today: '2026-12-05', responseDate: '2024-10-10' });
    const imported = await ledger.app.get(PageImportRecorder).record(plan, { actor: { id: 'ops', name: 'Operator', role: 'office', organisation: 'Cumbria OPFCC' }, source: 'import' });
    const before = await logSnapshot(ledger.store);

    const byHand = await post(ledger, '/api/inspections', registration(page));

    expect(byHand.status).toBe(409);
    expect(byHand.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(byHand.body).toMatchObject({
      type: 'tag:pfcc-ledger,2024:problems/duplicate-inspection',
      status: 409,
      rule: 'DuplicateInspection',
      field: 'title',
      existingInspectionId: imported.inspectionId,
      existingInspection: `/inspections/${imported.inspectionId}`,
      existingInspectionHistory: `/api/inspections/${imported.inspectionId}/history`,
    });
    expect(byHand.body.detail).toContain(imported.inspectionId);
    expect(await logSnapshot(ledger.store)).toEqual(before);
    await ledger.http().get(byHand.body.existingInspectionHistory).expect(200);
  });

  it('refuses the same report address under another title', async () => {
    const first = await post(ledger, '/api/inspections', { ...registration(page), reportUrl: REPORT_URL }).expect(201);
    const before = await logSnapshot(ledger.store);

    const second = await post(ledger, '/api/inspections', { ...registration(page), title: 'Soteria: progress report', reportUrl: `${REPORT_URL}#summary` });

    expect(second.status).toBe(409);
    expect(second.body).toMatchObject({ rule: 'DuplicateInspection', field: 'reportUrl', existingInspectionId: first.body.inspectionId });
    expect(await logSnapshot(ledger.store)).toEqual(before);
  });

  it('of two registrations of the same inspection sent at once, records one and refuses the other with its id', async () => {
    const [a, b] = await Promise.all([post(ledger, '/api/inspections', registration(page)), post(ledger, '/api/inspections', registration(page))]);

    const statuses = [a.status, b.status].sort();
    expect(statuses).toEqual([201, 409]);
    const [won, lost] = a.status === 201 ? [a, b] : [b, a];
    expect(lost.body).toMatchObject({ rule: 'DuplicateInspection', existingInspectionId: won.body.inspectionId });
    const registered = (await readLog(ledger.store)).filter((e) => e.type === 'InspectionRegistered');
    expect(registered.map((e) => e.data['inspectionId'])).toEqual([won.body.inspectionId]);
  });
});
