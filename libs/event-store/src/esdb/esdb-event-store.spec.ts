/**
 * What the EventStoreDB adapter does beyond the shared contract: failing fast on an unreachable
 * server, reporting a lost one, and keeping subscriptions whole across dropped connections and
 * server restarts. Run against the emulator, through the real client over gRPC.
 */
import { randomUUID } from 'node:crypto';
import * as net from 'node:net';
import { type EsdbEmulator, startEmulator } from '../../../../test/esdb-emulator/start-emulator';
import {
  EventStoreUnavailableError,
  type EventToAppend,
  type RecordedEvent,
  type SubscriptionMessage,
  WrongExpectedVersionError,
} from '../event-store.port';
import { EsdbEventStore } from './esdb-event-store';
import { LEDGER_STREAM_PREFIXES } from './ledger-stream-prefixes';

jest.setTimeout(30_000);

function recordingLogger() {
  const lines: string[] = [];
  return { lines, log: (line: string) => lines.push(line), warn: (line: string) => lines.push(line) };
}

function anEvent(type = 'Noted'): EventToAppend {
  return { id: randomUUID(), type, data: { at: Date.now() }, metadata: { $correlationId: randomUUID() } };
}

async function eventually<T>(attempt: () => Promise<T>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await attempt();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('EsdbEventStore.connect', () => {
  it('fails fast when the server cannot be reached, naming the address and not the credentials', async () => {
    const port = await closedPort();
    const started = Date.now();

    const connecting = EsdbEventStore.connect(`esdb://admin:s3cret@127.0.0.1:${port}?tls=false`, { connectTimeoutMs: 3_000 });

    const error = await connecting.catch((failure: unknown) => failure);
    expect(error).toBeInstanceOf(EventStoreUnavailableError);
    expect((error as Error).message).toContain(`esdb://127.0.0.1:${port}`);
    expect((error as Error).message).not.toContain('s3cret');
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it('refuses a malformed connection string, saying what is wrong', async () => {
    await expect(EsdbEventStore.connect('esdb://127.0.0.1:2113?tls=maybe')).rejects.toThrow(
      /Invalid EventStoreDB connection string for esdb:\/\/127\.0\.0\.1:2113: .*maybe/,
    );
  });
});

describe('EsdbEventStore subscription under load', () => {
  it('a slow consumer of a long catch-up gets every event once and in order, across a dropped connection', async () => {
    const emulator = await startEmulator();
    const store = await EsdbEventStore.connect(emulator.connectionString, { logger: recordingLogger() });
    const wanted: string[] = [];
    for (let i = 0; i < 1_500; i += 1) {
      const event = anEvent();
      const ledger = i % 2 === 0;
      await store.append(ledger ? `inspection-${i % 7}` : `elsewhere-${i % 5}`, [event], 'any');
      if (ledger) wanted.push(event.id);
    }

    const subscription = store.subscribeToAll({ streamPrefixes: ['inspection-'] });
    const delivered: string[] = [];
    const positions: bigint[] = [];
    for await (const message of subscription) {
      if (message.kind === 'event') delivered.push(message.event.id);
      if (message.kind !== 'caught-up') positions.push(message.kind === 'event' ? message.event.position : message.position);
      if (delivered.length === 300 && message.kind === 'event') await emulator.dropConnections();
      if (message.kind === 'caught-up') break;
      // A consumer slower than the server, so that the adapter has to hold the server back.
      await new Promise((resolve) => setImmediate(resolve));
    }

    expect(delivered).toEqual(wanted);
    expect(positions).toEqual([...positions].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    await store.close();
    await emulator.stop();
  });
});

describe('EsdbEventStore on a server that acknowledges an idempotent retry without a position', () => {
  it('answers the retry with the original position all the same', async () => {
    const emulator = await startEmulator({ positionOnIdempotentRetry: false });
    const store = await EsdbEventStore.connect(emulator.connectionString);
    const streamId = `inspection-${randomUUID()}`;
    const events = [anEvent(), anEvent()];

    const first = await store.append(streamId, events, 'no_stream');
    const retry = await store.append(streamId, events, 'no_stream');

    expect(retry).toEqual(first);
    await store.close();
    await emulator.stop();
  });
});

describe.each([
  { path: 'BatchAppend', batchAppend: true },
  { path: 'unary Append', batchAppend: false },
])('EsdbEventStore faults on the emulator ($path)', ({ batchAppend }) => {
  let emulator: EsdbEmulator;
  let store: EsdbEventStore;
  let logger: ReturnType<typeof recordingLogger>;

  beforeEach(async () => {
    emulator = await startEmulator({ batchAppend });
    logger = recordingLogger();
    store = await EsdbEventStore.connect(emulator.connectionString, { logger, reconnectBackoff: { initialMs: 50, maxMs: 400 } });
  });

  afterEach(async () => {
    await store.close();
    await emulator.stop();
  });

  it('of twenty concurrent appends expecting the same revision, one wins and nineteen conflict', async () => {
    const streamId = `recommendation-${randomUUID()}`;
    await store.append(streamId, [anEvent('Issued')], 'no_stream');

    const outcomes = await Promise.allSettled(Array.from({ length: 20 }, () => store.append(streamId, [anEvent('Accepted')], 0n)));

    const won = outcomes.filter((outcome) => outcome.status === 'fulfilled');
    const conflicts = outcomes.flatMap((outcome) => (outcome.status === 'rejected' ? [outcome.reason as unknown] : []));
    expect(won).toHaveLength(1);
    expect(conflicts).toHaveLength(19);
    for (const conflict of conflicts) {
      expect(conflict).toBeInstanceOf(WrongExpectedVersionError);
      expect(conflict).toMatchObject({ streamId, expected: 0n, actual: 1n });
    }
    expect((await collect(store.readStream(streamId))).map((event) => event.type)).toEqual(['Issued', 'Accepted']);
  });

  it('while the server is down, operations throw EventStoreUnavailableError and health says so; afterwards both recover', async () => {
    const streamId = `inspection-${randomUUID()}`;
    await store.append(streamId, [anEvent()], 'no_stream');

    const restarting = emulator.restart({ downtimeMs: 1_500 });
    const health = await eventually(async () => {
      const report = await store.health();
      if (report.ok) throw new Error('still reachable');
      return report;
    });
    expect(health).toMatchObject({ ok: false, kind: 'esdb' });
    expect(health.detail).toContain(`127.0.0.1:${emulator.port}`);
    await expect(store.append(streamId, [anEvent()], 0n)).rejects.toBeInstanceOf(EventStoreUnavailableError);
    await expect(collect(store.readStream(streamId))).rejects.toBeInstanceOf(EventStoreUnavailableError);
    await expect(store.headPosition()).rejects.toBeInstanceOf(EventStoreUnavailableError);

    await restarting;
    await store.append(streamId, [anEvent()], 0n);
    expect(await store.health()).toMatchObject({ ok: true });
    expect(await collect(store.readStream(streamId))).toHaveLength(2);
    expect(logger.lines.filter((line) => line.includes('is unavailable'))).toHaveLength(1);
    expect(logger.lines.at(-1)).toBe(`EventStoreDB at esdb://127.0.0.1:${emulator.port} answers again.`);
  });

  it.each([
    ['the connections are dropped', (emulator: EsdbEmulator) => emulator.dropConnections()],
    ['the server restarts', (emulator: EsdbEmulator) => emulator.restart({ downtimeMs: 300 })],
  ])('a subscription resumes by itself when %s: nothing lost, nothing twice, one caught-up', async (_fault, fault) => {
    const streamId = `challenge-${randomUUID()}`;
    const written: string[] = [];
    const write = async (count: number) => {
      for (let i = 0; i < count; i += 1) {
        const event = anEvent();
        // What a command would do on a 503: try again.
        await eventually(() => store.append(streamId, [event], 'any'));
        written.push(event.id);
      }
    };
    await write(3);
    const subscription = store.subscribeToAll({ streamPrefixes: [streamId] });
    const reader = new Reader(subscription);
    await reader.until((messages) => messages.some((message) => message.kind === 'caught-up'));

    await fault(emulator);
    await write(4);

    const messages = await reader.until((seen) => ids(seen).length >= written.length);
    expect(ids(messages)).toEqual(written);
    expect(messages.filter((message) => message.kind === 'caught-up')).toHaveLength(1);
    expect(logger.lines.some((line) => line.includes('lost'))).toBe(true);
    await subscription.close();
  });

  it('a quiet subscription still advances: checkpoints pass events its prefixes filter out', async () => {
    const head = await store.headPosition();
    const subscription = store.subscribeToAll({ after: head ?? undefined, streamPrefixes: [...LEDGER_STREAM_PREFIXES] });
    const reader = new Reader(subscription);
    await reader.until((messages) => messages.some((message) => message.kind === 'caught-up'));

    let last = 0n;
    for (let i = 0; i < 40; i += 1) last = (await store.append(`elsewhere-${randomUUID()}`, [anEvent()], 'no_stream')).position;

    const messages = await reader.until((seen) => seen.some((message) => message.kind === 'checkpoint'));
    const checkpoint = messages.find((message) => message.kind === 'checkpoint');
    expect(messages.filter((message) => message.kind === 'event')).toEqual([]);
    expect(checkpoint).toMatchObject({ kind: 'checkpoint' });
    expect((checkpoint as { position: bigint }).position).toBeLessThanOrEqual(last);
    expect((checkpoint as { position: bigint }).position).toBeGreaterThan(head ?? 0n);
    await subscription.close();
  });

  it('skips system events everywhere: $all reads and the head hold only the ledger’s own', async () => {
    const streamId = `statutory-response-${randomUUID()}`;
    const { position } = await store.append(streamId, [anEvent()], 'no_stream');

    const all = await collect(store.readAll());

    expect(all.every((event) => !event.streamId.startsWith('$') && !event.type.startsWith('$'))).toBe(true);
    expect(all.at(-1)).toMatchObject({ streamId, position });
    expect(await store.headPosition()).toBe(position);
  });
});

class Reader {
  private readonly seen: SubscriptionMessage[] = [];
  private readonly iterator: AsyncIterator<SubscriptionMessage>;

  constructor(subscription: AsyncIterable<SubscriptionMessage>) {
    this.iterator = subscription[Symbol.asyncIterator]();
  }

  async until(done: (messages: SubscriptionMessage[]) => boolean): Promise<SubscriptionMessage[]> {
    while (!done(this.seen)) {
      const next = await this.iterator.next();
      if (next.done) throw new Error('the subscription ended');
      this.seen.push(next.value);
    }
    return this.seen;
  }
}

function ids(messages: SubscriptionMessage[]): string[] {
  return messages.flatMap((message) => (message.kind === 'event' ? [message.event.id] : []));
}

async function collect(events: AsyncIterable<RecordedEvent>): Promise<RecordedEvent[]> {
  const all: RecordedEvent[] = [];
  for await (const event of events) all.push(event);
  return all;
}
