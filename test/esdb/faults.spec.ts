/**
 * EventStoreDB going away and coming back, with the ledger running on the adapter: the emulator
 * restarts (down for a while, same port, same data) while projections are subscribed, and
 * commands keep coming once it is back.
 *
 * - The projection runner resumes from where it was: afterwards its read models equal a
 *   rebuild from the log, and the timeline holds each stream's events exactly once.
 * - Over HTTP, while the server is down, a command answers 503 problem+json and records
 *   nothing, and /health answers 503 naming the server's address; once it is back, commands
 *   succeed again and the read models catch up.
 */
import { sampleRegisterInspection } from '@ledger/domain/inspection/sample-inspection.fixture';
import { EVENT_STORE } from '@ledger/application';
import { type EventStore, EventStoreUnavailableError, LEDGER_STREAM_PREFIXES } from '@ledger/event-store';
import { ProjectionRunner, type ReadModels, verifyProjections } from '@ledger/projections';
import { aggregateOf } from '@ledger/projections/read-models/shared/envelope';
import { PROJECTION_RUNNER, READ_MODELS } from '../../apps/api/src/read-models/read-models.tokens';
import { post, type HistoryEvent } from '../e2e/support/http';
import { removeDataDir, startLedger, type LedgerUnderTest } from '../e2e/support/ledger-under-test';
import { readSamplePage } from '../e2e/support/sample-page';
import { ACTION_OWNER, CHIEF_CONSTABLE, COMMISSIONER, evidence, rec03Commitment, registration, VERIFIER } from '../e2e/support/sample-requests';
import { LedgerDriver } from '../read-models/support/ledger-driver';
import { openReadSide, type ReadSide } from '../read-models/support/read-models-under-test';
import { ID, PEOPLE } from '../read-models/support/sample-year';
import { type EmulatedStore, startEmulatedStore } from './support/emulated-store';
import { QUIET, eventually, recordingLogger, untilRefused } from './support/esdb-test-kit';

jest.setTimeout(60_000);

const DOWNTIME_MS = 2_500;
/** Resubscribe quickly, so that the test does not wait on the production backoff. */
const FAST_RECONNECT = { initialMs: 50, maxMs: 400 };
const RECOMMENDATIONS = [ID.rec03, ID.rec05, ID.rec07, ID.rec09, ID.rec11];

/** Events per aggregate stream (the ones the timeline keeps), in the log. */
async function eventsPerStream(store: EventStore): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for await (const event of store.readAll()) {
    if (aggregateOf(event.streamId) !== null) counts[event.streamId] = (counts[event.streamId] ?? 0) + 1;
  }
  return counts;
}

/** Rows per stream in the timeline read model, which holds one row per ledger event. */
function timelineRowsPerStream(readModels: ReadModels): Record<string, number> {
  const rows = readModels.db
    .prepare(`SELECT stream_id AS streamId, count(*) AS count FROM ${readModels.table('timeline', 'entries')} GROUP BY stream_id`)
    .all() as { streamId: string; count: number }[];
  return Object.fromEntries(rows.map(({ streamId, count }) => [streamId, count]));
}

function checkpoints(readModels: ReadModels): Record<string, bigint | null> {
  return Object.fromEntries(readModels.projections.map((projection) => [projection.name, readModels.activeGeneration(projection.name)?.checkpoint ?? null]));
}

async function expectLiveWithoutFault(runner: ProjectionRunner, readModels: ReadModels): Promise<void> {
  const statuses = await runner.status();
  expect(statuses.map((s) => [s.name, s.state, s.fault, s.error])).toEqual(readModels.projections.map((p) => [p.name, 'live', null, null]));
}

/** The adapter logged each subscription's loss and its resumption after a position, never from the start. */
function expectSubscriptionsResumedFromTheirPositions(lines: string[], atLeast: number): void {
  const lost = lines.filter((line) => line.includes('subscription to $all') && line.includes(' lost '));
  const resumed = lines.filter((line) => line.includes('subscription to $all resumed after'));
  expect(lost.length).toBeGreaterThanOrEqual(atLeast);
  expect(resumed.length).toBeGreaterThanOrEqual(atLeast);
  for (const line of [...lost, ...resumed]) expect(line).toMatch(/after \d+[ .]/);
}

