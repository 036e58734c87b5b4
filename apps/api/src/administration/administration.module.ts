import { Module } from '@nestjs/common';
import { AdministrationController } from './administration.controller';
import { ProjectionAdministration } from './projection-administration';

/** The administrator's API; the web pages (web/administration) use the same service. */
@Module({
  controllers: [AdministrationController],
  providers: [ProjectionAdministration],
  exports: [ProjectionAdministration],
})
export class AdministrationModule {}
