import { AppendWindow } from './append-window';

describe('the window in which appends gather before the projection thread hears of them', () => {
  it('is the shortest for a lone append after a quiet spell', () => {
    const window = new AppendWindow(10, 80);
    expect(window.open(1000)).toBe(10);
    window.told(1010);
    // Quiet for longer than the window: a lone command again.
    expect(window.open(1050)).toBe(10);
  });

  it('doubles while appends keep coming within a window of the last telling, up to its bound', () => {
    const window = new AppendWindow(10, 80);
    let now = 0;
    const windows: number[] = [];
    for (let n = 0; n < 6; n += 1) {
      const length = window.open(now);
      windows.push(length);
      now += length;
      window.told(now);
      // The next command's append comes 3 ms after the thread was told.
      now += 3;
    }
    expect(windows).toEqual([10, 20, 40, 80, 80, 80]);
  });

  it('falls back to the shortest once the appends stop for longer than the current window', () => {
    const window = new AppendWindow(10, 80);
    expect(window.open(0)).toBe(10);
    window.told(10);
    expect(window.open(12)).toBe(20);
    window.told(32);
    expect(window.open(40)).toBe(40);
    window.told(80);
    expect(window.open(80 + 41)).toBe(10);
  });
});
