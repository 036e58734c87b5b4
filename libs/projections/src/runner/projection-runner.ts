import type { EventStore } from '@ledger/event-store';
import type { Projection } from '../projection';
import { ReadModels } from '../read-model-database';
import { type GenerationRegistry, type ProjectionFault, StaleGenerationError, isCurrent } from '../registry/generation-registry';
import { type ProjectionStatus, readProjectionStatus } from '../status/projection-status';
import { GenerationWriter, type TargetOutcome } from './generation-writer';
import { Lane, type LaneEnd, type LaneSettings } from './lane';
import { type RebuildProgress, RebuildProgressTracker } from './rebuild-progress';

export interface RunnerLogger {
  log(message: string): void;
  warn(message: string): void;
}

export interface ProjectionRunnerOptions {
  /** Give it the upcasting store, so projections see every event in its current shape. */
  store: EventStore;
  readModels: ReadModels;
  /** Most events per transaction once caught up (default 500). */
  batchSize?: number;
  /** Most events per transaction while catching up or rebuilding (default 5000, never less than batchSize). */
  catchUpBatchSize?: number;
  /**
   * Most events per transaction of a rebuild (default: catchUpBatchSize when that is given, else
   * 20000). A rebuild's file is written without a journal, and each commit writes every page the
   * batch touched, so fewer, larger batches write each page fewer times.
   */
  rebuildBatchSize?: number;
  /** Only streams with these prefixes (EventStoreDB filters on the server). Default: every non-system stream. */
  streamPrefixes?: readonly string[];
  /**
   * How a read model that has never been given an event is filled from a log that has some:
   * `rebuild` loads a fresh generation the way a rebuild does (no journal, indexes last) and swaps
   * it in, then it goes live; `live` (the default) catches the empty generation up in WAL.
   */
  firstLoad?: 'rebuild' | 'live';
  /** Progress of every rebuild, including those a version change starts. */
  onRebuildProgress?: (progress: RebuildProgress) => void;
  /** After every committed batch (the read models moved on): e.g. to tell another thread. */
  onCommitted?: () => void;
  logger?: RunnerLogger;
}

export interface RebuildResult {
  projection: string;
  generation: number;
  /** Events the new generation was given, from the start of the log. */
  events: number;
  /** Duration of this run of the rebuild. */
  seconds: number;
}

/** A rebuild stopped at an event the projection could not apply. */
export class ProjectionFaultedError extends Error {
  constructor(
    readonly projection: string,
    readonly generation: number,
    readonly fault: ProjectionFault,
  ) {
    super(
      `projection ${projection} generation ${generation} cannot apply event ${fault.eventId} (${fault.eventType}) ` +
        `at position ${fault.position}: ${fault.error}`,
    );
    this.name = 'ProjectionFaultedError';
  }
}

interface Build {
  readonly generation: number;
  readonly writer: GenerationWriter;
  readonly promise: Promise<RebuildResult>;
  readonly resolve: (result: RebuildResult) => void;
  readonly reject: (error: Error) => void;
  readonly listeners: Set<(progress: RebuildProgress) => void>;
  readonly tracker: RebuildProgressTracker;
  readonly startedAt: number;
}

interface Slot {
  readonly projection: Projection;
  live: GenerationWriter | null;
  build: Build | null;
  failures: number;
  error: string | null;
}

const MAX_RETRY_DELAY_MS = 30_000;

const CONSOLE_LOGGER: RunnerLogger = {
  log: (message) => console.log(message),
  warn: (message) => console.warn(message),
};

/**
 * Keeps the read models up to date from the log, with one reader for all of them: the live lane
 * feeds the active generation of every projection in the same batches, each batch one
 * transaction carrying every checkpoint. When a projection's code version (or tables) differ
 * from its active generation's, or `rebuild` is asked for, a build lane fills new generations
 * from the start of the log while the active ones serve (rebuilds asked for together share one
 * reader), swaps each in once caught up and hands it to the live lane.
 *
 * An event a projection cannot apply stops that projection (faulted, recorded with the event);
 * the others carry on. The fault is tried again at the next `start`. A failure of the store or
 * of the database is retried with backoff from the stored checkpoints.
 */
