import { ActingAsController } from './acting-as/acting-as.controller';
import { DevelopmentPeople } from './acting-as/development-people';
import { RegistrationController } from './inspection/registration.controller';
import { StatutoryRecordController } from './inspection/statutory-record.controller';
import { PageCommands } from './forms/page-commands';
import { RecommendationRecordController } from './recommendation/recommendation-record.controller';

export { ActingAsMiddleware } from './acting-as/acting-as.middleware';
export { DevelopmentPeople } from './acting-as/development-people';
export { inspectionRecording } from './inspection/inspection-recording';
export { recommendationRecording } from './recommendation/recommendation-recording';

/** The pages office staff and action owners record with (WebModule serves them). */
export const RECORDING_CONTROLLERS = [RecommendationRecordController, StatutoryRecordController, RegistrationController, ActingAsController];

export const RECORDING_PROVIDERS = [PageCommands, DevelopmentPeople];
