/**
 * Two API instances on one log: against one EventStoreDB (the emulator, through two client
 * connections) and against one embedded SQLite file (two connections, as two processes would
 * have). Each instance has its own data folder, so its own read models. Commands sent to either,
 * and the same command delivered to both at once, are each recorded exactly once; an
 * Idempotency-Key used on one instance holds on the other (same body: the same answer; another
 * body: 422 and nothing recorded).
 */
import * as path from 'node:path';
import { randomUUID } from 'node:crypto';
import { type EventStore, SqliteEventStore, isBookkeepingStream } from '@ledger/event-store';
import { EsdbEventStore } from '@ledger/event-store/esdb/esdb-event-store';
import { startEmulator } from '../esdb-emulator/start-emulator';
import { QUIET } from '../esdb/support/esdb-test-kit';
import { post, waitForHistory } from './support/http';
import { logSnapshot, readLog, removeDataDir, startLedger, temporaryDataDir, type LedgerUnderTest } from './support/ledger-under-test';
import { readSamplePage } from './support/sample-page';
import { CHIEF_CONSTABLE, rec03Commitment, registration } from './support/sample-requests';

jest.setTimeout(90_000);

/** Two connections to one log, and how to let them go. */
interface SharedLog {
  connections: [EventStore, EventStore];
  close(): Promise<void>;
}

const LOGS: Array<{ store: string; open(): Promise<SharedLog> }> = [
  {
    store: 'one EventStoreDB (emulator)',
    open: async () => {
      const emulator = await startEmulator();
      const a = await EsdbEventStore.connect(emulator.connectionString, { logger: QUIET });
      const b = await EsdbEventStore.connect(emulator.connectionString, { logger: QUIET });
      return {
        connections: [a, b],
        close: async () => {
          await a.close();
          await b.close();
          await emulator.stop();
        },
      };
    },
  },
  {
    store: 'one embedded SQLite file',
    open: async () => {
      const dir = temporaryDataDir();
      const file = path.join(dir, 'events.sqlite');
      const a = SqliteEventStore.open(file);
      const b = SqliteEventStore.open(file);
      return {
        connections: [a, b],
        close: async () => {
          await a.close();
          await b.close();
          removeDataDir(dir);
        },
      };
    },
  },
];

async function ledgerEvents(store: EventStore) {
  return (await readLog(store)).filter((event) => !isBookkeepingStream(event.streamId));
}

describe.each(LOGS)('two API instances on $store', ({ open }) => {
  let log: SharedLog;
  let instances: [LedgerUnderTest, LedgerUnderTest];
  let recommendations: string[];

  beforeAll(async () => {
    log = await open();
    instances = [
      await startLedger(temporaryDataDir(), {}, { eventStore: log.connections[0] }),
      await startLedger(temporaryDataDir(), {}, { eventStore: log.connections[1] }),
    ];
    const [a, b] = instances;
    const registered = await post(a, '/api/inspections', registration(readSamplePage())).expect(201);
    recommendations = registered.body.findingIds.slice(0, 4);
    for (const [n, id] of recommendations.entries()) {
      const instance = instances[n % 2];
      expect((await waitForHistory(instance, `/api/recommendations/${id}/history`)).status).toBe(200);
      await post(instance, `/api/recommendations/${id}/accept`, {
        commitment: rec03Commitment(readSamplePage()),
        plannedCompletionDate: '2025-01-31',
        onBehalfOf: CHIEF_CONSTABLE,
      }).expect(200);
    }
    // Issuing the findings ran on the instance that registered, and perhaps on the other too: once in the log.
    expect((await b.http().get(`/api/recommendations/${recommendations[0]}/history`).expect(200)).body.events[0].type).toBe('FindingIssued');
  });

  afterAll(async () => {
    for (const instance of instances ?? []) {
      await instance.stop();
      removeDataDir(instance.dataDir);
    }
    await log?.close();
  });

  it('commands to either instance, and the same command delivered to both at once, are each recorded exactly once', async () => {
    const commands = Array.from({ length: 24 }, (_, n) => ({
      path: `/api/recommendations/${recommendations[n % recommendations.length]}/progress`,
      body: { narrative: `report ${n} ${randomUUID()}`, percentComplete: n, rag: 'green' },
      key: `two-instances-${n}-${randomUUID()}`,
      // Every third command is delivered to both instances at the same moment, as a retry through a load balancer may be.
      both: n % 3 === 0,
    }));
    const send = (instance: LedgerUnderTest, command: (typeof commands)[number]) =>
      post(instance, command.path, command.body, { headers: { 'Idempotency-Key': command.key } });

    const answers = await Promise.all(
      commands.map((command, n) =>
        command.both ? Promise.all([send(instances[0], command), send(instances[1], command)]) : send(instances[n % 2], command).then((answer) => [answer]),
      ),
    );

    for (const delivered of answers) {
      expect(delivered.map((answer) => answer.status)).toEqual(delivered.map(() => 200));
      // Both deliveries of one command got the same answer: one record, one revision.
      expect(new Set(delivered.map((answer) => JSON.stringify({ revision: answer.body.revision, eventIds: answer.body.eventIds }))).size).toBe(1);
      expect(delivered[0].body.eventIds.length).toBeGreaterThan(0);
    }
    const events = await ledgerEvents(log.connections[0]);
    for (const command of commands) {
      const recorded = events.filter((event) => event.data['narrative'] === command.body.narrative);
      expect({ narrative: command.body.narrative, recorded: recorded.length }).toEqual({ narrative: command.body.narrative, recorded: 1 });
    }
    expect(new Set(events.map((event) => event.id)).size).toBe(events.length);
  });

  it('an Idempotency-Key answered by one instance holds on the other: same body, the same answer; another body, 422 and nothing recorded', async () => {
    const [a, b] = instances;
    const key = `shared-${randomUUID()}`;
    const path = `/api/recommendations/${recommendations[0]}/progress`;
    const body = { narrative: `Key shared across instances ${randomUUID()}`, percentComplete: 70, rag: 'green' };

    const first = await post(a, path, body, { headers: { 'Idempotency-Key': key } }).expect(200);
    const before = await ledgerEvents(log.connections[0]);
    const retried = await post(b, path, body, { headers: { 'Idempotency-Key': key } }).expect(200);
    const reused = await post(b, path, { ...body, percentComplete: 80 }, { headers: { 'Idempotency-Key': key } });

    expect(retried.body).toEqual(first.body);
    expect(retried.headers['idempotent-replayed']).toBe('true');
    expect(retried.headers.etag).toBe(first.headers.etag);
    expect(reused.status).toBe(422);
    expect(reused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(reused.body).toMatchObject({ rule: 'IdempotencyKeyReused', field: 'Idempotency-Key' });
    expect(await ledgerEvents(log.connections[0])).toEqual(before);
    // Also when the other body reaches the instance that gave the first answer.
    await post(a, path, { ...body, rag: 'amber' }, { headers: { 'Idempotency-Key': key } }).expect(422);
    expect((await logSnapshot(log.connections[1])).ids).toEqual((await logSnapshot(log.connections[0])).ids);
  });
});
