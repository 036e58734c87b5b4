import { RECOMMENDATION_EVENT_TYPES } from '@ledger/domain/recommendation';
import { LedgerContext } from '@ledger/integrity/export/ledger-context';
import { generateLedger } from './support/generate-ledger';
import { type TempLedger, sampleLedgerInTempDir } from './support/sample-ledger';

const RECOMMENDATION_TYPES: ReadonlySet<string> = new Set(RECOMMENDATION_EVENT_TYPES);

describe('the context an export row is written in', () => {
  let ledger: TempLedger;

  beforeAll(async () => {
    ledger = await sampleLedgerInTempDir();
    await generateLedger(ledger.store, 400, { concurrency: 4 });
  });
  afterAll(() => ledger.dispose());

  it('gives the same status and reference after every event whether it folds whole findings or statuses only', async () => {
    const findings = new LedgerContext('findings');
    const statuses = new LedgerContext('statuses');
    const seen = new Set<string>();
    let findingEvents = 0;
    for await (const event of ledger.store.readAll()) {
      findings.apply(event);
      statuses.apply(event);
      if (RECOMMENDATION_TYPES.has(event.type)) findingEvents += 1;
      expect(statuses.statusOf(event.streamId)).toBe(findings.statusOf(event.streamId));
      expect(statuses.referenceOf(event.streamId)).toBe(findings.referenceOf(event.streamId));
      const status = findings.statusOf(event.streamId);
      if (status !== null) seen.add(status);
    }
    expect(findingEvents).toBeGreaterThan(400);
    expect([...seen].sort()).toEqual(expect.arrayContaining(['Accepted', 'AwaitingVerification', 'Closed', 'InProgress', 'Issued', 'Verified']));
    expect(statuses.finding('recommendation-inspection-0-rec-1')).toBeUndefined();
  });
});
