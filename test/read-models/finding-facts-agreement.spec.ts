import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Test } from '@nestjs/testing';
import { LedgerApplicationModule } from '@ledger/application';
import { PageImportModule, PageImportRecorder, planPageImport } from '@ledger/application/import-page';
import type { Actor } from '@ledger/domain';
import { type EventStore, type RecordedEvent, SqliteEventStore } from '@ledger/event-store';
import { ledgerEventStore } from '@ledger/integrity';
import { summaryAgreement } from '@ledger/projections/read-models/testing/summary-agreement.fixture';
import { generateLedger } from '../integrity/support/generate-ledger';
import { sampleLedgerInTempDir } from '../integrity/support/sample-ledger';
import { LedgerDriver } from './support/ledger-driver';
import { recordSampleYear } from './support/sample-year';

const SAMPLE = path.resolve(__dirname, '../../../shared/samples/cumbria-rasso-national-operating-model-2024.txt');
const operator: Actor = { id: 'ops-1', name: 'Import Operator', role: 'office', organisation: 'Cumbria OPFCC' };

/** A fresh embedded store in a temporary folder, given to `record` and read back whole, as the projections read it. */
async function recorded(record: (store: SqliteEventStore) => Promise<void>): Promise<RecordedEvent[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-'));
  const store = SqliteEventStore.open(path.join(dir, 'events.sqlite'));
  try {
    await record(store);
    return await readAll(store);
  } finally {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function readAll(store: EventStore): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  for await (const event of ledgerEventStore(store).readAll()) events.push(event);
  return events;
}

/**
 * The register and history keep a finding's facts, not the domain's state, and fold them with the
 * domain's `recommendationFactsAfter`. On realistic logs, after every event of every finding, the
 * fields they hold are the ones the domain's whole state gives.
 */
describe('the register\'s compact fold against the domain\'s whole state, on realistic logs', () => {
  it('agrees after every event of the sample year recorded through the application', async () => {
    const events = await recorded(async (store) => {
      const ledger = await LedgerDriver.start(store);
      try {
        await recordSampleYear(ledger);
      } finally {
        await ledger.close();
      }
    });
    const agreement = summaryAgreement(events);
    expect(agreement.disagreements).toEqual([]);
    expect(agreement.findings).toBe(5);
    expect(agreement.findingEvents).toBeGreaterThan(50);
  });

  it('agrees after every event of the sample page imported as a backlog', async () => {
    const events = await recorded(async (store) => {
      const moduleRef = await Test.createTestingModule({ imports: [LedgerApplicationModule.forRoot({ eventStore: store, clock: () => new Date('2026-12-05T10:00:00.000Z') }), PageImportModule] }).compile();
      await moduleRef.init();
      try {
        const plan = planPageImport(fs.readFileSync(SAMPLE, 'utf8'), { today: '2026-12-05', responseDate: '2024-10-10' });
        const outcome = await moduleRef.get(PageImportRecorder).record(plan, { actor: operator, source: 'import' });
        expect(outcome.steps.every((step) => step.status === 'recorded')).toBe(true);
      } finally {
        await moduleRef.close();
      }
    });
    const agreement = summaryAgreement(events);
    expect(agreement.disagreements).toEqual([]);
    expect(agreement.findings).toBeGreaterThanOrEqual(5);
  });

  it('agrees after every event of a generated ledger with back-filled findings, actions and target-date changes', async () => {
    const ledger = await sampleLedgerInTempDir();
    try {
      await generateLedger(ledger.store, 2_000, { concurrency: 4 });
      const agreement = summaryAgreement(await readAll(ledger.store));
      expect(agreement.disagreements).toEqual([]);
      expect(agreement.findingEvents).toBeGreaterThan(1_900);
      expect(agreement.findings).toBeGreaterThan(100);
    } finally {
      await ledger.dispose();
    }
  });
});
