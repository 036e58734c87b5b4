import { INestApplication, LoggerService, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import helmet from 'helmet';
import fs from 'node:fs';
import path from 'node:path';
import type { Clock } from '@ledger/application';
import { SqliteEventStore, createEventStore, eventStoreConfigFromEnv, type EventStore } from '@ledger/event-store';
import { ledgerEventStore } from '@ledger/integrity';
import { AppendSignal } from '@ledger/projections';
import { AppModule } from './app.module';
import type { ApiConfig } from './config/api-config';
import { IdempotencyStore } from './idempotency/idempotency.store';
import { bodyParserProblems } from './problem/body-parser-problem';
import type { DestinationStream } from 'pino';
import { NestJsonLogger, createJsonLogger, requestLogging } from './observability/json-logger';
import { LedgerMetrics } from './observability/ledger-metrics';
import { applyServerLimits } from './server/server-limits';
import type { Server } from 'node:http';
import { setupOpenApi, OPENAPI_UI_PATH, OPENAPI_JSON_PATH } from './openapi/setup-openapi';
import { jsonCommands } from './front-door/json-commands';
import { sameOriginCommands } from './front-door/same-origin-commands';
import { signedInDocs } from './front-door/signed-in-docs';
import { Authenticator } from './identity/authenticator';
import { PeopleStore, PEOPLE_DATABASE_FILE } from './identity/people/people-store';
import { loadSecrets } from './identity/session/ledger-secrets';
import { firstAdministrator } from './identity/people/first-administrator';

export interface CreateAppOptions {
  config: ApiConfig;
  /** A raw store to use instead of the one the configuration names; the caller keeps ownership of it. */
  eventStore?: EventStore;
  clock?: Clock;
  /** Nest's logger. Left out, Nest logs through the JSON log; given (tests), the JSON log is off unless `log` is given too. */
  logger?: LoggerService | LogLevel[] | false;
  /** Where the JSON log (pino) goes, and at which level (default: stdout at LEDGER_LOG_LEVEL). */
  log?: { destination?: DestinationStream; level?: string };
}

/**
 * The API, initialised and ready to listen: used by main.ts and by the e2e tests, so that tests
 * run the real application. Closing it closes what it opened (the store it created, its own
 * SQLite file).
 */
export async function createApp(options: CreateAppOptions): Promise<INestApplication> {
  const { config } = options;
  fs.mkdirSync(config.dataDir, { recursive: true });
  const owned: { close(): Promise<void> | void }[] = [];
  try {
    const metrics = new LedgerMetrics();
    const jsonLog = createJsonLogger(options.log?.level ?? (options.logger !== undefined && options.log === undefined ? 'silent' : config.logLevel), options.log?.destination);
    const storeConfig = eventStoreConfigFromEnv(config.eventStoreEnv);
    // The projections run in a worker thread with their own connection to the configured store
    // (embedded or EventStoreDB), off the requests' event loop; told of each group commit here.
    const appended = new AppendSignal();
    const projectionThread = options.eventStore ? undefined : { env: config.eventStoreEnv, appended };
    const onGroupCommit = (appends: number) => {
      metrics.groupCommitted(appends);
      appended.notify();
    };
    const raw = options.eventStore ?? (await createEventStore(storeConfig, { onGroupCommit }));
    if (!options.eventStore) owned.push(raw);
    const eventStore = ledgerEventStore(raw);
    // The finding issuer too runs in a worker thread with its own connection, unless the caller
    // gave the store or the clock (tests), which cannot cross to another thread.
    const findingIssuerThread =
      options.eventStore || options.clock
        ? undefined
        : {
            env: config.eventStoreEnv,
            onAppended: () => {
              appended.notify();
              if (raw instanceof SqliteEventStore) raw.appendedElsewhere();
            },
          };
    // Raw: idempotency records are bookkeeping, outside the hash-chained ledger streams.
    const idempotency = new IdempotencyStore(raw, config.idempotencyTtlMs);
    const clock = options.clock ?? (() => new Date());
    const people = PeopleStore.open(path.join(config.dataDir, PEOPLE_DATABASE_FILE));
    owned.push(people);
    const secrets = loadSecrets(config.dataDir, config.secrets);

    const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot({ config, eventStore, rawEventStore: raw, clock, idempotency, people, secrets, owned, metrics, jsonLog, projectionThread, findingIssuerThread }), {
      bodyParser: false,
      logger: options.logger ?? new NestJsonLogger(jsonLog),
      abortOnError: false,
    });
    app.disable('x-powered-by');
    applyServerLimits(app.getHttpServer() as Server, config.server);
    app.use(requestLogging(jsonLog));
    if (config.trustProxy !== undefined) app.set('trust proxy', config.trustProxy);
    // Security headers on every response: pages, the API, static files and the OpenAPI UI alike.
    // The pages' forms carry their own CSRF tokens; API commands have none, so another site is refused by its headers.
    app.use(helmet());
    app.use('/api', sameOriginCommands(config.publicUrl));
    // The only ETags are stream revisions, set by the command and history answers themselves.
    app.set('etag', false);
    app.useBodyParser('json', { limit: config.bodyLimit });
    app.use(bodyParserProblems);
    app.use('/api', jsonCommands);
    app.use([`/${OPENAPI_UI_PATH}`, `/${OPENAPI_JSON_PATH}`, '/api/openapi.yaml'], signedInDocs(app.get(Authenticator)));
    setupOpenApi(app);
    await app.init();
    firstAdministrator(config, people, options.logger);
    return app;
  } catch (error) {
    for (const resource of owned) await resource.close();
    throw error;
  }
}
