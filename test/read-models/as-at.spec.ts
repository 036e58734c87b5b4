import { londonDate } from '@ledger/domain';
import type { EventStore } from '@ledger/event-store';
import { queryRegister, registerAsAt } from '@ledger/projections/read-models';
import { LedgerDriver } from './support/ledger-driver';
import { openReadSide, type ReadSide } from './support/read-models-under-test';
import { ID, QUERY_DAY, recordSampleYear, type SampleYear } from './support/sample-year';

const ALL = { limit: 500, offset: 0 };

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

describe('the register "as at" a date', () => {
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

  it.each(['2024-08-27', '2024-09-24', '2024-09-25', '2025-01-31', '2025-02-12', '2025-05-14', QUERY_DAY])(
    'as at %s equals the live register of a ledger that holds only the events recorded by the end of that day',
    async (day) => {
      const { side } = await ledgerAsItWasOn(full.store, day);
      try {
        const asAt = await registerAsAt(full.store, day, {}, ALL);
        expect(asAt.items).toEqual(queryRegister(side.readModels, {}, ALL, day).items);
        expect(asAt.items).toHaveLength(5);
      } finally {
        await side.close();
      }
    },
  );

  it('cuts by the time the ledger recorded an event: decisions taken on 24 September were recorded on the 25th', async () => {
    const statuses = async (day: string) => (await registerAsAt(full.store, day, {}, ALL)).items.map((f) => f.status);
    expect(await statuses('2024-09-24')).toEqual(['Issued', 'Issued', 'Issued', 'Issued', 'Issued']);
    expect(await statuses('2024-09-25')).toEqual(['Accepted', 'Accepted', 'Accepted', 'Accepted', 'PartiallyAccepted']);
  });

  it("shows the register as the panel saw it on the evening of its February meeting, overdue counted to that day", async () => {
    const asAt = await registerAsAt(full.store, '2025-02-12', {}, ALL);
    expect(asAt).toMatchObject({ date: '2025-02-12', basis: 'recorded', total: 5 });
    expect(asAt.items.map((f) => [f.reference, f.status, f.targetDate, f.overdue, f.daysOverdue, f.blocked, f.rag])).toEqual([
      ['REC 03', 'InProgress', '2025-04-30', false, null, false, 'green'],
      ['REC 05', 'InProgress', '2025-07-31', false, null, true, 'amber'],
      ['REC 07', 'Closed', '2025-01-31', false, null, false, null],
      ['REC 09', 'InProgress', '2025-01-31', true, 12, false, 'red'],
      ['REC 11', 'InProgress', '2025-03-31', false, null, false, 'green'],
    ]);
    const overdue = await registerAsAt(full.store, '2025-02-12', { overdue: true }, ALL);
    expect(overdue.items.map((f) => f.recommendationId)).toEqual([ID.rec09]);
    const blocked = await registerAsAt(full.store, '2025-02-12', { blocked: true }, ALL);
    expect(blocked.items.map((f) => f.recommendationId)).toEqual([ID.rec05]);
  });

  it('as at the query day is the live register for that day', async () => {
    const asAt = await registerAsAt(full.store, QUERY_DAY, {}, ALL);
    expect(asAt.items).toEqual(queryRegister(full.readModels, {}, ALL, QUERY_DAY).items);
    expect(asAt.lastPosition).not.toBeNull();
  });

  it('is empty before anything was recorded', async () => {
    expect(await registerAsAt(full.store, '2024-08-26', {}, ALL)).toMatchObject({ total: 0, items: [], eventsReplayed: 0, lastPosition: null });
  });
});
