import { Inject, Injectable, Logger, Module, type BeforeApplicationShutdown, type DynamicModule, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { CLOCK, type Clock } from '@ledger/application';
import { LEDGER_STREAM_PREFIXES, type EventStore } from '@ledger/event-store';
import { type AppendSignal, type ProjectionEngine, ProjectionRunner, ProjectionThread, ReadModels } from '@ledger/projections';
import { ALL_PROJECTIONS, HistoryReader } from '@ledger/projections/read-models';
import { AsAtController } from './as-at.controller';
import { DeliveryController } from './delivery.controller';
import { ReadContext } from './read-context';
import { PROJECTION_RUNNER, READ_MODELS, READ_SETTINGS, type ReadSettings } from './read-models.tokens';
import { RegisterController } from './register.controller';
import { ScrutinyController } from './scrutiny.controller';
import { TimelineController } from './timeline.controller';

export interface ReadModelsModuleOptions {
  /** The read-model database file: `<data dir>/read-models.sqlite` (READ_MODELS_FILE). */
  file: string;
  /** The ledger's log (its reads already upcast: ledgerEventStore). The caller keeps ownership of it. */
  eventStore: EventStore;
  /** Today, for overdue, RAG and day numbers. Defaults to the application's clock (CLOCK). */
  clock?: Clock;
  /** The longest `?atLeast=` waits (LEDGER_READ_WAIT_MS). */
  waitTimeoutMs: number;
  /**
   * Runs the projections in a worker thread with its own connections, off the requests' event
   * loop: `env` names the same store for it to open, `appended` tells it of this thread's appends.
   * Without it they run in this thread, fed by `eventStore`.
   */
  thread?: { env: Record<string, string | undefined>; appended: AppendSignal };
  /** The most threads answering as-at and changes between dates (HistoryReader; default 2). */
  historyReaders?: number;
}

/**
 * Starts the projections with the application. On shutdown they stop while the store is still
 * open, and the database closes once no request can read it any more.
 */
@Injectable()
class ProjectionLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger('Projections');

  constructor(
    @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionEngine,
    @Inject(READ_MODELS) private readonly readModels: ReadModels,
    private readonly history: HistoryReader,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.runner.start();
    this.logger.log(`Read models: ${ALL_PROJECTIONS.map((projection) => projection.name).join(', ')} (${this.readModels.file})`);
  }

  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all([this.runner.stop(), this.history.stop()]);
  }

  onApplicationShutdown(): void {
    this.readModels.close();
  }
}

/**
 * The read side in the API: runs the projections (ALL_PROJECTIONS), in a worker thread when
 * `thread` is given, and serves them as JSON under /api/read (routes in README.md).
 */
@Module({})
export class ReadModelsModule {
  static forRoot(options: ReadModelsModuleOptions): DynamicModule {
    const { waitTimeoutMs } = options;
    if (!Number.isInteger(waitTimeoutMs) || waitTimeoutMs < 0) throw new RangeError(`waitTimeoutMs must be a whole number of milliseconds (got ${waitTimeoutMs})`);
    const log = options.eventStore;
    return {
      module: ReadModelsModule,
      // The web pages read the very same read models and clock as /api/read.
      global: true,
      controllers: [RegisterController, TimelineController, DeliveryController, ScrutinyController, AsAtController],
      providers: [
        { provide: READ_MODELS, useFactory: () => ReadModels.open(options.file, ALL_PROJECTIONS) },
        {
          provide: PROJECTION_RUNNER,
          useFactory: (readModels: ReadModels): ProjectionEngine =>
            options.thread
              ? new ProjectionThread({ env: options.thread.env, appended: options.thread.appended, readModels, store: log, streamPrefixes: LEDGER_STREAM_PREFIXES, firstLoad: 'rebuild', logger: runnerLogger() })
              : new ProjectionRunner({ store: log, readModels, streamPrefixes: LEDGER_STREAM_PREFIXES, firstLoad: 'rebuild', logger: runnerLogger() }),
          inject: [READ_MODELS],
        },
        {
          provide: READ_SETTINGS,
          useFactory: (clock: Clock): ReadSettings => ({ clock: options.clock ?? clock, waitTimeoutMs }),
          inject: [CLOCK],
        },
        // Its threads open their own read-only connections to the file READ_MODELS created.
        { provide: HistoryReader, useFactory: (readModels: ReadModels) => new HistoryReader({ readModelsFile: readModels.file, threads: options.historyReaders }), inject: [READ_MODELS] },
        ProjectionLifecycle,
        ReadContext,
      ],
      exports: [READ_MODELS, PROJECTION_RUNNER, ReadContext, HistoryReader],
    };
  }
}

function runnerLogger() {
  const logger = new Logger('Projections');
  return { log: (message: string) => logger.log(message), warn: (message: string) => logger.warn(message) };
}
