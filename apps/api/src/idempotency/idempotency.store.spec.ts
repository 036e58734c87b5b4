import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { IDEMPOTENCY_STREAM_PREFIX, SqliteEventStore, isBookkeepingStream } from '@ledger/event-store';
import { IdempotencyStore } from './idempotency.store';

const HOUR = 60 * 60 * 1000;
const answer = { fingerprint: 'f1', body: '{"revision":"3"}', headers: { etag: '"3"' } };

describe('idempotency records in the event store', () => {
  let dir: string;
  let store: SqliteEventStore;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-'));
    store = SqliteEventStore.open(path.join(dir, 'events.sqlite'));
  });

  afterEach(async () => {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('given an answer, it is found until the stated time has passed, then the key starts afresh at the next revision', async () => {
    const records = new IdempotencyStore(store, 24 * HOUR);
    const at = new Date('2025-01-01T09:00:00Z');
    expect(await records.save('alice', 'k', answer, at, null)).toBe(true);

    expect(await records.find('alice', 'k', new Date(at.getTime() + 24 * HOUR - 1))).toEqual({ answer, revision: 0n });
    const expired = await records.find('alice', 'k', new Date(at.getTime() + 24 * HOUR));
    expect(expired).toEqual({ answer: null, revision: 0n });

    const fresh = { ...answer, fingerprint: 'f2' };
    expect(await records.save('alice', 'k', fresh, new Date(at.getTime() + 25 * HOUR), expired.revision)).toBe(true);
    expect((await records.find('alice', 'k', new Date(at.getTime() + 25 * HOUR))).answer).toEqual(fresh);
  });

  it('of two instances saving the same key, the second is told it lost and nothing is overwritten', async () => {
    const one = new IdempotencyStore(store);
    const other = new IdempotencyStore(store);
    const now = new Date();

    expect(await one.save('alice', 'k', answer, now, null)).toBe(true);
    expect(await other.save('alice', 'k', { ...answer, fingerprint: 'other' }, now, null)).toBe(false);
    expect((await other.find('alice', 'k', now)).answer).toEqual(answer);
  });

  it('keys are per principal, and live in bookkeeping streams outside the ledger', async () => {
    const records = new IdempotencyStore(store);
    const now = new Date();
    await records.save('alice', 'k', answer, now, null);

    expect((await records.find('bob', 'k', now)).answer).toBeNull();
    const streams = [];
    for await (const event of store.readAll()) streams.push(event.streamId);
    expect(streams).toHaveLength(1);
    expect(streams[0].startsWith(IDEMPOTENCY_STREAM_PREFIX)).toBe(true);
    expect(isBookkeepingStream(streams[0])).toBe(true);
    expect(streams[0]).not.toContain('alice');
  });
});
