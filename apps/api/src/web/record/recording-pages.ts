import { ActingAsController } from './acting-as/acting-as.controller';
import { DevelopmentPeople } from './acting-as/development-people';
import { ChallengeRecordController } from './challenge/challenge-record.controller';
import { InspectionRecordController } from './inspection/inspection-record.controller';
import { RegistrationController } from './inspection/registration.controller';
import { PageCommands } from './forms/page-commands';
import { RecordingFlow } from './forms/recording-flow';
import { RecommendationRecordController } from './recommendation/recommendation-record.controller';

export { actingAsOnRoutesOf } from './acting-as/acting-as-on-pages';
export { challengeListBanner, challengeRecording, type ChallengeRecording } from './challenge/challenge-recording';
export { inspectionRecording } from './inspection/inspection-recording';
export { REGISTRATION_PATH } from './inspection/registration.controller';
export { recommendationRecording } from './recommendation/recommendation-recording';

/** The pages office staff and action owners record with (WebModule serves them). */
export const RECORDING_CONTROLLERS = [RecommendationRecordController, InspectionRecordController, RegistrationController, ChallengeRecordController, ActingAsController];

export const RECORDING_PROVIDERS = [PageCommands, RecordingFlow, DevelopmentPeople];
