/**
 * Subscriptions (Streams.Read with the subscription option), looked at on the wire so that the
 * order of what the server sends is exact: confirmation, catch-up, caught-up, live; filters on
 * stream name or event type, by prefix or regex; checkpoints every `multiplier × window` events
 * considered. Then once through the real client.
 */
import { EventStoreDBClient, START, jsonEvent, streamNameFilter } from '@eventstore/db-client';
import { RawClient, allSubscriptionRequest, describeResponse, streamSubscriptionRequest } from './raw-client';
import { type EsdbEmulator, startEmulator } from './start-emulator';

describe('emulator: subscriptions', () => {
  let emulator: EsdbEmulator;
  let client: EventStoreDBClient;
  let raw: RawClient;

  beforeEach(async () => {
    emulator = await startEmulator();
    client = EventStoreDBClient.connectionString(emulator.connectionString);
    raw = new RawClient(emulator.port);
  });

  afterEach(async () => {
    raw.close();
    await client.dispose();
    await emulator.stop();
  });

  const append = (stream: string, count = 1, type = 'Happened') =>
    client.appendToStream(stream, Array.from({ length: count }, () => jsonEvent({ type, data: {} })));

  /** Everything in $all, as describeResponse names events, with positions. */
  const log = async () => {
    const all: Array<{ name: string; position: bigint }> = [];
    for await (const resolved of client.readAll()) {
      all.push({ name: `event ${resolved.event!.streamId}@${resolved.event!.revision}`, position: resolved.commitPosition! });
    }
    return all;
  };

  const upToCaughtUp = (responses: { hasCaughtUp(): boolean }[]) => responses.some((response) => response.hasCaughtUp());

  it('confirms, replays the log, says it has caught up, then streams live appends', async () => {
    await append('first', 2);
    const before = (await log()).map((event) => event.name);

    let appending: Promise<unknown> = Promise.resolve();
    const subscribing = raw.subscribe(
      allSubscriptionRequest('start'),
      (responses) => responses.length === before.length + 3,
      () => (appending = append('live')),
    );

    expect((await subscribing).map(describeResponse)).toEqual(['confirmation', ...before, 'caught-up', 'event live@0']);
    await appending;
  });

  it('starts after a position, exclusive, or at the end with live events only', async () => {
    await append('a', 3);
    const all = await log();

    const afterSecond = await raw.subscribe(allSubscriptionRequest(all.at(-2)!.position), upToCaughtUp);
    expect(afterSecond.map(describeResponse)).toEqual(['confirmation', 'event a@2', 'caught-up']);

    const fromEnd = await raw.subscribe(allSubscriptionRequest('end'), upToCaughtUp);
    expect(fromEnd.map(describeResponse)).toEqual(['confirmation', 'caught-up']);
  });

  it('filters on stream prefixes, a stream regex or an event type', async () => {
    await append('order-1');
    await append('invoice-1');
    await append('customer-1', 1, 'CustomerJoined');
    const filtered = (filter: Parameters<typeof allSubscriptionRequest>[1]) =>
      raw.subscribe(allSubscriptionRequest('start', filter), upToCaughtUp).then((responses) => responses.map(describeResponse));

    expect(await filtered({ on: 'stream', prefixes: ['order-', 'customer-'], multiplier: 1 })).toEqual([
      'confirmation',
      'event order-1@0',
      'event customer-1@0',
      'caught-up',
    ]);
    expect(await filtered({ on: 'stream', regex: '^inv', multiplier: 1 })).toEqual(['confirmation', 'event invoice-1@0', 'caught-up']);
    expect(await filtered({ on: 'type', prefixes: ['Customer'], multiplier: 1 })).toEqual(['confirmation', 'event customer-1@0', 'caught-up']);
  });

  it('sends a checkpoint every multiplier × window events considered, catching up and live', async () => {
    for (let i = 0; i < 10; i += 1) await append(`noise-${i}`);
    const considered = await log();
    const every = 2 * 3;

    let appending: Promise<unknown> = Promise.resolve();
    const subscribing = raw.subscribe(
      allSubscriptionRequest('start', { on: 'stream', prefixes: ['wanted-'], max: 3, multiplier: 2 }),
      (responses) => responses.filter((response) => response.hasCheckpoint()).length === 3,
      () =>
        (appending = (async () => {
          for (let i = 0; i < 6; i += 1) await append(`noise-live-${i}`);
        })()),
    );
    const responses = (await subscribing).map(describeResponse);
    await appending;
    const all = await log();

    expect(considered).toHaveLength(2 * every);
    expect(responses).toEqual([
      'confirmation',
      `checkpoint ${all[every - 1].position}`,
      `checkpoint ${all[2 * every - 1].position}`,
      'caught-up',
      `checkpoint ${all[3 * every - 1].position}`,
    ]);
  });

  it('subscribes to one stream from its start or after a revision', async () => {
    await append('one', 3);
    await append('two');

    expect((await raw.subscribe(streamSubscriptionRequest('one', 'start'), upToCaughtUp)).map(describeResponse)).toEqual([
      'confirmation',
      'event one@0',
      'event one@1',
      'event one@2',
      'caught-up',
    ]);
    expect((await raw.subscribe(streamSubscriptionRequest('one', 1n), upToCaughtUp)).map(describeResponse)).toEqual([
      'confirmation',
      'event one@2',
      'caught-up',
    ]);
  });

  it('works through the real client: events, caught-up, live events and checkpoints', async () => {
    await append('ledger-1', 2);
    const received: string[] = [];
    let checkpoints = 0;
    const subscription = client.subscribeToAll({
      fromPosition: START,
      filter: streamNameFilter({ prefixes: ['ledger-'], checkpointInterval: 1, checkpointReached: () => void (checkpoints += 1) }),
    });
    const caughtUp = new Promise((resolve) => subscription.once('caughtUp', resolve));
    const consuming = (async () => {
      for await (const resolved of subscription) {
        received.push(`${resolved.event!.streamId}@${resolved.event!.revision}`);
        if (received.length === 3) break;
      }
    })();

    await caughtUp;
    for (let i = 0; i < 40; i += 1) await append(`elsewhere-${i}`);
    await append('ledger-1');
    await consuming;

    expect(received).toEqual(['ledger-1@0', 'ledger-1@1', 'ledger-1@2']);
    expect(checkpoints).toBeGreaterThanOrEqual(1);
    await subscription.unsubscribe();
  });
});
