/**
 * Each value of `source` passed through `map`, as an async iterable, without the per-value
 * machinery of an async generator (its request queue and extra promises): reading a stream goes
 * through several decorators, and their generators were a large share of what a load allocates.
 * `onEnd` runs once, when the iteration ends: done, stopped early (`return`) or failed.
 */
export function mapAsyncIterable<T, U>(source: AsyncIterable<T>, map: (value: T) => U, onEnd?: () => void): AsyncIterable<U> {
  return {
    [Symbol.asyncIterator](): AsyncIterator<U> {
      const inner = source[Symbol.asyncIterator]();
      let ended = false;
      const end = () => {
        if (ended) return;
        ended = true;
        onEnd?.();
      };
      return {
        next: () =>
          inner.next().then(
            (result): IteratorResult<U> => {
              if (result.done) {
                end();
                return { done: true, value: undefined };
              }
              try {
                return { done: false, value: map(result.value) };
              } catch (error) {
                // As a for-await loop would: the source is let go before the error goes on.
                end();
                void inner.return?.();
                throw error;
              }
            },
            (error: unknown) => {
              end();
              throw error;
            },
          ),
        return: async (): Promise<IteratorResult<U>> => {
          end();
          await inner.return?.();
          return { done: true, value: undefined };
        },
      };
    },
  };
}