export class ProjectionRunner {
  private readonly registry: GenerationRegistry;
  private readonly slots: ReadonlyMap<string, Slot>;
  private readonly settings: LaneSettings;
  private readonly buildSettings: LaneSettings;
  private readonly logger: RunnerLogger;
  private running = false;
  private live: Lane | null = null;
  /** Restarts of the live lane, one after the other. */
  private liveChain: Promise<void> = Promise.resolve();
  private liveRestartQueued = false;
  private liveIsCaughtUp = false;
  private caughtUpWaiters: (() => void)[] = [];
  private readonly buildLanes = new Set<Lane>();
  private pendingBuilds: Slot[] = [];
  private retry: NodeJS.Timeout | null = null;
  private failures = 0;
  /** The rebuilds' own connection: it attaches the files being built (see RegistryRole). */
  private builder: ReadModels | null = null;

  constructor(private readonly options: ProjectionRunnerOptions) {
    this.registry = options.readModels.registry;
    this.slots = new Map(
      options.readModels.projections.map((projection) => [projection.name, { projection, live: null, build: null, failures: 0, error: null }]),
    );
    const batchSize = options.batchSize ?? 500;
    if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError('batchSize must be an integer >= 1');
    this.settings = {
      batchSize,
      catchUpBatchSize: Math.max(batchSize, options.catchUpBatchSize ?? 5000),
      streamPrefixes: options.streamPrefixes,
    };
    this.buildSettings = {
      ...this.settings,
      catchUpBatchSize: Math.max(this.settings.catchUpBatchSize, options.rebuildBatchSize ?? options.catchUpBatchSize ?? 20_000),
    };
    this.logger = options.logger ?? CONSOLE_LOGGER;
  }

