import { type SteppingIterator, mapAsyncIterable } from './map-async-iterable';

/** A source that notes whether it was let go. */
function source(values: number[], failAt?: number) {
  const seen = { returned: false };
  const iterable: AsyncIterable<number> = {
    [Symbol.asyncIterator]: () => {
      let index = 0;
      return {
        next: async () => {
          if (index === failAt) throw new Error('source failed');
          return index < values.length ? { done: false, value: values[index++] } : { done: true, value: undefined };
        },
        return: async () => {
          seen.returned = true;
          return { done: true, value: undefined };
        },
      };
    },
  };
  return { iterable, seen };
}

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const values: T[] = [];
  for await (const value of iterable) values.push(value);
  return values;
}

describe('mapAsyncIterable', () => {
  it('maps every value in order and says once that the iteration ended', async () => {
    const ends: string[] = [];
    expect(await collect(mapAsyncIterable(source([1, 2, 3]).iterable, (n) => n * 10, () => ends.push('end')))).toEqual([10, 20, 30]);
    expect(ends).toEqual(['end']);
  });
});

/** A source that steps, as the embedded store's reads do, noting how it was used. */
function steppingSource(values: number[], failAt?: number) {
  const seen = { returned: false, nexts: 0, steps: 0 };
  const iterable: AsyncIterable<number> = {
    [Symbol.asyncIterator]: (): SteppingIterator<number> => {
      let index = 0;
      const step = (): IteratorResult<number> => {
        seen.steps += 1;
        if (index === failAt) throw new Error('source failed');
        return index < values.length ? { done: false, value: values[index++] } : { done: true, value: undefined };
      };
      return {
        step,
        next: async () => {
          seen.nexts += 1;
          return step();
        },
        return: async () => {
          seen.returned = true;
          return { done: true, value: undefined };
        },
      };
    },
  };
  return { iterable, seen };
}

describe('mapAsyncIterable over a source that steps', () => {
  it('steps through every layer, so that only the outermost next makes a promise', async () => {
    const { iterable, seen } = steppingSource([1, 2, 3]);
    const ends: string[] = [];
    const inner = mapAsyncIterable(iterable, (n) => n * 10, () => ends.push('inner'));
    const outer = mapAsyncIterable(inner, (n) => n + 1, () => ends.push('outer'));

    expect(await collect(outer)).toEqual([11, 21, 31]);
    expect(seen).toEqual({ returned: false, nexts: 0, steps: 4 });
    expect(ends).toEqual(['inner', 'outer']);
    expect(typeof (outer[Symbol.asyncIterator]() as Partial<SteppingIterator<number>>).step).toBe('function');
  });
});

describe.each([
  ['a source that only awaits', source],
  ['a source that steps', steppingSource],
])('mapAsyncIterable over %s', (_kind, sourceOf) => {
  it('stopped early, lets the source go and says it ended', async () => {
    const { iterable, seen } = sourceOf([1, 2, 3]);
    let ended = 0;
    for await (const value of mapAsyncIterable(iterable, (n) => n, () => ended++)) if (value === 2) break;
    expect(seen.returned).toBe(true);
    expect(ended).toBe(1);
  });

  it('passes on a failure of the source or of the mapping, letting the source go when the mapping fails', async () => {
    let ended = 0;
    await expect(collect(mapAsyncIterable(sourceOf([1, 2], 1).iterable, (n) => n, () => ended++))).rejects.toThrow('source failed');
    expect(ended).toBe(1);

    const { iterable, seen } = sourceOf([1, 2, 3]);
    const mapped = mapAsyncIterable(iterable, (n) => {
      if (n === 2) throw new Error('cannot map 2');
      return n;
    }, () => ended++);
    await expect(collect(mapped)).rejects.toThrow('cannot map 2');
    expect(seen.returned).toBe(true);
    expect(ended).toBe(2);
  });
});
