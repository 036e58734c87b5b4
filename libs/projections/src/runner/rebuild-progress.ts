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

  /** `remaining`: events in the log after the generation's checkpoint when the run started. */
  setRemaining(remaining: number): void {
    this.total = Math.max(this.total, this.doneAtStart + remaining);
  }

  progress(eventsDone: number, finished = false): RebuildProgress {
    if (finished || eventsDone > this.total) this.total = eventsDone;
    const seconds = (this.now() - this.startedAt) / 1000;
    const eventsPerSecond = seconds > 0 ? (eventsDone - this.doneAtStart) / seconds : 0;
    const etaSeconds = finished ? 0 : eventsPerSecond > 0 ? (this.total - eventsDone) / eventsPerSecond : null;
    return { projection: this.projection, generation: this.generation, eventsDone, eventsTotal: this.total, eventsPerSecond, etaSeconds, finished };
  }
}
