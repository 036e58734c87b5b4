/**
 * How long the projection thread lets appends gather before it hears of them. A batch's fixed
 * cost (a transaction over every read model's file, and the pages every event of it rewrites:
 * the last leaf of each position-ordered index, a finding's rows) is paid once per batch, so
 * appends that keep coming are read in longer windows, doubled from `minMs` up to `maxMs`. After
 * a quiet spell the window is the shortest again: a lone command is read as soon as before. A
 * reader waiting for its own write does not wait for the window (ProjectionThread tells the
 * thread at once).
 */
export class AppendWindow {
  private current: number;
  private lastToldAt = Number.NEGATIVE_INFINITY;

  constructor(
    readonly minMs: number,
    readonly maxMs: number,
  ) {
    this.current = minMs;
  }

  /** The window for appends that start gathering at `now` (none pending). */
  open(now: number): number {
    // Within one window of the last telling: the appends are a steady load, not a lone command.
    this.current = now - this.lastToldAt <= this.current ? Math.min(this.maxMs, this.current * 2) : this.minMs;
    return this.current;
  }

  /** The thread has been told of the appends gathered (the window ended, or a reader waits). */
  told(now: number): void {
    this.lastToldAt = now;
  }
}