  /** Starts every projection from its checkpoint (and any rebuild it needs); resolves once they are running. */
  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    // See firstLoad: a read model never given an event goes live once a rebuild has loaded it.
    const logHasEvents = this.options.firstLoad === 'rebuild' && (await this.options.store.headPosition()) !== null;
    if (!this.running) return;
    for (const slot of this.slots.values()) {
      const name = slot.projection.name;
      this.registry.clearFaults(name);
      const active = this.registry.ensureActive(slot.projection);
      this.dropRetired(name);
      const neverFed = active.checkpoint === null && active.eventsApplied === 0 && active.fault === null && isCurrent(active, slot.projection);
      if (logHasEvents && neverFed && !slot.build && !this.registry.building(name)) this.startBuild(slot);
      this.reconcile(slot);
    }
  }

  /**
   * Commits what each lane holds and stops. An unfinished rebuild's file is made durable (its
   * batches were written without a journal) so that it resumes at the next start.
   */
  async stop(): Promise<void> {
    this.running = false;
    if (this.retry) clearTimeout(this.retry);
    this.retry = null;
    const lanes = [...this.buildLanes];
    const unfinished = [...this.slots.values()].flatMap((slot) => (slot.build ? [slot.build.writer] : []));
    await Promise.all([this.queueLive(), ...lanes.map((lane) => lane.stop())]);
    for (const writer of unfinished) {
      try {
        this.builder?.registry.seal(writer.projectionName, writer.generation);
      } catch (error) {
        // Not resumable then: the next rebuild starts again from the start of the log.
        this.logger.warn(`projection ${writer.projectionName}: could not make its rebuild durable: ${(error as Error).message}`);
      }
    }
    this.builder?.close();
    this.builder = null;
    // A later start takes each generation again from the registry.
    for (const slot of this.slots.values()) slot.live = null;
  }

  /**
   * Builds a new generation of `name` from the start of the log while the current one serves,
   * and swaps it in when it has caught up. Works without `start` too (the CLI): it then stops
   * after the swap. Resolves when swapped; joins a rebuild already under way. Rebuilds asked for
   * in the same turn of the event loop share one reader of the log.
   */
  rebuild(name: string, options: { onProgress?: (progress: RebuildProgress) => void } = {}): Promise<RebuildResult> {
    const slot = this.slot(name);
    const build = slot.build ?? this.startBuild(slot);
    const { onProgress } = options;
    if (onProgress) {
      build.listeners.add(onProgress);
      const remove = () => build.listeners.delete(onProgress);
      build.promise.then(remove, remove);
    }
    return build.promise;
  }

  async status(): Promise<ProjectionStatus[]> {
    const statuses = await readProjectionStatus(this.options.store, this.options.readModels, { streamPrefixes: this.settings.streamPrefixes });
    return statuses.map((status) => ({ ...status, error: this.slots.get(status.name)?.error ?? null }));
  }

  /** See ReadModels.waitForPosition. */
  waitForPosition(position: bigint, timeoutMs: number, names?: readonly string[]): Promise<boolean> {
    return this.options.readModels.waitForPosition(position, timeoutMs, names);
  }

  private slot(name: string): Slot {
    const slot = this.slots.get(this.options.readModels.projection(name).name);
    if (!slot) throw new Error(`unknown projection "${name}"`);
    return slot;
  }

  /** Runs whatever the stored state of the projection calls for and is not running yet. */
  private reconcile(slot: Slot): void {
    if (!this.running) return;
    const { projection } = slot;
    const active = this.registry.ensureActive(projection);
    const building = this.registry.building(projection.name);
    const current = isCurrent(active, projection);
    // While a rebuild loads a generation never fed, the empty active one waits for the swap instead of catching up too.
    const firstLoad = slot.build !== null && active.checkpoint === null && active.eventsApplied === 0;
    if (!slot.live && current && active.fault === null && !firstLoad) {
      slot.live = new GenerationWriter(this.options.readModels, projection, active);
      this.restartLive();
    }
    const buildNeeded = building ? building.fault === null : !current;
    if (!slot.build && buildNeeded) this.startBuild(slot);
  }

  /** The live lane again, with the live generation of every slot (after one joined or left). */
  private restartLive(): void {
    if (this.liveRestartQueued) return;
    this.liveRestartQueued = true;
    this.liveChain = this.liveChain.then(async () => {
      this.liveRestartQueued = false;
      if (this.live) await this.live.stop();
      this.live = null;
      if (!this.running) return;
      const writers = [...this.slots.values()].flatMap((slot) => (slot.live ? [slot.live] : []));
      if (writers.length === 0) return;
      const lane = new Lane(this.options.store, this.options.readModels.db, writers, this.settings, {
        committed: (outcomes) => this.liveCommitted(outcomes),
        stale: (writer) => this.liveStale(writer),
        caughtUp: (caughtUp) => {
          for (const writer of caughtUp.writers) writer.ensureIndexes();
          if (this.live === lane) this.liveCaughtUp();
          return 'continue';
        },
      });
      this.live = lane;
      this.liveIsCaughtUp = false;
      void lane.done.then((end) => this.liveEnded(lane, end));
    });
  }

  /**
   * Resolves once the live projections have read the log as it stood when they started reading it,
   * and have built their query-only indexes: before that, a freshly loaded generation answers its
   * queries without them (a benchmark or a tool that loads and then queries waits for this).
   */
  whenCaughtUp(): Promise<void> {
    if (this.liveIsCaughtUp) return Promise.resolve();
    return new Promise((resolve) => this.caughtUpWaiters.push(resolve));
  }

  private liveCaughtUp(): void {
    this.liveIsCaughtUp = true;
    const waiters = this.caughtUpWaiters;
    this.caughtUpWaiters = [];
    for (const resolve of waiters) resolve();
  }

  /** Resolves once the live lane has stopped (when not running) or restarted. */
  private queueLive(): Promise<void> {
    this.restartLive();
    return this.liveChain;
  }

  private liveCommitted(outcomes: ReadonlyMap<GenerationWriter, TargetOutcome>): void {
    this.failures = 0;
    for (const [writer, outcome] of outcomes) {
      const slot = this.slot(writer.projectionName);
      slot.error = null;
      if (outcome.fault) {
        if (slot.live === writer) slot.live = null;
        this.logger.warn(new ProjectionFaultedError(slot.projection.name, writer.generation, outcome.fault).message);
      }
    }
    this.notifyCommitted();
  }

  private liveStale(writer: GenerationWriter): void {
    const slot = this.slot(writer.projectionName);
    if (slot.live === writer) slot.live = null;
    this.reconcile(slot);
  }

  private liveEnded(lane: Lane, end: LaneEnd): void {
    if (this.live === lane) this.live = null;
    if (end.reason !== 'failed') return;
    for (const writer of lane.writers) {
      const slot = this.slot(writer.projectionName);
      slot.error = end.error.message;
      // Taken again from the stored checkpoint: nothing of the failed batch was committed.
      if (slot.live === writer) slot.live = null;
    }
    this.scheduleRetry(end.error);
  }

  private startBuild(slot: Slot): Build {
    const { projection } = slot;
    const name = projection.name;
    this.registry.ensureActive(projection);
    this.dropRetired(name);
    this.builder ??= ReadModels.open(this.options.readModels.file, this.options.readModels.projections, 'build');
    const generation = this.builder.registry.startBuilding(projection);
    const writer = new GenerationWriter(this.builder, projection, generation);
    const listeners = new Set<(progress: RebuildProgress) => void>();
    if (this.options.onRebuildProgress) listeners.add(this.options.onRebuildProgress);
    let resolve!: (result: RebuildResult) => void;
    let reject!: (error: Error) => void;
    const promise = new Promise<RebuildResult>((ok, fail) => {
      resolve = ok;
      reject = fail;
    });
    // Rebuilds started by a version change have nobody awaiting them: their failure is logged instead.
    promise.catch(() => undefined);
    const tracker = new RebuildProgressTracker(name, generation.generation, generation.eventsApplied);
    const build: Build = { generation: generation.generation, writer, promise, resolve, reject, listeners, tracker, startedAt: Date.now() };
    slot.build = build;
    void this.remaining(generation.checkpoint, tracker).catch(() => undefined);
    this.pendingBuilds.push(slot);
    if (this.pendingBuilds.length === 1) setImmediate(() => this.launchBuilds());
    return build;
  }

  /**
   * What is left after `checkpoint`, from head minus checkpoint, never a recount: events where
   * positions are gap-free (the embedded store), else positions (EventStoreDB's commit positions),
   * from which the tracker estimates the events.
   */
  private async remaining(checkpoint: bigint | null, tracker: RebuildProgressTracker): Promise<void> {
    if ((await this.options.store.health()).kind === 'embedded') {
      tracker.setRemaining((await this.options.store.countAfter(checkpoint)).events);
      return;
    }
    const head = await this.options.store.headPosition();
    if (head !== null) tracker.setPositions(checkpoint ?? 0n, head);
  }

  /** One build lane for every rebuild asked for since the last launch. */
  private launchBuilds(): void {
    const slots = this.pendingBuilds.filter((slot) => slot.build !== null);
    this.pendingBuilds = [];
    if (slots.length === 0) return;
    const lane: Lane = new Lane(
      this.options.store,
      (this.builder as ReadModels).db,
      slots.map((slot) => (slot.build as Build).writer),
      this.buildSettings,
      {
        committed: (outcomes) => this.buildCommitted(outcomes),
        stale: (writer) => this.buildStale(writer),
        caughtUp: (caughtUp) => this.buildsCaughtUp(caughtUp),
      },
    );
    this.buildLanes.add(lane);
    void lane.done.then((end) => {
      this.buildLanes.delete(lane);
      this.buildEnded(lane, end);
    });
  }

  private buildOf(writer: GenerationWriter): { slot: Slot; build: Build } | null {
    const slot = this.slot(writer.projectionName);
    return slot.build && slot.build.writer === writer ? { slot, build: slot.build } : null;
  }

  private report(build: Build, finished: boolean): void {
    const progress = build.tracker.progress(build.writer.eventsApplied, finished, build.writer.checkpoint);
    for (const listener of build.listeners) listener(progress);
  }

  private buildCommitted(outcomes: ReadonlyMap<GenerationWriter, TargetOutcome>): void {
    this.failures = 0;
    this.builder?.registry.balanceLoadCaches([...outcomes.keys()].map((writer) => ({ projection: writer.projectionName, generation: writer.generation })));
    for (const [writer, outcome] of outcomes) {
      const found = this.buildOf(writer);
      if (!found) continue;
      found.slot.error = null;
      if (outcome.fault) {
        found.slot.build = null;
        const error = new ProjectionFaultedError(found.slot.projection.name, found.build.generation, outcome.fault);
        this.logger.warn(`rebuild stopped: ${error.message}`);
        found.build.reject(error);
        // A first load that faulted: the generation it was to replace catches up live instead (and reports the fault itself).
        this.reconcile(found.slot);
      } else {
        this.report(found.build, false);
      }
    }
    this.notifyCommitted();
  }

  private buildStale(writer: GenerationWriter): void {
    const found = this.buildOf(writer);
    if (!found) return;
    const { slot, build } = found;
    slot.build = null;
    const name = slot.projection.name;
    // Another process finished (or took over) this generation.
    if (this.registry.generation(name, build.generation)?.status === 'active') {
      build.resolve({ projection: name, generation: build.generation, events: writer.eventsApplied, seconds: 0 });
    } else {
      build.reject(new Error(`the rebuild of ${name} generation ${build.generation} was taken over by another process`));
    }
    this.reconcile(slot);
  }

  /** Swaps in every generation of the lane, and hands them to the live lane. */
  private buildsCaughtUp(lane: Lane): 'stop' {
    for (const writer of lane.writers) {
      const found = this.buildOf(writer);
      if (!found) continue;
      const { slot, build } = found;
      const name = slot.projection.name;
      writer.ensureIndexes();
      try {
        (this.builder as ReadModels).registry.swap(name, build.generation, writer.checkpoint);
      } catch (error) {
        if (error instanceof StaleGenerationError) {
          this.buildStale(writer);
          continue;
        }
        throw error;
      }
      slot.build = null;
      // The live lane takes the new generation on its own connection, from the swapped checkpoint.
      slot.live = null;
      this.dropRetired(name);
      this.reconcile(slot);
      this.report(build, true);
      const result = { projection: name, generation: build.generation, events: writer.eventsApplied, seconds: (Date.now() - build.startedAt) / 1000 };
      this.logger.log(`projection ${name}: generation ${result.generation} (version ${slot.projection.version}) swapped in after ${result.events} events`);
      build.resolve(result);
    }
    this.notifyCommitted();
    return 'stop';
  }

  private buildEnded(lane: Lane, end: LaneEnd): void {
    for (const writer of lane.writers) {
      const found = this.buildOf(writer);
      if (!found) continue;
      const { slot, build } = found;
      slot.build = null;
      if (end.reason === 'failed') {
        slot.error = end.error.message;
        build.reject(end.error);
      } else {
        build.reject(new Error(`the rebuild of ${slot.projection.name} stopped before it finished; it resumes from generation ${build.generation}'s checkpoint`));
      }
    }
    if (end.reason === 'failed') this.scheduleRetry(end.error);
  }

  private notifyCommitted(): void {
    this.options.readModels.notifyCommitted();
    this.options.onCommitted?.();
  }

  /** After a failure of the store or the database: everything not running is started again from its checkpoint. */
  private scheduleRetry(error: Error): void {
    if (!this.running) return;
    this.failures += 1;
    const delay = Math.min(MAX_RETRY_DELAY_MS, 250 * 2 ** this.failures);
    this.logger.warn(`projections: ${error.message}; retrying in ${delay} ms`);
    if (this.retry) clearTimeout(this.retry);
    this.retry = setTimeout(() => {
      this.retry = null;
      for (const slot of this.slots.values()) this.reconcile(slot);
      this.restartLive();
    }, delay);
  }

  private dropRetired(name: string): void {
    try {
      this.registry.dropRetired(name);
    } catch (error) {
      // Left for the next start: dropping is housekeeping, serving is not affected.
      this.logger.warn(`projection ${name}: could not drop retired tables yet: ${(error as Error).message}`);
    }
  }
}
