export interface RebuildProgress {
  projection: string;
  generation: number;
  /** Events the new generation has been given, counted from the start of the log. */
  eventsDone: number;
  /** Events in the log to get through (grows if events are appended during the rebuild). */
  eventsTotal: number;
  /** Over this run of the rebuild (a resumed rebuild counts from where it resumed). */
  eventsPerSecond: number;
  /** Null until there is a rate to go by. */
  etaSeconds: number | null;
  /** The new generation has been swapped in. */
  finished: boolean;
}

/** Turns a rebuild's running count into rate and ETA. */
export class RebuildProgressTracker {
  private total: number;
  private readonly startedAt: number;

  constructor(
    private readonly projection: string,
    private readonly generation: number,
    private readonly doneAtStart: number,
    private readonly now: () => number = Date.now,
  ) {
    this.total = doneAtStart;
    this.startedAt = now();
  }

  /** Log positions where this run started (its checkpoint) and the head, for a store whose positions are not event counts. */
  private span: { from: bigint; head: bigint } | null = null;

  /** `remaining`: events in the log after the generation's checkpoint when the run started. */
  setRemaining(remaining: number): void {
    this.total = Math.max(this.total, this.doneAtStart + remaining);
  }

  /**
   * For a store whose positions are offsets (EventStoreDB's commit positions): the total is then
   * estimated from head minus checkpoint, by the events per position this run has gone through.
   */
  setPositions(from: bigint, head: bigint): void {
    this.span = { from, head };
  }

  /** `checkpoint`: the position the generation has reached (for the estimate of setPositions). */
  progress(eventsDone: number, finished = false, checkpoint: bigint | null = null): RebuildProgress {
    if (this.span && checkpoint !== null && checkpoint > this.span.from && !finished) {
      const { from, head } = this.span;
      const share = Number(checkpoint >= head ? 1n : (checkpoint - from) * 1_000_000n / (head - from)) / 1_000_000;
      if (share > 0) this.total = Math.max(eventsDone, this.doneAtStart + Math.round((eventsDone - this.doneAtStart) / share));
    }
    if (finished || eventsDone > this.total) this.total = eventsDone;
    const seconds = (this.now() - this.startedAt) / 1000;
    const eventsPerSecond = seconds > 0 ? (eventsDone - this.doneAtStart) / seconds : 0;
    const etaSeconds = finished ? 0 : eventsPerSecond > 0 ? (this.total - eventsDone) / eventsPerSecond : null;
    return { projection: this.projection, generation: this.generation, eventsDone, eventsTotal: this.total, eventsPerSecond, etaSeconds, finished };
  }
}
