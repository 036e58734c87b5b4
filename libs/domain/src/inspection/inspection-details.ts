import type { InspectionScope, InspectionType, Service } from './vocabulary';

/** What is recorded about an inspection report apart from its findings; all of it may be amended. */
export interface InspectionDetails {
  title: string;
  hmicfrsReference: string | null;
  inspectionType: InspectionType;
  /** The type in the page's own words ("National Thematic"), kept verbatim. */
  typeAsWritten: string | null;
  scope: InspectionScope;
  service: Service;
  /** Europe/London calendar date, YYYY-MM-DD: day 1 of the statutory period. */
  publishedOn: string;
  reportUrl: string | null;
  /** Sanitised by the caller before it reaches the domain; kept exactly as given. */
  keyFindingsHtml: string;
}

export const INSPECTION_DETAIL_FIELDS = [
  'title',
  'hmicfrsReference',
  'inspectionType',
  'typeAsWritten',
  'scope',
  'service',
  'publishedOn',
  'reportUrl',
  'keyFindingsHtml',
] as const satisfies readonly (keyof InspectionDetails)[];
