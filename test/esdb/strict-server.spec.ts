/**
 * The adapter against an emulator as strict as a real EventStoreDB node, on both append paths:
 * bounded idempotency (a window of recent writes, lost on restart), the maximum append size,
 * call deadlines, TLS with a certificate made here, users and access rules with the server's
 * error encodings, and a three-node cluster found through gossip with leader changes.
 */
import { randomUUID } from 'node:crypto';
import {
  AppendTooLargeError,
  type EventStore,
  EventStoreAccessDeniedError,
  EventStoreUnauthenticatedError,
  EventStoreUnavailableError,
  type EventToAppend,
  type RecordedEvent,
} from '@ledger/event-store';
import { EsdbEventStore } from '@ledger/event-store/esdb/esdb-event-store';
import { type EsdbEmulator, type StartEmulatorOptions, startEmulator } from '../esdb-emulator/start-emulator';
import { loopbackCertificate } from '../esdb-emulator/test-certificate';
import { QUIET } from './support/esdb-test-kit';

jest.setTimeout(60_000);

const PATHS = [
  { path: 'BatchAppend', batchAppend: true },
  { path: 'unary Append', batchAppend: false },
];

function events(count: number, bytes = 16): EventToAppend[] {
  return Array.from({ length: count }, (_, n) => ({ id: randomUUID(), type: 'Probed', data: { n, pad: 'x'.repeat(bytes) }, metadata: {} }));
}

async function collect(iterable: AsyncIterable<RecordedEvent>): Promise<RecordedEvent[]> {
  const all: RecordedEvent[] = [];
  for await (const event of iterable) all.push(event);
  return all;
}

async function ids(store: EventStore, streamId: string): Promise<string[]> {
  return (await collect(store.readStream(streamId))).map((event) => event.id);
}

