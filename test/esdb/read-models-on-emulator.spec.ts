/**
 * The read models of the sample's realistic year, built by the real projection runner from the
 * EventStoreDB adapter (through the real client, over gRPC, against the emulator), are the very
 * rows the embedded store gives for the same commands; and they pass the determinism check.
 * The emulator's log also holds another application's stream, which the runner, subscribing to
 * the ledger's stream prefixes only, never sees.
 */
import { randomUUID } from 'node:crypto';
import { LEDGER_STREAM_PREFIXES } from '@ledger/event-store';
import { ProjectionRunner, type RebuildProgress, verifyProjections } from '@ledger/projections';
import { queryRegister } from '@ledger/projections/read-models';
import { LedgerDriver } from '../read-models/support/ledger-driver';
import { openReadSide, type ReadSide, SILENT } from '../read-models/support/read-models-under-test';
import { QUERY_DAY, recordSampleYear, type SampleYear } from '../read-models/support/sample-year';
import { type EmulatedStore, startEmulatedStore } from './support/emulated-store';
import { readModelRows } from './support/read-model-rows';

jest.setTimeout(60_000);

/** Runs the sample year through the application on this read side's store. */
async function recordYearOn(side: ReadSide): Promise<SampleYear> {
  const driver = await LedgerDriver.start(side.store);
  try {
    const year = await recordSampleYear(driver);
    await side.caughtUp(year.lastPosition);
    return year;
  } finally {
    await driver.close();
  }
}

describe('read models of the sample year on the EventStoreDB adapter (emulator)', () => {
  let emulated: EmulatedStore;
  let embedded: ReadSide;
  let esdb: ReadSide;
  let embeddedYear: SampleYear;
  let esdbYear: SampleYear;

  beforeAll(async () => {
    emulated = await startEmulatedStore();
    // Another application's events, before and in between: nothing for the ledger's projections.
    const foreign = () => emulated.store.append(`billing-${randomUUID()}`, [{ id: randomUUID(), type: 'RecommendationAccepted', data: { recommendationId: 'x' }, metadata: {} }], 'no_stream');
    await foreign();
    embedded = await openReadSide();
    esdb = await openReadSide(undefined, { store: emulated.store, streamPrefixes: LEDGER_STREAM_PREFIXES });
    embeddedYear = await recordYearOn(embedded);
    esdbYear = await recordYearOn(esdb);
    await foreign();
  });

  afterAll(async () => {
    await esdb?.close();
    await embedded?.close();
    await emulated?.close();
  });

  it('writes the year to EventStoreDB at its own (byte-offset) positions', async () => {
    expect(esdbYear.lastPosition).not.toBe(embeddedYear.lastPosition);
    expect(await emulated.store.headPosition()).toBeGreaterThan(esdbYear.lastPosition);
  });

  it('builds the same rows in every table of every projection as the embedded store, positions compared by their order', async () => {
    const fromEmbedded = await readModelRows(embedded.store, embedded.readModels, LEDGER_STREAM_PREFIXES);
    const fromEsdb = await readModelRows(emulated.store, esdb.readModels, LEDGER_STREAM_PREFIXES);

    expect(Object.keys(fromEsdb)).toEqual(Object.keys(fromEmbedded));
    for (const [table, rows] of Object.entries(fromEmbedded)) {
      // Corrections put off during a load are finished and cleared once its indexes are built.
      if (table !== 'timeline.deferred_corrections') expect({ table, empty: rows.length === 0 }).toEqual({ table, empty: false });
      expect({ table, rows: fromEsdb[table] }).toEqual({ table, rows });
    }
  });

  it('answers the register query for the query day exactly as the embedded store does', () => {
    const all = { limit: 500, offset: 0 };
    expect(queryRegister(esdb.readModels, {}, all, QUERY_DAY)).toEqual(queryRegister(embedded.readModels, {}, all, QUERY_DAY));
  });

  it('holds the same rows live as a full rebuild from the EventStoreDB log', async () => {
    const verification = await verifyProjections(emulated.store, esdb.readModels, { streamPrefixes: LEDGER_STREAM_PREFIXES });

    expect(verification.projections.map((p) => [p.projection, p.outcome, p.reason])).toEqual(
      esdb.readModels.projections.map((projection) => [projection.name, 'identical', null]),
    );
    expect(verification.ok).toBe(true);
  });

  it('every projection is live at the head of the ledger streams, with no fault', async () => {
    const statuses = await esdb.runner.status();
    expect(statuses.map((s) => [s.name, s.state, s.fault, s.error, s.lag])).toEqual(
      esdb.readModels.projections.map((projection) => [projection.name, 'live', null, null, { events: 0, atLeast: false }]),
    );
  });

  it('reports a rebuild’s progress from head minus checkpoint in commit positions, without reading the log to count it', async () => {
    const events = (await esdb.readModels.activeGeneration('timeline'))?.eventsApplied ?? 0;
    const forwardReads: unknown[] = [];
    const readAll = emulated.store.readAll.bind(emulated.store);
    const spy = jest.spyOn(emulated.store, 'readAll').mockImplementation((options) => {
      if (options?.direction !== 'backwards') forwardReads.push(options);
      return readAll(options);
    });
    const reports: RebuildProgress[] = [];
    try {
      const runner = new ProjectionRunner({ store: emulated.store, readModels: esdb.readModels, streamPrefixes: LEDGER_STREAM_PREFIXES, batchSize: 20, catchUpBatchSize: 20, logger: SILENT });
      const result = await runner.rebuild('timeline', { onProgress: (progress) => reports.push(progress) });
      await runner.stop();
      expect(result.events).toBe(events);
    } finally {
      spy.mockRestore();
    }

    expect(forwardReads).toEqual([]);
    const running = reports.filter((progress) => !progress.finished);
    expect(running.length).toBeGreaterThan(3);
    // The log's commit positions are byte offsets: the total is estimated from them, and ends exact.
    expect(running.every((progress) => progress.eventsTotal >= progress.eventsDone && progress.eventsTotal > 0)).toBe(true);
    const halfway = running[Math.floor(running.length / 2)];
    expect(halfway.eventsTotal).toBeGreaterThan(events * 0.5);
    expect(halfway.eventsTotal).toBeLessThan(events * 2);
    expect(reports.at(-1)).toMatchObject({ finished: true, eventsDone: events, eventsTotal: events });
  });
});
