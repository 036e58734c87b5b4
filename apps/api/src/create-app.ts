import { INestApplication, LoggerService, LogLevel, UnsupportedMediaTypeException } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import fs from 'node:fs';
import type { Clock } from '@ledger/application';
import { createEventStore, eventStoreConfigFromEnv, type EventStore } from '@ledger/event-store';
import { ledgerEventStore } from '@ledger/integrity';
import { AppModule } from './app.module';
import type { ApiConfig } from './config/api-config';
import { IdempotencyStore } from './idempotency/idempotency.store';
import { bodyParserProblems } from './problem/body-parser-problem';
import { setupOpenApi } from './openapi/setup-openapi';
import type { DestinationStream } from 'pino';
import { NestJsonLogger, createJsonLogger, requestLogging } from './observability/json-logger';
import { LedgerMetrics } from './observability/ledger-metrics';
import { applyServerLimits } from './server/server-limits';
import type { Server } from 'node:http';

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
    const raw = options.eventStore ?? (await createEventStore(eventStoreConfigFromEnv(config.eventStoreEnv), { onGroupCommit: (appends) => metrics.groupCommitted(appends) }));
    if (!options.eventStore) owned.push(raw);
    const eventStore = ledgerEventStore(raw);
    // Raw: idempotency records are bookkeeping, outside the hash-chained ledger streams.
    const idempotency = new IdempotencyStore(raw, config.idempotencyTtlMs);
    const clock = options.clock ?? (() => new Date());

    const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot({ config, eventStore, rawEventStore: raw, clock, idempotency, owned, metrics, jsonLog }), {
      bodyParser: false,
      logger: options.logger ?? new NestJsonLogger(jsonLog),
      abortOnError: false,
    });
    app.disable('x-powered-by');
    applyServerLimits(app.getHttpServer() as Server, config.server);
    app.use(requestLogging(jsonLog));
    // The only ETags are stream revisions, set by the command and history answers themselves.
    app.set('etag', false);
    app.useBodyParser('json', { limit: config.bodyLimit });
    app.use(bodyParserProblems);
    app.use('/api', requireJsonBody);
    setupOpenApi(app);
    await app.init();
    return app;
  } catch (error) {
    for (const resource of owned) await resource.close();
    throw error;
  }
}

/**
 * The API reads only JSON; a request with no body at all is an empty object. Other paths (the
 * server-rendered pages) read their own form bodies.
 */
function requireJsonBody(request: Request, _response: Response, next: NextFunction): void {
  if (request.body !== undefined) return next();
  const hasBody = request.headers['transfer-encoding'] !== undefined || (request.headers['content-length'] ?? '0') !== '0';
  if (hasBody) return next(new UnsupportedMediaTypeException('The body must be JSON, sent as Content-Type: application/json'));
  request.body = {};
  next();
}
