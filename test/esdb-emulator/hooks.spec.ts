/**
 * The emulator's fault hooks, seen from the real client: dropping every connection, restarting
 * on the same port with the same data, and stopping.
 */
import { randomUUID } from 'node:crypto';
import { CancelledError, EventStoreDBClient, UnavailableError, jsonEvent } from '@eventstore/db-client';
import { type EsdbEmulator, startEmulator } from './start-emulator';

const lostConnection = (error: unknown) => error instanceof UnavailableError || error instanceof CancelledError;

describe('emulator: fault hooks', () => {
  let emulator: EsdbEmulator;
  let client: EventStoreDBClient;
  let stream: string;

  beforeEach(async () => {
    emulator = await startEmulator();
    client = EventStoreDBClient.connectionString(emulator.connectionString);
    stream = `hooked-${randomUUID()}`;
    await client.appendToStream(stream, jsonEvent({ type: 'Before', data: {} }));
  });

  afterEach(async () => {
    await client.dispose();
    await emulator.stop();
  });

  const types = async () => {
    const found: string[] = [];
    for await (const resolved of client.readStream(stream)) found.push(resolved.event!.type);
    return found;
  };

  it('dropConnections fails the calls in flight, and the next call connects again', async () => {
    const subscription = client.subscribeToAll();
    const failed = new Promise<unknown>((resolve) => subscription.once('error', resolve));
    await new Promise((resolve) => subscription.once('caughtUp', resolve));
    subscription.on('data', () => undefined);

    await emulator.dropConnections();

    expect(lostConnection(await failed)).toBe(true);
    await client.appendToStream(stream, jsonEvent({ type: 'After', data: {} }));
    expect(await types()).toEqual(['Before', 'After']);
  });

  it('restart keeps the port and the data; while it is down, calls fail as unavailable', async () => {
    const restarting = emulator.restart({ downtimeMs: 1_000 });
    await new Promise((resolve) => setTimeout(resolve, 200));

    const during = await types().catch((error: unknown) => error);
    expect(lostConnection(during)).toBe(true);

    await restarting;
    const after = await types();
    expect(after).toEqual(['Before']);
  });

  it('stop ends the emulator: nothing answers on its port any more', async () => {
    await emulator.stop();

    const error = await types().catch((failure: unknown) => failure);

    expect(lostConnection(error)).toBe(true);
  });
});
