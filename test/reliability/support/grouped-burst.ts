/**
 * Child process for the crash test: appends through the hash chain without pause, 32 appends in
 * flight at a time (so the store commits them in groups), each append three events on a stream
 * of its own or the next revision of a shared one. Each acknowledged append is reported on stdout
 * with its event ids. It never stops by itself: the test kills it with SIGKILL mid-burst.
 * Usage: node -r ./test/support/register-ts.js grouped-burst.ts <file>
 */
import { createHash } from 'node:crypto';
import { writeSync } from 'node:fs';
import { type EventToAppend, SqliteEventStore } from '@ledger/event-store';
import { HashChainedEventStore } from '@ledger/integrity';

const IN_FLIGHT = 32;
const SHARED_STREAMS = 8;

function uuid(seed: string): string {
  const hex = createHash('sha256').update(seed).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** The three events of append `n`: the test recognises every part of every append by its id. */
export function burstEvents(n: number): EventToAppend[] {
  return [0, 1, 2].map((part) => ({ id: uuid(`burst/${n}/${part}`), type: 'BurstRecorded', data: { n, part, text: 'x'.repeat(200) }, metadata: { source: 'crash-test' } }));
}

async function main(): Promise<void> {
  const store = new HashChainedEventStore(SqliteEventStore.open(process.argv[2]));
  let n = 0;
  const worker = async () => {
    for (;;) {
      const mine = n++;
      // Half go to streams of their own, half compete for a few shared streams ('any' retries).
      const streamId = mine % 2 === 0 ? `burst-own-${mine}` : `burst-shared-${mine % SHARED_STREAMS}`;
      const events = burstEvents(mine);
      await store.append(streamId, events, mine % 2 === 0 ? 'no_stream' : 'any');
      writeSync(1, `${JSON.stringify({ n: mine, streamId, ids: events.map((event) => event.id) })}\n`);
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
}

void main();
