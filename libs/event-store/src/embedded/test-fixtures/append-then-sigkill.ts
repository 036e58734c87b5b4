/**
 * Child process for the durability test: appends events one at a time, reports each
 * acknowledged append on stdout, then kills itself with SIGKILL, so nothing runs after the
 * last acknowledgement (no close, no exit handlers, no checkpoint of the WAL).
 * Usage: node -r ./test/support/register-ts.js append-then-sigkill.ts <file> <stream> <count>
 */
import { randomUUID } from 'node:crypto';
import { writeSync } from 'node:fs';
import { SqliteEventStore } from '@ledger/event-store';

async function main(): Promise<void> {
  const [file, streamId, count] = process.argv.slice(2);
  const store = SqliteEventStore.open(file);
  for (let n = 0; n < Number(count); n += 1) {
    const id = randomUUID();
    const result = await store.append(streamId, [{ id, type: 'Acknowledged', data: { n }, metadata: {} }], 'any');
    writeSync(1, `${JSON.stringify({ id, revision: String(result.nextRevision), position: String(result.position) })}\n`);
  }
  process.kill(process.pid, 'SIGKILL');
}

void main();
