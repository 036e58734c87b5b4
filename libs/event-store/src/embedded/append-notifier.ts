/**
 * Wakes waiting subscriptions when the log grows. Appends through this process notify directly
 * after their commit; appends by any other connection to the same file (another process, or
 * another store object) are noticed by polling `changedElsewhere` while someone is waiting.
 */
export class AppendNotifier {
  private readonly waiters = new Set<() => void>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly changedElsewhere: () => boolean,
    private readonly pollIntervalMs: number,
  ) {}

  /** Calls `waiter` once, at the next append. Returns a function that cancels the wait. */
  onNextAppend(waiter: () => void): () => void {
    this.waiters.add(waiter);
    this.timer ??= setInterval(() => {
      if (this.changedElsewhere()) this.notify();
    }, this.pollIntervalMs);
    return () => {
      this.waiters.delete(waiter);
      this.stopPollingIfIdle();
    };
  }

  notify(): void {
    const waiting = [...this.waiters];
    this.waiters.clear();
    this.stopPollingIfIdle();
    for (const waiter of waiting) waiter();
  }

  private stopPollingIfIdle(): void {
    if (this.waiters.size === 0 && this.timer !== undefined) {
      clearInterval(this.timer);
      this.timer = undefined;
    }
  }
}