describe('a projection runner on EventStoreDB while the server restarts', () => {
  const logger = recordingLogger();
  let emulated: EmulatedStore;
  let side: ReadSide;
  let driver: LedgerDriver;

  beforeAll(async () => {
    emulated = await startEmulatedStore({ adapter: { reconnectBackoff: FAST_RECONNECT, logger } });
    side = await openReadSide(undefined, { store: emulated.store, streamPrefixes: LEDGER_STREAM_PREFIXES });
    driver = await LedgerDriver.start(emulated.store);
  });

  afterAll(async () => {
    await driver?.close();
    await side?.close();
    await emulated?.close();
  });

  const progress = (recommendationId: string, round: number) =>
    driver.recommendation({ type: 'RecordProgress', recommendationId, narrative: `Round ${round} of monthly reporting`, percentComplete: round * 5, rag: 'amber' }, { as: PEOPLE.actionOwner });

  it('resumes from its checkpoint: nothing lost, nothing applied twice, and the rows equal a rebuild', async () => {
    await driver.at('2024-09-02T09:00:00Z').inspection(sampleRegisterInspection, { as: PEOPLE.officeStaff });
    for (const recommendationId of RECOMMENDATIONS) {
      await driver.recommendation(
        { type: 'AcceptRecommendation', recommendationId, commitment: 'We will do this.', plannedCompletionDate: '2025-06-30' },
        { as: PEOPLE.officeStaff, onBehalfOf: CHIEF_CONSTABLE },
      );
      await driver.recommendation({ type: 'AssignOwner', recommendationId, owner: 'Head of Public Protection', organisation: 'Cumbria Constabulary' }, { as: PEOPLE.officeStaff });
    }
    let last = (await progress(ID.rec03, 1)).position;
    await side.caughtUp(last);
    const before = checkpoints(side.readModels);
    const linesBefore = logger.lines.length;

    const restarting = emulated.emulator.restart({ downtimeMs: DOWNTIME_MS });
    await untilRefused(emulated.emulator.port);
    await expect(progress(ID.rec05, 1)).rejects.toBeInstanceOf(EventStoreUnavailableError);
    await restarting;

    for (let round = 2; round <= 4; round += 1) {
      for (const recommendationId of RECOMMENDATIONS) last = (await progress(recommendationId, round)).position;
    }
    await side.caughtUp(last);

    const after = checkpoints(side.readModels);
    for (const [projection, checkpoint] of Object.entries(after)) {
      expect({ projection, moved: checkpoint !== null && before[projection] !== null && checkpoint > before[projection]! }).toEqual({ projection, moved: true });
    }
    // One reader of the log feeds every projection.
    expectSubscriptionsResumedFromTheirPositions(logger.lines.slice(linesBefore), 1);
    expect(timelineRowsPerStream(side.readModels)).toEqual(await eventsPerStream(emulated.store));
    const verification = await verifyProjections(emulated.store, side.readModels, { streamPrefixes: LEDGER_STREAM_PREFIXES });
    expect(verification.projections.map((p) => [p.projection, p.outcome])).toEqual(side.readModels.projections.map((p) => [p.name, 'identical']));
    await expectLiveWithoutFault(side.runner, side.readModels);
  });

  it('started again after a stop, carries on from the checkpoints it stored (byte offsets), not from the start', async () => {
    await side.runner.stop();
    const stored = checkpoints(side.readModels);
    let last = 0n;
    for (const recommendationId of RECOMMENDATIONS) last = (await progress(recommendationId, 5)).position;

    const subscribedAfter: Array<bigint | undefined> = [];
    const store = emulated.store;
    const watched: EventStore = {
      append: (...args) => store.append(...args),
      readStream: (...args) => store.readStream(...args),
      readAll: (...args) => store.readAll(...args),
      subscribeToAll: (options) => {
        subscribedAfter.push(options?.after);
        return store.subscribeToAll(options);
      },
      headPosition: () => store.headPosition(),
      countAfter: (...args) => store.countAfter(...args),
      health: () => store.health(),
      close: () => store.close(),
    };
    const runner = new ProjectionRunner({ store: watched, readModels: side.readModels, streamPrefixes: LEDGER_STREAM_PREFIXES, logger: QUIET });
    await runner.start();
    try {
      expect(await runner.waitForPosition(last, 10_000)).toBe(true);
      // One subscription for every projection, after the least checkpoint stored.
      const least = Object.values(stored).reduce((a, b) => (a === null || (b !== null && b < a) ? b : a));
      expect(least).not.toBeNull();
      expect(subscribedAfter).toEqual([least]);
      expect(timelineRowsPerStream(side.readModels)).toEqual(await eventsPerStream(store));
      expect((await verifyProjections(store, side.readModels, { streamPrefixes: LEDGER_STREAM_PREFIXES })).ok).toBe(true);
      await expectLiveWithoutFault(runner, side.readModels);
    } finally {
      await runner.stop();
    }
  });
});

