import { Inject, Injectable, Module, type DynamicModule, type MiddlewareConsumer, type NestModule, type OnApplicationShutdown } from '@nestjs/common';
import path from 'node:path';
import type { EventStore } from '@ledger/event-store';
import type { ApiConfig } from '../config/api-config';
import { CsrfProtection } from '../web/layout/csrf';
import { actingAsOnRoutesOf } from '../web/record/acting-as/acting-as-on-pages';
import { DevelopmentPeople } from '../web/record/acting-as/development-people';
import { CalendarController } from './calendar/calendar.controller';
import { FeedTokens } from './calendar/feed-tokens';
import { PublicRegisterReads } from './public-register-reads';
import { PublicRegisterSettingsController } from './public-register/public-register-settings.controller';
import { PublicRegisterController } from './public-register/public-register.controller';
import { PUBLISHING_SETTINGS, type PublishingSettings } from './publishing.settings';
import { ResponsePublishingController } from './response-publishing.controller';

export interface PublishingModuleOptions {
  config: ApiConfig;
  /** The ledger's store (upcast reads). */
  eventStore: EventStore;
  /** The log exactly as stored, for signed public exports. The caller keeps ownership of both. */
  rawEventStore: EventStore;
}

@Injectable()
class CloseFeedTokens implements OnApplicationShutdown {
  constructor(@Inject(FeedTokens) private readonly tokens: FeedTokens) {}

  onApplicationShutdown(): void {
    this.tokens.close();
  }
}

/**
 * What the ledger publishes (issue 14): the statutory response page, the public transparency
 * register with its Atom feed and signed public exports, and each person's calendar of deadlines.
 */
const CONTROLLERS = [ResponsePublishingController, PublicRegisterController, PublicRegisterSettingsController, CalendarController];

@Module({})
export class PublishingModule implements NestModule {
  static forRoot(options: PublishingModuleOptions): DynamicModule {
    const settings: PublishingSettings = {
      store: options.eventStore,
      rawStore: options.rawEventStore,
      publicExportsFolder: path.join(options.config.dataDir, 'public-exports'),
      keysFolder: path.join(options.config.dataDir, 'keys'),
      publicUrl: options.config.publicUrl.replace(/\/+$/, ''),
    };
    return {
      module: PublishingModule,
      controllers: CONTROLLERS,
      providers: [
        { provide: PUBLISHING_SETTINGS, useValue: settings },
        PublicRegisterReads,
        { provide: FeedTokens, useFactory: () => new FeedTokens(options.config.dataDir) },
        CloseFeedTokens,
        CsrfProtection,
        DevelopmentPeople,
      ],
    };
  }

  /** Its pages, like the others, know who acts: for the forms they show and the development banner. */
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(actingAsOnRoutesOf(CONTROLLERS)).forRoutes('/');
  }
}