describe.each(PATHS)('EsdbEventStore on a strict emulator, $path', ({ batchAppend }) => {
  const running: Array<{ close(): Promise<void> }> = [];

  async function emulatorWith(options: StartEmulatorOptions = {}): Promise<EsdbEmulator> {
    const emulator = await startEmulator({ batchAppend, ...options });
    running.push({ close: () => emulator.stop() });
    return emulator;
  }

  async function connect(connectionString: string): Promise<EsdbEventStore> {
    const store = await EsdbEventStore.connect(connectionString, { logger: QUIET, connectTimeoutMs: 3_000, healthTimeoutMs: 1_000 });
    running.unshift({ close: () => store.close() });
    return store;
  }

  afterEach(async () => {
    for (const resource of running.splice(0)) await resource.close();
  });

  describe('idempotency is bounded, as on a real node', () => {
    it("a retry expecting 'any' is stored again once the first write has left the window of recent writes", async () => {
      const emulator = await emulatorWith({ idempotencyWindow: 4 });
      const store = await connect(emulator.connectionString);
      const stream = `window-${randomUUID()}`;
      const batch = events(2);
      await store.append(stream, batch, 'any');
      await store.append(`other-${randomUUID()}`, events(5), 'any');

      await store.append(stream, batch, 'any');

      expect(await ids(store, stream)).toEqual([...batch, ...batch].map((e) => e.id));
    });

    it("a retry expecting 'any' after a restart is stored again: the node forgot its recent writes", async () => {
      const emulator = await emulatorWith();
      const store = await connect(emulator.connectionString);
      const stream = `restart-${randomUUID()}`;
      const batch = events(1);
      await store.append(stream, batch, 'any');

      await emulator.restart();
      await store.append(stream, batch, 'any');

      expect(await ids(store, stream)).toEqual([batch[0].id, batch[0].id]);
    });

    it('a retry at the exact revision is recognised after the window has moved on and after a restart: what the ledger relies on', async () => {
      const emulator = await emulatorWith({ idempotencyWindow: 2 });
      const store = await connect(emulator.connectionString);
      const stream = `exact-${randomUUID()}`;
      const first = events(1);
      const second = events(2);
      await store.append(stream, first, 'no_stream');
      const original = await store.append(stream, second, 0n);
      await store.append(`other-${randomUUID()}`, events(5), 'any');
      await emulator.restart();

      expect(await store.append(stream, first, 'no_stream')).toEqual({ nextRevision: 0n, position: expect.any(BigInt) });
      expect(await store.append(stream, second, 0n)).toEqual(original);
      expect(await ids(store, stream)).toEqual([...first, ...second].map((e) => e.id));
    });
  });

  describe('the maximum append size', () => {
    it('an append over 1 MiB is refused as AppendTooLargeError naming the limit, and nothing is written', async () => {
      const emulator = await emulatorWith();
      const store = await connect(emulator.connectionString);
      const stream = `large-${randomUUID()}`;

      const refusal = await store.append(stream, events(2, 600_000), 'no_stream').catch((error: unknown) => error);

      expect(refusal).toBeInstanceOf(AppendTooLargeError);
      expect(refusal).toMatchObject({ streamId: stream, maxAppendSize: 1_048_576 });
      expect(await ids(store, stream)).toEqual([]);
      // The store stays usable: the same events one at a time fit.
      await store.append(stream, events(1, 600_000), 'no_stream');
      expect(await ids(store, stream)).toHaveLength(1);
    });

    it("a smaller limit configured on the server is the one reported", async () => {
      const emulator = await emulatorWith({ maxAppendSize: 10_000 });
      const store = await connect(emulator.connectionString);

      await expect(store.append(`limit-${randomUUID()}`, events(1, 20_000), 'any')).rejects.toMatchObject({ name: 'AppendTooLargeError', maxAppendSize: 10_000 });
    });
  });

  describe('call deadlines', () => {
    it('a node slower than the deadline fails the append as unavailable; nothing was written, and the retry writes once', async () => {
      const emulator = await emulatorWith();
      const impatient = await connect(emulator.connectionStringFor(null, 'defaultDeadline=400'));
      const store = await connect(emulator.connectionString);
      const stream = `slow-${randomUUID()}`;
      const batch = events(2);
      await emulator.setDelay({ ms: 1_500, moment: 'before-write' });

      await expect(impatient.append(stream, batch, 'no_stream')).rejects.toBeInstanceOf(EventStoreUnavailableError);

      await emulator.setDelay(null);
      // Past the stalled call's end: it found its client gone and wrote nothing.
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      expect(await ids(store, stream)).toEqual([]);
      await store.append(stream, batch, 'no_stream');
      expect(await ids(store, stream)).toEqual(batch.map((e) => e.id));
    });

    it('an answer lost to the deadline after the write: the retry at the same revision gets the original result, stored once', async () => {
      const emulator = await emulatorWith();
      const impatient = await connect(emulator.connectionStringFor(null, 'defaultDeadline=400'));
      const store = await connect(emulator.connectionString);
      const stream = `late-${randomUUID()}`;
      const batch = events(2);
      await store.append(stream, events(1), 'no_stream');
      await emulator.setDelay({ ms: 1_500, moment: 'after-write' });

      await expect(impatient.append(stream, batch, 0n)).rejects.toBeInstanceOf(EventStoreUnavailableError);
      await emulator.setDelay(null);
      await new Promise((resolve) => setTimeout(resolve, 1_500));

      expect(await store.append(stream, batch, 0n)).toMatchObject({ nextRevision: 2n });
      expect(await ids(store, stream)).toHaveLength(3);
    });

    it('reads carry no deadline in this client: a slow node answers late, and health, bounded by its own timeout, reports it meanwhile', async () => {
      const emulator = await emulatorWith();
      const store = await connect(emulator.connectionStringFor(null, 'defaultDeadline=400'));
      const stream = `read-${randomUUID()}`;
      await store.append(stream, events(1), 'no_stream');
      await emulator.setDelay({ ms: 1_500, moment: 'before-write' });

      const slowRead = ids(store, stream);
      expect(await store.health()).toMatchObject({ ok: false, detail: expect.stringContaining('no answer within 1000 ms') });
      expect(await slowRead).toHaveLength(1);
      await emulator.setDelay(null);
      expect(await store.health()).toMatchObject({ ok: true });
    });
  });

  describe('TLS, users and access rules', () => {
    let certificate: { cert: string; key: string };
    const ledgerUser = { user: 'ledger-api', password: 'ledger-secret' };
    const rules = { users: { 'ledger-api': 'ledger-secret', admin: 'changeit' } };

    beforeAll(async () => {
      certificate = await loopbackCertificate();
    });

    it('the ledger user appends and reads over TLS with a certificate made for the test', async () => {
      const emulator = await emulatorWith({ tls: certificate, access: rules });
      const store = await connect(emulator.connectionStringFor(ledgerUser));
      const stream = `tls-${randomUUID()}`;
      const batch = events(2);

      await store.append(stream, batch, 'no_stream');

      expect(await ids(store, stream)).toEqual(batch.map((e) => e.id));
      expect((await collect(store.readAll({ direction: 'backwards', maxCount: 1 })))[0].streamId).toBe(stream);
      expect(await store.health()).toMatchObject({ ok: true });
    });

    it('a client without TLS cannot reach a TLS node', async () => {
      const emulator = await emulatorWith({ tls: certificate, access: rules });

      await expect(EsdbEventStore.connect(`esdb://127.0.0.1:${emulator.port}?tls=false`, { logger: QUIET, connectTimeoutMs: 1_500 })).rejects.toBeInstanceOf(
        EventStoreUnavailableError,
      );
    });

    it('a wrong password is refused at start-up as unauthenticated, naming the connection string, not as unreachable', async () => {
      const emulator = await emulatorWith({ tls: certificate, access: rules });

      const refusal = await EsdbEventStore.connect(emulator.connectionStringFor({ user: 'ledger-api', password: 'wrong' }), { logger: QUIET }).catch((e: unknown) => e);

      expect(refusal).toBeInstanceOf(EventStoreUnauthenticatedError);
      expect((refusal as Error).message).toContain('credentials');
      expect((refusal as Error).message).not.toContain('wrong');
    });

    it('credentials changed on the server later: appends fail as unauthenticated and health reports it', async () => {
      const emulator = await emulatorWith({ tls: certificate, access: rules });
      const store = await connect(emulator.connectionStringFor(ledgerUser));
      await emulator.setAccess({ users: { 'ledger-api': 'rotated', admin: 'changeit' } });

      await expect(store.append(`unauth-${randomUUID()}`, events(1), 'no_stream')).rejects.toBeInstanceOf(EventStoreUnauthenticatedError);
      expect(await store.health()).toMatchObject({ ok: false, detail: expect.stringContaining('credentials') });
    });

    it('a user denied writes gets EventStoreAccessDeniedError and nothing is written', async () => {
      const emulator = await emulatorWith({ tls: certificate, access: rules });
      const store = await connect(emulator.connectionStringFor(ledgerUser));
      const stream = `denied-${randomUUID()}`;
      await emulator.setAccess({ ...rules, writeDenied: ['ledger-api'] });

      await expect(store.append(stream, events(1), 'no_stream')).rejects.toBeInstanceOf(EventStoreAccessDeniedError);
      await emulator.setAccess(rules);
      expect(await ids(store, stream)).toEqual([]);
    });

    it('a user denied reading $all: readAll fails as access denied, health reports it, appends still work', async () => {
      const emulator = await emulatorWith({ tls: certificate, access: rules });
      const store = await connect(emulator.connectionStringFor(ledgerUser));
      await emulator.setAccess({ ...rules, readAllDenied: ['ledger-api'] });

      await expect(collect(store.readAll({ maxCount: 1 }))).rejects.toBeInstanceOf(EventStoreAccessDeniedError);
      expect(await store.health()).toMatchObject({ ok: false, detail: expect.stringContaining('denied') });
      const stream = `still-${randomUUID()}`;
      await store.append(stream, events(1), 'no_stream');
      expect(await ids(store, stream)).toHaveLength(1);
    });

    it('a store that may not read $all refuses to start, saying access was denied', async () => {
      const emulator = await emulatorWith({ tls: certificate, access: { ...rules, readAllDenied: ['ledger-api'] } });

      await expect(EsdbEventStore.connect(emulator.connectionStringFor(ledgerUser), { logger: QUIET })).rejects.toBeInstanceOf(EventStoreAccessDeniedError);
    });
  });

  describe('a three-node cluster reached with esdb+discover://', () => {
    it('finds the leader through gossip, and after a leader change the next append is answered not-leader, then lands on the new leader', async () => {
      const emulator = await emulatorWith({ nodes: 3 });
      expect(emulator.connectionString).toMatch(/^esdb\+discover:\/\//);
      const store = await connect(emulator.connectionString);
      const stream = `cluster-${randomUUID()}`;
      await store.append(stream, events(1), 'no_stream');
      expect((await emulator.callCounts()).notLeader ?? 0).toBe(0);

      await emulator.electLeader(2);
      const result = await store.append(stream, events(1), 0n);
      const afterChange = (await emulator.callCounts()).notLeader ?? 0;
      await store.append(stream, events(1), 1n);

      expect(result.nextRevision).toBe(1n);
      expect(afterChange).toBeGreaterThanOrEqual(1);
      expect((await emulator.callCounts()).notLeader).toBe(afterChange);
      expect(await ids(store, stream)).toHaveLength(3);
    });

    it('a stream read after a leader change is served by the new leader', async () => {
      const emulator = await emulatorWith({ nodes: 3 });
      const store = await connect(emulator.connectionString);
      const stream = `cluster-read-${randomUUID()}`;
      const batch = events(2);
      await store.append(stream, batch, 'no_stream');

      await emulator.electLeader(1);

      expect(await ids(store, stream)).toEqual(batch.map((e) => e.id));
      expect((await emulator.callCounts()).notLeader).toBeGreaterThanOrEqual(1);
    });
  });
});