describe('the API on EventStoreDB while the server restarts', () => {
  const logger = recordingLogger();
  const page = readSamplePage();
  let emulated: EmulatedStore;
  let ledger: LedgerUnderTest;
  let rec03: string;

  beforeAll(async () => {
    emulated = await startEmulatedStore({ adapter: { reconnectBackoff: FAST_RECONNECT, healthTimeoutMs: 1_000, logger } });
    ledger = await startLedger(undefined, {}, { eventStore: emulated.store });
    const registered = await post(ledger, '/api/inspections', registration(page)).expect(201);
    rec03 = registered.body.findingIds[0];
    await post(ledger, `/api/recommendations/${rec03}/accept`, { commitment: rec03Commitment(page), plannedCompletionDate: '2025-01-31', onBehalfOf: CHIEF_CONSTABLE }).expect(200);
    await post(ledger, `/api/recommendations/${rec03}/assign-owner`, { owner: 'Head of Crime', organisation: 'Cumbria Constabulary' }).expect(200);
  });

  afterAll(async () => {
    await ledger?.stop();
    await emulated?.close();
    if (ledger) removeDataDir(ledger.dataDir);
  });

  it('answers 503 while the server is down, names its address in /health, and takes commands again once it is back', async () => {
    const path = `/api/recommendations/${rec03}`;
    const address = `esdb://127.0.0.1:${emulated.emulator.port}`;
    const linesBefore = logger.lines.length;

    const restarting = emulated.emulator.restart({ downtimeMs: DOWNTIME_MS });
    await untilRefused(emulated.emulator.port);

    const refused = await post(ledger, `${path}/progress`, { narrative: 'Sent while the log was down', percentComplete: 10, rag: 'amber' }, { as: ACTION_OWNER });
    expect(refused.status).toBe(503);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.body).toMatchObject({ type: 'tag:pfcc-ledger,2024:problems/store-unavailable', title: 'The event store is unavailable', status: 503 });
    expect(refused.body.detail).toContain('nothing was recorded');

    const health = await ledger.http().get('/health');
    expect(health.status).toBe(503);
    expect(health.body).toMatchObject({ status: 'unavailable', eventStore: { ok: false, kind: 'esdb' } });
    expect(health.body.eventStore.detail).toContain(address);

    await restarting;

    const progressed = await post(ledger, `${path}/progress`, { narrative: '212 of 240 detectives trained', percentComplete: 88, rag: 'green' }, { as: ACTION_OWNER }).expect(200);
    const submitted = await post(ledger, `${path}/evidence`, evidence('RSDPIP training completion register'), { as: ACTION_OWNER }).expect(201);
    await post(ledger, `${path}/mark-complete`, { summary: 'Every investigating detective trained', evidenceIds: [submitted.body.evidenceId] }, { as: ACTION_OWNER }).expect(200);
    await post(ledger, `${path}/verify`, { comment: 'Checked the register' }, { as: VERIFIER }).expect(200);
    const closed = await post(ledger, `${path}/close`, { comment: 'Signed off by the PFCC' }, { as: COMMISSIONER }).expect(200);
    expect(BigInt(closed.body.position)).toBeGreaterThan(BigInt(progressed.body.position));

    const history = await ledger.http().get(`${path}/history`).expect(200);
    const events = history.body.events as HistoryEvent[];
    expect(events.map((e) => e.data.narrative).filter(Boolean)).toEqual(['212 of 240 detectives trained']);
    expect(events.at(-1)!.type).toBe('RecommendationClosed');

    const detail = await ledger.http().get(`/api/read/recommendations/${rec03}`).query({ atLeast: closed.body.position }).expect(200);
    expect(detail.body).toMatchObject({ consistent: true, finding: { reference: 'REC 03', status: 'Closed' } });
    expect((detail.body.timeline as unknown[]).length).toBe(events.length);

    const healthy = await eventually(() => ledger.http().get('/health').expect(200));
    expect(healthy.body).toMatchObject({ status: 'ok', eventStore: { ok: true, kind: 'esdb', detail: `EventStoreDB at ${address} answers` } });

    const readModels = ledger.app.get<ReadModels>(READ_MODELS);
    const runner = ledger.app.get<ProjectionRunner>(PROJECTION_RUNNER);
    expectSubscriptionsResumedFromTheirPositions(logger.lines.slice(linesBefore), 1);
    expect(timelineRowsPerStream(readModels)).toEqual(await eventsPerStream(emulated.store));
    expect((await verifyProjections(ledger.app.get<EventStore>(EVENT_STORE), readModels)).ok).toBe(true);
    await expectLiveWithoutFault(runner, readModels);
  });
});
