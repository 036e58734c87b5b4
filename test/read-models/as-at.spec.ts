import { londonDate } from '@ledger/domain';
import type { EventStore } from '@ledger/event-store';
import { queryAsAt, queryRegister, type AsAtEntry, type Basis, type RegisterEntry, type RegisterFilter } from '@ledger/projections/read-models';
import { LedgerDriver } from './support/ledger-driver';
import { openReadSide, type ReadSide } from './support/read-models-under-test';
import { ID, QUERY_DAY, recordSampleYear, type SampleYear } from './support/sample-year';

const ALL = { limit: 500, offset: 0 };

/** What the "as at" view and the live register both say of a finding. */
function standing(entry: AsAtEntry | RegisterEntry) {
  const { recommendationId, reference, status, decision, owner, originalTargetDate, targetDate, dueDate, targetDateRevisions, completedOn, closedOn, inspection } = entry;
  const { overdue, daysOverdue, daysPastDueDate, daysPastTargetDate, daysUntilTarget, blocked, rag, ragAgainstDueDate, ragAgainstTargetDate } = entry;
  const openDependencies = typeof entry.openDependencies === 'number' ? entry.openDependencies : entry.openDependencies.length;
  return {
    ...{ recommendationId, reference, status, decision, owner, originalTargetDate, targetDate, dueDate, targetDateRevisions, completedOn, closedOn, inspection, openDependencies },
    ...{ overdue, daysOverdue, daysPastDueDate, daysPastTargetDate, daysUntilTarget, blocked, rag, ragAgainstDueDate, ragAgainstTargetDate },
  };
}

/** A fresh ledger holding only the events the sample's ledger had recorded by the end of `day`. */
async function ledgerAsItWasOn(source: EventStore, day: string): Promise<{ side: ReadSide; last: bigint | null }> {
  const side = await openReadSide();
  let last: bigint | null = null;
  for await (const event of source.readAll()) {
    if (londonDate(new Date(String(event.metadata['recordedAt']))) > day) continue;
    last = (await side.store.append(event.streamId, [{ id: event.id, type: event.type, data: event.data, metadata: event.metadata }], 'any')).position;
  }
  if (last !== null) await side.caughtUp(last);
  return { side, last };
}

describe('the register "as at" a date, from the history read model', () => {
  let full: ReadSide;
  let ledger: LedgerDriver;
  let year: SampleYear;

  beforeAll(async () => {
    full = await openReadSide();
    ledger = await LedgerDriver.start(full.store);
    year = await recordSampleYear(ledger);
    await full.caughtUp(year.lastPosition);
  });

  afterAll(async () => {
    await ledger?.close();
    await full?.close();
  });

  const asAt = (date: string, basis: Basis = 'recorded', filter: RegisterFilter = {}) => queryAsAt(full.readModels, { date, basis }, filter, ALL);

  it.each(['2024-08-27', '2024-09-24', '2024-09-25', '2025-01-31', '2025-02-12', '2025-05-14', QUERY_DAY])(
    'as the ledger showed it on %s equals the live register of a ledger that holds only the events recorded by the end of that day',
    async (day) => {
      const { side } = await ledgerAsItWasOn(full.store, day);
      try {
        const shown = asAt(day, 'recorded');
        expect(shown.items.map(standing)).toEqual(queryRegister(side.readModels, {}, ALL, day).items.map(standing));
        expect(shown.items).toHaveLength(5);
      } finally {
        await side.close();
      }
    },
  );

  it('as the ledger showed it cuts by recording; as it stood cuts by when it happened: decisions taken on 24 September were recorded on the 25th', () => {
    const statuses = (day: string, basis: Basis) => asAt(day, basis).items.map((f) => f.status);
    expect(statuses('2024-09-24', 'recorded')).toEqual(['Issued', 'Issued', 'Issued', 'Issued', 'Issued']);
    expect(statuses('2024-09-25', 'recorded')).toEqual(['Accepted', 'Accepted', 'Accepted', 'Accepted', 'PartiallyAccepted']);
    expect(statuses('2024-09-23', 'occurred')).toEqual(['Issued', 'Issued', 'Issued', 'Issued', 'Issued']);
    expect(statuses('2024-09-24', 'occurred')).toEqual(['Accepted', 'Accepted', 'Accepted', 'Accepted', 'PartiallyAccepted']);
    expect(asAt('2024-09-24', 'occurred')).toMatchObject({ basis: 'occurred', basisMeaning: expect.stringContaining('as it stood') });
    expect(asAt('2024-09-24', 'occurred').items[0].commitment).toMatchObject({ plannedCompletionDate: '2025-01-31', occurredAt: '2024-09-24T14:00:00.000Z' });
    expect(asAt('2024-09-24', 'recorded').items[0].commitment).toBeNull();
  });

  it("shows the register as the panel saw it on the evening of its February meeting, overdue counted to that day", async () => {
    const shown = asAt('2025-02-12');
    expect(shown).toMatchObject({ date: '2025-02-12', basis: 'recorded', total: 5 });
    // REC 03's target moved to 30 April, but the inspectorate's 31 January had passed: red against it.
    expect(shown.items.map((f) => [f.reference, f.status, f.targetDate, f.overdue, f.daysPastDueDate, f.daysPastTargetDate, f.blocked, f.ragAgainstDueDate, f.ragAgainstTargetDate, f.rag])).toEqual([
      ['REC 03', 'InProgress', '2025-04-30', true, 12, null, false, 'red', 'green', 'red'],
      ['REC 05', 'InProgress', '2025-07-31', false, null, null, true, 'amber', 'amber', 'amber'],
      ['REC 07', 'Closed', '2025-01-31', false, null, null, false, null, null, null],
      ['REC 09', 'InProgress', '2025-01-31', true, 12, 12, false, 'red', 'red', 'red'],
      ['REC 11', 'InProgress', '2025-03-31', false, null, null, false, 'green', 'green', 'green'],
    ]);
    expect(asAt('2025-02-12', 'recorded', { overdue: true }).items.map((f) => f.recommendationId)).toEqual([ID.rec03, ID.rec09]);
    const blocked = asAt('2025-02-12', 'recorded', { blocked: true });
    expect(blocked.items.map((f) => f.recommendationId)).toEqual([ID.rec05]);
  });

  it('in both views, as at the query day is the live register for that day', () => {
    const live = queryRegister(full.readModels, {}, ALL, QUERY_DAY).items.map(standing);
    expect(asAt(QUERY_DAY, 'recorded').items.map(standing)).toEqual(live);
    expect(asAt(QUERY_DAY, 'occurred').items.map(standing)).toEqual(live);
  });

  it('pages with a total, and is empty before anything was recorded or happened', () => {
    const page = queryAsAt(full.readModels, { date: QUERY_DAY, basis: 'occurred' }, {}, { limit: 2, offset: 2 });
    expect({ total: page.total, references: page.items.map((f) => f.reference) }).toEqual({ total: 5, references: ['REC 07', 'REC 09'] });
    const filtered = queryAsAt(full.readModels, { date: QUERY_DAY, basis: 'occurred' }, { statuses: ['Closed', 'Verified'] }, { limit: 1, offset: 1 });
    expect({ total: filtered.total, references: filtered.items.map((f) => f.reference) }).toEqual({ total: 3, references: ['REC 07'] });
    expect(asAt('2024-08-26', 'recorded')).toMatchObject({ total: 0, items: [] });
    expect(asAt('2024-08-26', 'occurred')).toMatchObject({ total: 0, items: [] });
  });
});
