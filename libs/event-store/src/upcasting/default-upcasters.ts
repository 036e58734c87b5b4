import { recommendationAcceptedV1ToV2 } from './recommendation-accepted.upcaster';
import { UpcasterRegistry } from './upcaster-registry';

/** Every schema change of the ledger's events. Add an upcaster here when an event's shape changes. */
export const DEFAULT_UPCASTERS = new UpcasterRegistry([recommendationAcceptedV1ToV2]);

/** The schemaVersion a writer stamps on a new event of this type. */
export function currentSchemaVersion(eventType: string): number {
  return DEFAULT_UPCASTERS.currentSchemaVersion(eventType);
}
