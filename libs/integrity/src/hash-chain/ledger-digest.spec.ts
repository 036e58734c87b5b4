import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { SqliteEventStore } from '@ledger/event-store';
import { EMPTY_LEDGER_DIGEST, nextLedgerDigest } from './event-hash';
import { HashChainedEventStore } from './hash-chained-event-store';
import { ledgerDigest } from './ledger-digest';

describe('ledgerDigest', () => {
  const dirs: string[] = [];
  const stores: SqliteEventStore[] = [];

  async function ledger(streams: string[]): Promise<SqliteEventStore> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-'));
    dirs.push(dir);
    const inner = SqliteEventStore.open(path.join(dir, 'events.sqlite'));
    stores.push(inner);
    const store = new HashChainedEventStore(inner);
    for (const stream of streams) {
      await store.append(stream, [{ id: randomUUID(), type: 'Happened', data: { stream }, metadata: { source: 'cli' } }], 'any');
    }
    return inner;
  }

  afterAll(async () => {
    for (const store of stores) await store.close();
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('is 64 zeros for an empty ledger', async () => {
    await expect(ledgerDigest(await ledger([]))).resolves.toEqual({ digest: EMPTY_LEDGER_DIGEST, events: 0, position: null });
  });

  it('rolls every hash in log order, up to a position when asked', async () => {
    const store = await ledger(['a', 'b', 'a', 'c']);
    const hashes: string[] = [];
    for await (const event of store.readAll()) hashes.push(event.metadata.hash as string);
    const upTo = (n: number) => hashes.slice(0, n).reduce(nextLedgerDigest, EMPTY_LEDGER_DIGEST);

    await expect(ledgerDigest(store)).resolves.toEqual({ digest: upTo(4), events: 4, position: 4n });
    await expect(ledgerDigest(store, 2n)).resolves.toEqual({ digest: upTo(2), events: 2, position: 2n });
  });

  it('changes when a whole stream is missing, although every remaining stream is intact', async () => {
    const whole = await ledgerDigest(await ledger(['a', 'b', 'a']));
    const withoutB = await ledgerDigest(await ledger(['a', 'a']));
    expect(withoutB.digest).not.toBe(whole.digest);
  });
});
