/**
 * ServerFeatures.GetSupportedMethods: the client reads it before its first append and uses
 * BatchAppend only when the server advertises it.
 */
import { randomUUID } from 'node:crypto';
import { EventStoreDBClient, jsonEvent } from '@eventstore/db-client';
import { batchAppendRequest, RawClient } from './raw-client';
import { type EsdbEmulator, startEmulator } from './start-emulator';
import { googleEmpty } from './wire';

const methodsOf = async (raw: RawClient) =>
  (await raw.supportedMethods()).getMethodsList().map((method) => `${method.getServiceName()}/${method.getMethodName()}`);

describe('emulator: ServerFeatures', () => {
  let emulator: EsdbEmulator;
  let raw: RawClient;

  afterEach(async () => {
    raw.close();
    await emulator.stop();
  });

  it('advertises BatchAppend by default, as servers since 21.10 do, with a server version', async () => {
    emulator = await startEmulator();
    raw = new RawClient(emulator.port);

    const supported = await raw.supportedMethods();

    expect(await methodsOf(raw)).toEqual(
      expect.arrayContaining([
        'event_store.client.streams.streams/batchappend',
        'event_store.client.streams.streams/append',
        'event_store.client.streams.streams/read',
        'event_store.client.streams.streams/delete',
        'event_store.client.streams.streams/tombstone',
      ]),
    );
    expect(supported.getEventStoreServerVersion()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('switched off, neither advertises nor serves BatchAppend, and the client appends through Append', async () => {
    emulator = await startEmulator({ batchAppend: false });
    raw = new RawClient(emulator.port);
    const client = EventStoreDBClient.connectionString(emulator.connectionString);

    expect(await methodsOf(raw)).not.toContain('event_store.client.streams.streams/batchappend');
    const batch = batchAppendRequest('s', [randomUUID()], (options) => options.setAny(googleEmpty()));
    await expect(raw.batchAppend(batch)).rejects.toMatchObject({ code: 12 });
    await client.appendToStream('s', jsonEvent({ type: 'T', data: {} }));
    expect(await emulator.callCounts()).toMatchObject({ append: 1 });
    await client.dispose();
  });

  it('can be switched at run time: a client connecting afterwards follows the new advertisement', async () => {
    emulator = await startEmulator({ batchAppend: true });
    raw = new RawClient(emulator.port);

    await emulator.setBatchAppend(false);
    const unary = EventStoreDBClient.connectionString(emulator.connectionString);
    await unary.appendToStream('s', jsonEvent({ type: 'T', data: {} }));
    await emulator.setBatchAppend(true);
    const batched = EventStoreDBClient.connectionString(emulator.connectionString);
    await batched.appendToStream('s', jsonEvent({ type: 'T', data: {} }));

    expect(await emulator.callCounts()).toMatchObject({ append: 1, batchAppend: 1 });
    await Promise.all([unary.dispose(), batched.dispose()]);
  });
});
