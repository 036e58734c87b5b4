/**
 * An async iterator that can also give its next result at once: the embedded store reads a page
 * synchronously, so the layers mapped over its reads step through it without a promise each, and
 * only the outermost `next` makes one per value.
 */
export interface SteppingIterator<T> extends AsyncIterator<T> {
  /** The next result, now; throws what `next` would reject with. */
  step(): IteratorResult<T>;
}

function canStep<T>(iterator: AsyncIterator<T>): iterator is SteppingIterator<T> {
  return typeof (iterator as Partial<SteppingIterator<T>>).step === 'function';
}

/**
 * Each value of `source` passed through `map`, as an async iterable, without the per-value
 * machinery of an async generator (its request queue and extra promises): reading a stream goes
 * through several decorators, and their generators were a large share of what a load allocates.
 * Over a source that steps, it steps too. `onEnd` runs once, when the iteration ends: done,
 * stopped early (`return`) or failed.
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
      const mapped = (result: IteratorResult<T>): IteratorResult<U> => {
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
      };
      const failed = (error: unknown): never => {
        end();
        throw error;
      };
      const stop = async (): Promise<IteratorResult<U>> => {
        end();
        await inner.return?.();
        return { done: true, value: undefined };
      };
      if (!canStep(inner)) return { next: () => inner.next().then(mapped, failed), return: stop };
      const step = (): IteratorResult<U> => {
        let result: IteratorResult<T>;
        try {
          result = inner.step();
        } catch (error) {
          return failed(error);
        }
        return mapped(result);
      };
      const stepping: SteppingIterator<U> = {
        step,
        next: () => {
          try {
            return Promise.resolve(step());
          } catch (error) {
            return Promise.reject(error);
          }
        },
        return: stop,
      };
      return stepping;
    },
  };
}
