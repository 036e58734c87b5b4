import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { type RecordedEvent, SqliteEventStore } from '@ledger/event-store';
import { verifyStore } from '@ledger/integrity';

const REPO = path.resolve(__dirname, '..', '..');
/** Acknowledged appends after which the burst is killed: well inside it, never at its end. */
const KILL_AFTER = 400;

interface Acknowledged {
  n: number;
  streamId: string;
  ids: string[];
}

/** Runs the burst and kills it with SIGKILL once `KILL_AFTER` appends have been acknowledged. */
function burstThenKill(file: string): Promise<Acknowledged[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-r', './test/support/register-ts.js', path.join(__dirname, 'support', 'grouped-burst.ts'), file], {
      cwd: REPO,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const acknowledged: Acknowledged[] = [];
    let pending = '';
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) acknowledged.push(JSON.parse(line) as Acknowledged);
      if (acknowledged.length >= KILL_AFTER && child.exitCode === null && !child.killed) child.kill('SIGKILL');
    });
    child.on('exit', (_code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`the burst ended by itself (${signal}): ${stderr}`));
      else resolve(acknowledged);
    });
  });
}

async function readAll(store: SqliteEventStore): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  for await (const event of store.readAll()) events.push(event);
  return events;
}

describe('crash: SIGKILL during a burst of grouped appends', () => {
  let dir: string;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-crash-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('after a restart nothing acknowledged is lost, nothing unacknowledged is half-written, and every chain verifies', async () => {
    const file = path.join(dir, 'events.sqlite');
    const acknowledged = await burstThenKill(file);
    expect(acknowledged.length).toBeGreaterThanOrEqual(KILL_AFTER);

    const store = SqliteEventStore.open(file);
    try {
      const log = await readAll(store);
      const stored = new Map(log.map((event) => [event.id, event]));
      for (const append of acknowledged) {
        const events = append.ids.map((id) => stored.get(id));
        expect(events.every((event) => event?.streamId === append.streamId)).toBe(true);
        expect(events.map((event) => event!.revision - events[0]!.revision)).toEqual([0n, 1n, 2n]);
      }
      // Every append in the log is whole: its three parts, one after the other in its stream.
      const parts = new Map<number, RecordedEvent[]>();
      for (const event of log) parts.set(event.data.n as number, [...(parts.get(event.data.n as number) ?? []), event]);
      for (const events of parts.values()) {
        expect(events.map((event) => event.data.part)).toEqual([0, 1, 2]);
        expect(events.map((event) => event.revision - events[0].revision)).toEqual([0n, 1n, 2n]);
      }
      expect(log.length).toBe(parts.size * 3);
      expect(parts.size).toBeGreaterThanOrEqual(acknowledged.length);
      expect(await verifyStore(store)).toMatchObject({ ok: true, events: log.length });

      const after = await store.append('after-restart', [{ id: '00000000-0000-4000-8000-000000000001', type: 'Restarted', data: {}, metadata: {} }], 'no_stream');
      expect(after.position).toBe(BigInt(log.length + 1));
    } finally {
      await store.close();
    }
  }, 60_000);
});
