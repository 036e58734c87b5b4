import { EMPTY_LEDGER_DIGEST, eventHash, nextLedgerDigest } from '../hash-chain/event-hash';
import type { LedgerEvent } from '../log/ledger-event';
import { type ExpectedContent, verifyEvents } from './verify-events';

/** A chained ledger in log order, as an export file would hold it (sequence and line from 1). */
function ledger(streams: string[]): LedgerEvent[] {
  const heads = new Map<string, { revision: bigint; hash: string }>();
  return streams.map((streamId, index) => {
    const head = heads.get(streamId);
    const revision = head ? head.revision + 1n : 0n;
    const prevHash = head?.hash ?? null;
    const base = { streamId, revision, eventId: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`, type: 'Happened', data: { n: index }, metadata: { source: 'cli' } };
    const hash = eventHash({ ...base, prevHash });
    heads.set(streamId, { revision, hash });
    return { ...base, metadata: { ...base.metadata, prevHash, hash }, sequence: index + 1 };
  });
}

/** As read from a file: lines are places in the file, numbered as the events now stand. */
async function* iterate(events: LedgerEvent[]): AsyncGenerator<LedgerEvent> {
  for (const [index, event] of events.entries()) yield { ...event, line: index + 1 };
}

function manifestOf(events: LedgerEvent[]): ExpectedContent {
  const streams = new Map<string, ExpectedContent['streamList'][number]>();
  for (const e of events) {
    const known = streams.get(e.streamId);
    const entry = { streamId: e.streamId, lastRevision: Number(e.revision), lastHash: e.metadata.hash as string, firstSequence: known?.firstSequence ?? (e.sequence as number), lastSequence: e.sequence as number };
    streams.set(e.streamId, entry);
  }
  return {
    events: events.length,
    digest: events.reduce((root, e) => nextLedgerDigest(root, e.metadata.hash as string), EMPTY_LEDGER_DIGEST),
    firstSequence: 1,
    lastSequence: events.length,
    streamList: [...streams.values()],
  };
}

const STREAMS = ['a', 'b', 'a', 'c', 'b', 'a', 'c', 'd', 'a'];

describe('verifyEvents', () => {
  it('passes an intact ledger and gives the running digest', async () => {
    const events = ledger(STREAMS);
    const report = await verifyEvents(iterate(events), { expected: manifestOf(events) });
    expect(report).toMatchObject({ ok: true, break: null, events: 9, streams: 4, digest: manifestOf(events).digest, lastSequence: 9, againstManifest: true });
  });

  it('finds a changed field: hash-mismatch at that event', async () => {
    const events = ledger(STREAMS);
    events[4] = { ...events[4], data: { n: 999 } };
    const { break: found } = await verifyEvents(iterate(events));
    expect(found).toMatchObject({ problem: 'hash-mismatch', streamId: 'b', revision: 1n, eventId: events[4].eventId, line: 5 });
    expect(found?.detail).toContain(events[4].metadata.hash as string);
  });

  it('finds a rewritten hash by the next event\'s link: prev-hash-mismatch', async () => {
    const events = ledger(STREAMS);
    const forged = eventHash({ ...events[2], data: { n: 999 }, prevHash: events[0].metadata.hash as string });
    events[2] = { ...events[2], data: { n: 999 }, metadata: { ...events[2].metadata, hash: forged } };
    const { break: found } = await verifyEvents(iterate(events));
    expect(found).toMatchObject({ problem: 'prev-hash-mismatch', streamId: 'a', revision: 2n, line: 6 });
    expect(found?.detail).toContain(forged);
  });

  it('finds a deleted event in the middle of a stream: missing-revision, naming the revision', async () => {
    const events = ledger(STREAMS);
    events.splice(2, 1);
    expect((await verifyEvents(iterate(events))).break).toMatchObject({ problem: 'missing-revision', streamId: 'a', revision: 1n, line: 5 });
  });

  it('finds a later revision placed before an earlier one: reordered, naming both lines', async () => {
    const events = ledger(STREAMS);
    [events[2], events[5]] = [events[5], events[2]];
    const { break: found } = await verifyEvents(iterate(events));
    expect(found).toMatchObject({ problem: 'reordered', streamId: 'a', revision: 2n, line: 3 });
    expect(found?.detail).toMatch(/line 3.*line 6/);
  });

  it('finds two streams\' events swapped by their sequence numbers: reordered', async () => {
    const events = ledger(STREAMS);
    [events[6], events[7]] = [events[7], events[6]];
    expect((await verifyEvents(iterate(events))).break).toMatchObject({ problem: 'reordered', streamId: 'd', revision: 0n, line: 7 });
  });

  it('names the line that was moved later, not its innocent neighbour', async () => {
    const events = ledger(STREAMS);
    const [moved] = events.splice(3, 1);
    events.splice(5, 0, moved);
    expect((await verifyEvents(iterate(events))).break).toMatchObject({ problem: 'reordered', streamId: 'c', revision: 0n, line: 6 });
  });

  it('finds a repeated event: duplicate-revision', async () => {
    const events = ledger(STREAMS);
    events.splice(3, 0, events[2]);
    expect((await verifyEvents(iterate(events))).break).toMatchObject({ problem: 'duplicate-revision', streamId: 'a', revision: 1n });
  });

  it('finds an event that was never chained: missing-hash', async () => {
    const events = ledger(STREAMS);
    const { hash: _hash, ...unhashed } = events[0].metadata;
    events[0] = { ...events[0], metadata: unhashed };
    expect((await verifyEvents(iterate(events))).break).toMatchObject({ problem: 'missing-hash', streamId: 'a', revision: 0n });
  });

  describe('against a manifest', () => {
    it('finds a whole stream dropped: stream-missing', async () => {
      const events = ledger(STREAMS);
      const expected = manifestOf(events);
      const { break: found } = await verifyEvents(iterate(events.filter((e) => e.streamId !== 'c')), { expected });
      expect(found).toMatchObject({ problem: 'stream-missing', streamId: 'c', revision: 0n });
    });

    it('finds the last event of a stream deleted: missing-revision', async () => {
      const events = ledger(STREAMS);
      const expected = manifestOf(events);
      events.splice(4, 1);
      expect((await verifyEvents(iterate(events), { expected })).break).toMatchObject({ problem: 'missing-revision', streamId: 'b', revision: 1n });
    });

    it('finds a file cut at a line boundary: truncated, after the last line', async () => {
      const events = ledger(STREAMS);
      const expected = manifestOf(events);
      const { break: found } = await verifyEvents(iterate(events.slice(0, 6)), { expected });
      expect(found).toMatchObject({ problem: 'truncated', line: 6 });
      expect(found?.detail).toContain('9 events');
    });

    it('finds a stream the manifest does not list: unexpected-stream', async () => {
      const events = ledger(STREAMS);
      const expected = manifestOf(events.filter((e) => e.streamId !== 'd'));
      expect((await verifyEvents(iterate(events), { expected })).break).toMatchObject({ problem: 'unexpected-stream', streamId: 'd' });
    });

    it('finds a digest that differs: digest-mismatch', async () => {
      const events = ledger(STREAMS);
      const expected = { ...manifestOf(events), digest: 'f'.repeat(64) };
      expect((await verifyEvents(iterate(events), { expected })).break).toMatchObject({ problem: 'digest-mismatch' });
    });
  });
});
