import type { JsonObject } from '../event-store.port';
import type { Upcaster } from './upcaster-registry';

/**
 * RecommendationAccepted v1 called the promised completion date `targetDate`; v2 calls it
 * `plannedCompletionDate`, because `targetDate` is the separately set and revisable date of
 * RecommendationTargetDateSet, and one event carrying both meanings under one name misled readers.
 */
export const recommendationAcceptedV1ToV2: Upcaster = {
  eventType: 'RecommendationAccepted',
  fromVersion: 1,
  upcast(data: JsonObject): JsonObject {
    // The application stamped schemaVersion 1 on every event before versions were kept per type:
    // such a "1" may already carry the v2 name.
    if (!Object.hasOwn(data, 'targetDate')) return data;
    const { targetDate, ...rest } = data;
    return { ...rest, plannedCompletionDate: targetDate };
  },
};
