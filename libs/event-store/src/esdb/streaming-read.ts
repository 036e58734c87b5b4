/**
 * Iterates a client read (readStream / readAll) without ever abandoning it half-read. Breaking
 * out of `for await` over the client's stream would destroy it while the gRPC call under it
 * stays paused and unfinished, and the client's dispose() then waits for that call forever. Here
 * a caller that stops early cancels the call and lets it run out.
 */
import type { StreamingRead } from '@eventstore/db-client';

/** Buffer at most this many received items before pausing the call. */
const PAUSE_AT = 512;

/**
 * Yields what has arrived so far in one array at a time, not item by item: the caller loops over
 * each array synchronously, so an item costs no extra trip through an async generator.
 */
export async function* iterateRead<T>(read: StreamingRead<T>): AsyncGenerator<T[]> {
  const received: T[] = [];
  // Set by the stream's listeners, between awaits.
  const state: { ended: boolean; failure: { error: unknown } | null } = { ended: false, failure: null };
  let wake: (() => void) | null = null;
  const notify = () => {
    const waiting = wake;
    wake = null;
    waiting?.();
  };
  const onData = (item: T) => {
    received.push(item);
    if (received.length >= PAUSE_AT) read.pause();
    notify();
  };
  read.on('data', onData);
  read.once('end', () => {
    state.ended = true;
    notify();
  });
  // Stays attached: a stream may report more than one error, and an unheard one would crash.
  read.on('error', (error: unknown) => {
    state.failure ??= { error };
    state.ended = true;
    notify();
  });

  try {
    for (;;) {
      if (received.length > 0) {
        const items = received.splice(0);
        if (read.isPaused()) read.resume();
        yield items;
      } else if (state.failure) {
        throw state.failure.error;
      } else if (state.ended) {
        return;
      } else {
        await new Promise<void>((resolve) => (wake = resolve));
      }
    }
  } finally {
    read.off('data', onData);
    if (!state.ended) {
      const finished = new Promise<void>((resolve) => {
        read.once('end', resolve);
        read.once('close', resolve);
        read.once('error', () => resolve());
      });
      read.resume();
      await read.cancel().catch(() => undefined);
      await finished;
    }
  }
}
