import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit, Optional } from '@nestjs/common';
import { INSPECTION_STREAM_PREFIX } from '@ledger/domain';
import type { EventStore, Subscription } from '@ledger/event-store';
import { EVENT_STORE, FINDING_ISSUER_CHECKPOINT } from '../tokens';
import { FindingIssuance } from './finding-issuance';
import { MemoryCheckpoint, type ReactorCheckpoint } from './reactor-checkpoint';

const MAX_BACKOFF_MS = 30_000;
/** The checkpoint is written at most this often while events flow, and always when the reactor stops. */
const SAVE_EVERY_MS = 1_000;

/**
 * The reactor that finishes cross-stream work a crash left half done: it follows the inspection
 * streams through the store's own subscription (never the in-process event bus, which forgets
 * what it could not deliver) and completes every inspection event's follow-ups.
 *
 * It keeps a checkpoint (the API's is a file in the instance's data folder): at boot it resumes
 * after the last inspection event whose follow-ups were complete, so old work is neither redone
 * nor its old refusals logged again. The checkpoint is saved after the work, never before, so a
 * crash in between repeats a little work, which is idempotent and cannot double anything. A
 * checkpoint beyond the end of the log (a data folder used with another store) is not trusted:
 * the reactor starts from the beginning.
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
  private unsaved: bigint | null = null;
  private lastSaved = 0;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly issuance: FindingIssuance,
    @Optional() @Inject(FINDING_ISSUER_CHECKPOINT) private readonly checkpoint: ReactorCheckpoint = new MemoryCheckpoint(),
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
    this.flush();
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
    const after = await this.resumeAfter();
    this.subscription = this.store.subscribeToAll({ streamPrefixes: [INSPECTION_STREAM_PREFIX], ...(after === null ? {} : { after }) });
    try {
      for await (const message of this.subscription) {
        if (this.stopping) return;
        if (message.kind === 'event') {
          await this.issuance.complete([message.event]);
          this.done(message.event.position);
        } else if (message.kind === 'checkpoint') {
          this.done(message.position);
        } else {
          this.flush();
          this.markCaughtUp();
        }
      }
    } finally {
      await this.subscription.close();
    }
  }

  private async resumeAfter(): Promise<bigint | null> {
    const saved = this.unsaved ?? this.checkpoint.load();
    if (saved === null) return null;
    const head = await this.store.headPosition();
    if (head !== null && saved <= head) return saved;
    this.logger.warn(`The checkpoint (${saved}) is beyond the end of the log (${head ?? 'empty'}): following the inspection streams from the start`);
    return null;
  }

  private done(position: bigint): void {
    this.unsaved = position;
    if (Date.now() - this.lastSaved >= SAVE_EVERY_MS) this.flush();
  }

  private flush(): void {
    if (this.unsaved === null) return;
    this.checkpoint.save(this.unsaved);
    this.lastSaved = Date.now();
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
