export { DEFAULT_UPCASTERS, currentSchemaVersion } from './default-upcasters';
export { recommendationAcceptedV1ToV2 } from './recommendation-accepted.upcaster';
export { type Upcaster, UpcasterRegistry, UpcastingError } from './upcaster-registry';
export { UpcastingEventStore } from './upcasting-event-store';
