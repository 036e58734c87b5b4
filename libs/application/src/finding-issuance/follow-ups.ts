import type {
  Finding,
  InspectionEvent,
  InspectionState,
  OpenStatutoryResponse,
  RecommendationCommandOf,
  ReviseStatutoryTimetable,
  Service,
} from '@ledger/domain';
import type { LedgerPolicies } from '../tokens';

/** A command that an inspection event calls for in another aggregate's stream. */
export type FollowUp =
  | { aggregate: 'recommendation'; command: RecommendationCommandOf<'IssueFinding'> }
  | { aggregate: 'statutory-response'; command: OpenStatutoryResponse | ReviseStatutoryTimetable };

/**
 * Registering an inspection issues each finding into its own stream and opens the statutory
 * response; adding a finding issues it; amending the service or the publication date revises the
 * response's timetable. `inspection` is the inspection as it stood just after the event, needed
 * only for a revision (an amendment carries only what changed).
 */
export function followUpsOf(event: InspectionEvent, inspection: InspectionState | undefined, policies: LedgerPolicies): FollowUp[] {
  switch (event.type) {
    case 'InspectionRegistered':
      return [
        ...event.findings.map((finding) => issue(event.inspectionId, finding)),
        {
          aggregate: 'statutory-response',
          command: { type: 'OpenStatutoryResponse', inspectionId: event.inspectionId, ...timetable(event.service, event.publishedOn, policies) },
        },
      ];
    case 'FindingAdded':
      return [issue(event.inspectionId, event.finding)];
    case 'InspectionDetailsAmended': {
      if (!changesTimetable(event)) return [];
      if (!inspection?.registered) throw new Error(`Revising the timetable of ${event.inspectionId} needs the inspection as amended`);
      const { service, publishedOn } = inspection.details;
      return [
        {
          aggregate: 'statutory-response',
          command: { type: 'ReviseStatutoryTimetable', inspectionId: event.inspectionId, ...timetable(service, publishedOn, policies), reason: event.reason },
        },
      ];
    }
  }
}

export function changesTimetable(event: InspectionEvent): boolean {
  return event.type === 'InspectionDetailsAmended' && ('service' in event.changes || 'publishedOn' in event.changes);
}

function issue(inspectionId: string, finding: Finding): FollowUp {
  const { findingId, reference, number, findingType, text, subItems, addressees, dueDate, immediate } = finding;
  return {
    aggregate: 'recommendation',
    command: { type: 'IssueFinding', recommendationId: findingId, inspectionId, reference, number, findingType, text, subItems, addressees, dueDate, immediate },
  };
}

/** The police period is the law's (the domain knows it); a fire report's is the office's policy. */
function timetable(service: Service, reportPublishedOn: string, policies: LedgerPolicies) {
  return service === 'fire'
    ? { service, reportPublishedOn, responsePeriodDays: policies.statutory.fireResponseDays }
    : { service, reportPublishedOn };
}
