import { Module } from '@nestjs/common';
import { PageImportRecorder } from './page-import-recorder';

/**
 * The recording of imported pages, shared by the CLI and the web pages. It sends its commands
 * through the application, so LedgerApplicationModule.forRoot must be imported alongside it.
 */
@Module({
  providers: [PageImportRecorder],
  exports: [PageImportRecorder],
})
export class PageImportModule {}
