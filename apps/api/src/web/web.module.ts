import { MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { PageImportModule } from '@ledger/application/import-page';
import { WebAssetsController } from './assets/web-assets.controller';
import { EvidenceController } from './evidence/evidence.controller';
import { EvidenceFiles } from './evidence/evidence-files';
import { ExportsPageController } from './exports/exports-page.controller';
import { HomeController } from './home/home.controller';
import { ImportPageController } from './import/import-page.controller';
import { CsrfProtection } from './layout/csrf';
import { applyPageAccess } from './page-access';
import { OidcSignInController } from './sign-in/oidc-sign-in.controller';
import { SignInController } from './sign-in/sign-in.controller';
import { PeopleController } from './people/people.controller';
import { ProjectionsPageController, SigningKeysPageController } from './administration/administration.controller';
import { AdministrationModule } from '../administration/administration.module';
import { READING_CONTROLLERS, READING_PROVIDERS } from './reading/reading-pages';
import { actingAsOnRoutesOf, RECORDING_CONTROLLERS, RECORDING_PROVIDERS } from './record/recording-pages';

applyPageAccess();

const CONTROLLERS = [HomeController, ImportPageController, WebAssetsController, ExportsPageController, EvidenceController, SignInController, OidcSignInController, PeopleController, ProjectionsPageController, SigningKeysPageController, ...READING_CONTROLLERS, ...RECORDING_CONTROLLERS];

/**
 * The server-rendered pages (GOV.UK Frontend, no client script needed) and their static files.
 * Relies on what AppModule provides globally: the application (LedgerApplicationModule) and the
 * identity guard that sets the principal. Page forms are HTML posts, so the pages read their own
 * bodies: the API's JSON-only rule must leave non-/api paths alone.
 */
@Module({
  imports: [PageImportModule, AdministrationModule],
  controllers: CONTROLLERS,
  providers: [CsrfProtection, EvidenceFiles, ...READING_PROVIDERS, ...RECORDING_PROVIDERS],
})
export class WebModule implements NestModule {
  /** Every page acts as the person chosen with the "Acting as" switcher (development mode): one layer, which finds the pages' routes itself. */
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(actingAsOnRoutesOf(CONTROLLERS)).forRoutes('/');
  }
}
