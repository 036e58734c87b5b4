import { foldListedFindings } from '@ledger/integrity/export/finding-register';
import { NO_FILTER, type ExportFilter } from '@ledger/integrity/export/export-filter';
import { LedgerContext } from '@ledger/integrity/export/ledger-context';
import { planExport, selectEvents } from '@ledger/integrity/export/select-events';
import { generateLedger } from './support/generate-ledger';
import { type TempLedger, sampleLedgerInTempDir } from './support/sample-ledger';

describe("the workbook's register, folded one finding at a time", () => {
  let ledger: TempLedger;

  beforeAll(async () => {
    ledger = await sampleLedgerInTempDir();
    await generateLedger(ledger.store, 400, { concurrency: 4 });
  });
  afterAll(() => ledger.dispose());

  const filters: [string, ExportFilter][] = [
    ['the whole ledger', NO_FILTER],
    ['a date range that cuts streams short', { ...NO_FILTER, from: '2024-01-01', to: '2024-09-30' }],
    ['one inspection', { ...NO_FILTER, inspection: 'rasso-nom-2024' }],
  ];

  it.each(filters)('gives the same findings in the same order as a fold of the whole log, for %s', async (_name, filter) => {
    const plan = await planExport(ledger.store, filter);
    const whole = new LedgerContext('findings');
    const listed = new LedgerContext('listed');
    for await (const { event } of selectEvents(ledger.store, plan)) {
      whole.apply(event);
      listed.apply(event);
    }
    const expected = [...whole.findings()];

    const folded = [];
    for await (const finding of foldListedFindings(ledger.store, plan, listed)) folded.push(finding);

    expect(expected.length).toBeGreaterThan(0);
    expect(folded).toEqual(expected);
    for (const { streamId } of expected) {
      expect(listed.referenceOf(streamId)).toBe(whole.referenceOf(streamId));
      expect(listed.originalTargetDateOf(streamId)).toBe(whole.originalTargetDateOf(streamId));
    }
  });

  it('holds a date range to its last day: a finding whose later events fall after it is folded without them', async () => {
    const plan = await planExport(ledger.store, { ...NO_FILTER, to: '2024-09-30' });
    const listed = new LedgerContext('listed');
    for await (const { event } of selectEvents(ledger.store, plan)) listed.apply(event);
    const everything = new LedgerContext('findings');
    for await (const event of ledger.store.readAll()) everything.apply(event);

    const folded = [];
    for await (const finding of foldListedFindings(ledger.store, plan, listed)) folded.push(finding);

    expect(folded.some((finding) => finding.lastChangedAt !== everything.finding(finding.streamId)?.lastChangedAt)).toBe(true);
    expect(folded.every((finding) => finding.lastChangedAt.slice(0, 10) <= '2024-09-30')).toBe(true);
  });
});
