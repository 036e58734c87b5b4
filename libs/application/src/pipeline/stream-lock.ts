/**
 * Runs work for one stream at a time within this process. Commands racing on one stream in the
 * same process would only make each other retry; queueing them leaves the conflict retry for
 * writers in other processes.
 */
export class StreamLock {
  private readonly tails = new Map<string, Promise<unknown>>();

  async run<T>(streamId: string, work: () => Promise<T>): Promise<T> {
    // A tail never rejects: each one is caught before it is stored.
    const previous = this.tails.get(streamId) ?? Promise.resolve();
    const current = previous.then(work);
    const tail = current.catch(() => undefined);
    this.tails.set(streamId, tail);
    try {
      return await current;
    } finally {
      if (this.tails.get(streamId) === tail) this.tails.delete(streamId);
    }
  }
}
