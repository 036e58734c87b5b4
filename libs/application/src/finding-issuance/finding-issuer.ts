import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { INSPECTION_STREAM_PREFIX } from '@ledger/domain';
import type { EventStore, Subscription } from '@ledger/event-store';
import { EVENT_STORE } from '../tokens';
import { FindingIssuance } from './finding-issuance';

const MAX_BACKOFF_MS = 30_000;

/**
 * The reactor that finishes cross-stream work a crash left half done: it follows the inspection
 * streams through the store's own subscription (never the in-process event bus, which forgets
 * what it could not deliver) and completes every inspection event's follow-ups.
 *
 * It starts from the beginning of the log at every boot and keeps no checkpoint: the work is
 * idempotent, so replaying it costs one read per follow-up stream and cannot double anything,
 * and there is no second store to keep in step with the log. For an office's ledger (hundreds of
 * inspections) that is a short background pass.
 */
@Injectable()
export class FindingIssuer implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(FindingIssuer.name);
  private subscription: Subscription | undefined;
  private running: Promise<void> | undefined;
  private stopping = false;
  private wakeFromBackoff: (() => void) | undefined;
  private caughtUp!: Promise<void>;
  private markCaughtUp!: () => void;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly issuance: FindingIssuance,
  ) {
    this.resetCaughtUp();
  }

  onModuleInit(): void {
    this.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.stop();
  }

  start(): void {
    if (this.running) return;
    this.stopping = false;
    this.running = this.run();
  }

  /** Resolves once everything that was in the log when it started has been followed up. */
  whenCaughtUp(): Promise<void> {
    return this.caughtUp;
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.wakeFromBackoff?.();
    await this.subscription?.close();
    await this.running;
    this.running = undefined;
    this.resetCaughtUp();
  }

  private async run(): Promise<void> {
    for (let failures = 0; !this.stopping; ) {
      try {
        await this.follow();
        failures = 0;
      } catch (error) {
        failures++;
        this.logger.error(`Following the inspection streams failed (attempt ${failures}); starting again: ${(error as Error).message}`);
      }
      if (!this.stopping) await this.backoff(Math.min(MAX_BACKOFF_MS, 250 * 2 ** failures));
    }
  }

  private async follow(): Promise<void> {
    this.subscription = this.store.subscribeToAll({ streamPrefixes: [INSPECTION_STREAM_PREFIX] });
    try {
      for await (const message of this.subscription) {
        if (this.stopping) return;
        if (message.kind === 'event') await this.issuance.complete([message.event]);
        else if (message.kind === 'caught-up') this.markCaughtUp();
      }
    } finally {
      await this.subscription.close();
    }
  }

  private backoff(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wakeFromBackoff = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  private resetCaughtUp(): void {
    this.caughtUp = new Promise((resolve) => (this.markCaughtUp = resolve));
  }
}
