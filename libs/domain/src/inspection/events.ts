import type { Finding } from './finding';
import type { InspectionDetails } from './inspection-details';

/** The application issues each finding into its own `recommendation-{findingId}` stream from this event. */
export interface InspectionRegistered extends InspectionDetails {
  type: 'InspectionRegistered';
  inspectionId: string;
  findings: Finding[];
}

/** `changes` holds the new values of the fields that changed, `previous` their values before. */
export interface InspectionDetailsAmended {
  type: 'InspectionDetailsAmended';
  inspectionId: string;
  changes: Partial<InspectionDetails>;
  previous: Partial<InspectionDetails>;
  reason: string;
}

/** The application issues the finding into its own stream from this event too. */
export interface FindingAdded {
  type: 'FindingAdded';
  inspectionId: string;
  finding: Finding;
  reason: string | null;
}

export type InspectionEvent = InspectionRegistered | InspectionDetailsAmended | FindingAdded;

const EVENT_TYPES: Record<InspectionEvent['type'], true> = { InspectionRegistered: true, InspectionDetailsAmended: true, FindingAdded: true };
export const INSPECTION_EVENT_TYPES = Object.keys(EVENT_TYPES) as InspectionEvent['type'][];
