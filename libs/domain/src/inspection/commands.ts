import type { FindingInput } from './finding';
import type { InspectionDetails } from './inspection-details';
import type { InspectionScope, InspectionType, Service } from './vocabulary';

export interface RegisterInspection {
  type: 'RegisterInspection';
  inspectionId: string;
  title: string;
  hmicfrsReference?: string | null;
  inspectionType: InspectionType;
  typeAsWritten?: string | null;
  scope: InspectionScope;
  service: Service;
  publishedOn: string;
  reportUrl?: string | null;
  keyFindingsHtml?: string;
  findings: FindingInput[];
}

/** Only the fields present in `changes` are amended; null clears an optional field. */
export interface AmendInspectionDetails {
  type: 'AmendInspectionDetails';
  inspectionId: string;
  changes: Partial<InspectionDetails>;
  reason: string;
}

/** A finding recorded after registration. The reason is optional: it may be new, not a correction. */
export interface AddFinding {
  type: 'AddFinding';
  inspectionId: string;
  finding: FindingInput;
  reason?: string | null;
}

export type InspectionCommand = RegisterInspection | AmendInspectionDetails | AddFinding;
