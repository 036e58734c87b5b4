import { DynamicModule, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { FileCheckpoint, LedgerApplicationModule, type Clock } from '@ledger/application';
import type { EventStore } from '@ledger/event-store';
import { ChallengesController } from './challenges/challenges.controller';
import { CommandGateway } from './commands/command-gateway';
import type { ApiConfig } from './config/api-config';
import { API_CONFIG } from './config/tokens';
import { HealthController } from './health/health.controller';
import { HistoryReader } from './history/history-reader';
import { ThrottlerModule } from '@nestjs/throttler';
import { AccessGuard } from './identity/access/access.guard';
import { Authenticator } from './identity/authenticator';
import { OidcIssuer } from './identity/oidc/oidc-issuer';
import { PeopleStore } from './identity/people/people-store';
import type { LedgerSecrets } from './identity/session/ledger-secrets';
import { SessionCookies } from './identity/session/session-cookie';
import { HEAVY_THROTTLE, SIGN_IN_THROTTLE } from './identity/sign-in/throttle';
import { LEDGER_SECRETS } from './config/tokens';
import { DevUserDirectory } from './identity/dev-users';
import { IdempotencyInterceptor } from './idempotency/idempotency.interceptor';
import { IdempotencyStore } from './idempotency/idempotency.store';
import { InspectionsController } from './inspections/inspections.controller';
import { ProblemFilter } from './problem/problem.filter';
import { RecommendationsController } from './recommendations/recommendations.controller';
import { StatutoryResponsesController } from './statutory-responses/statutory-responses.controller';
import { createValidationPipe } from './validation/validation.pipe';
import { WebModule } from './web/web.module';
import { ReadModelsModule } from './read-models/read-models.module';
import { ExportsModule } from './exports/exports.module';
import { PublishingModule } from './publishing/publishing.module';
import { AdministrationModule } from './administration/administration.module';
import { type AppendSignal, READ_MODELS_FILE } from '@ledger/projections';
import path from 'node:path';
import type { Logger } from 'pino';
import { JSON_LOG } from './observability/json-log.token';
import { LedgerMetrics } from './observability/ledger-metrics';
import { MetricsController } from './observability/metrics.controller';

export interface AppModuleOptions {
  config: ApiConfig;
  eventStore: EventStore;
  /** The same log exactly as stored (no upcasting), for exports and verification. */
  rawEventStore: EventStore;
  clock: Clock;
  idempotency: IdempotencyStore;
  people: PeopleStore;
  secrets: LedgerSecrets;
  /** Closed when the application shuts down: what createApp opened itself. */
  owned: { close(): Promise<void> | void }[];
  metrics: LedgerMetrics;
  jsonLog: Logger;
  /** Run the FindingIssuer in a worker thread (LedgerApplicationOptions.findingIssuerThread); its checkpoint file is the one below. */
  findingIssuerThread?: { env: Record<string, string | undefined>; onAppended(): void };
  /** Run the projections in a worker thread (ReadModelsModuleOptions.thread). */
  projectionThread?: { env: Record<string, string | undefined>; appended: AppendSignal };
}

const OWNED = Symbol('OWNED');

/** In the instance's data folder: where its FindingIssuer resumes after a restart. */
export const FINDING_ISSUER_CHECKPOINT_FILE = 'finding-issuer.checkpoint.json';

/** Closes what the application opened, once Nest has stopped taking requests. */
@Injectable()
class OwnedResources implements OnApplicationShutdown {
  constructor(@Inject(OWNED) private readonly resources: AppModuleOptions['owned']) {}

  async onApplicationShutdown(): Promise<void> {
    for (const resource of this.resources) await resource.close();
  }
}

@Module({})
export class AppModule {
  static forRoot(options: AppModuleOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        LedgerApplicationModule.forRoot({
          eventStore: options.eventStore,
          clock: options.clock,
          findingIssuerCheckpoint: new FileCheckpoint(path.join(options.config.dataDir, FINDING_ISSUER_CHECKPOINT_FILE)),
          findingIssuerThread: options.findingIssuerThread && { ...options.findingIssuerThread, checkpointFile: path.join(options.config.dataDir, FINDING_ISSUER_CHECKPOINT_FILE) },
        }),
        ReadModelsModule.forRoot({ file: path.join(options.config.dataDir, READ_MODELS_FILE), eventStore: options.eventStore, thread: options.projectionThread, waitTimeoutMs: options.config.readWaitMs }),
        ThrottlerModule.forRoot({
          throttlers: [
            { name: SIGN_IN_THROTTLE, ttl: 60_000, limit: options.config.throttle.signInPerMinute },
            { name: HEAVY_THROTTLE, ttl: 60_000, limit: options.config.throttle.heavyReadsPerMinute },
          ],
        }),
        WebModule,
        ExportsModule.forRoot({ config: options.config, store: options.rawEventStore }),
        PublishingModule.forRoot({ config: options.config, eventStore: options.eventStore, rawEventStore: options.rawEventStore }),
        AdministrationModule,
      ],
      controllers: [MetricsController, HealthController, InspectionsController, RecommendationsController, StatutoryResponsesController, ChallengesController],
      providers: [
        { provide: API_CONFIG, useValue: options.config },
        { provide: DevUserDirectory, useValue: new DevUserDirectory(options.config.devUser) },
        { provide: IdempotencyStore, useValue: options.idempotency },
        { provide: OWNED, useValue: options.owned },
        { provide: LedgerMetrics, useValue: options.metrics },
        { provide: JSON_LOG, useValue: options.jsonLog },
        OwnedResources,
        { provide: PeopleStore, useValue: options.people },
        { provide: LEDGER_SECRETS, useValue: options.secrets },
        { provide: SessionCookies, useValue: new SessionCookies(options.secrets.session, options.config.sessionHours) },
        { provide: OidcIssuer, useValue: options.config.oidc ? new OidcIssuer(options.config.oidc) : null },
        Authenticator,
        { provide: APP_GUARD, useClass: AccessGuard },
        { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
        { provide: APP_FILTER, useClass: ProblemFilter },
        { provide: APP_PIPE, useFactory: createValidationPipe },
        CommandGateway,
        HistoryReader,
      ],
      // The pages act through the same configuration, sign-in and development people as the API.
      global: true,
      exports: [API_CONFIG, DevUserDirectory, PeopleStore, LEDGER_SECRETS, SessionCookies, OidcIssuer, Authenticator, CommandGateway],
    };
  }
}
