/**
 * What the parser reads from a published inspection and response page. The top-level fields
 * (`inspection`, `findings`, `responses`, `unaddressed`, `warnings`) are exactly the dry-run
 * JSON of `ledger import-page --dry-run --json`; everything else the importer needs is in `page`.
 */
export type Service = 'police' | 'fire';
export type FindingType = 'recommendation' | 'area-for-improvement' | 'cause-of-concern';

export interface ParsedInspection {
  title: string | null;
  /** YYYY-MM-DD; null (with a warning) when the page gives no readable publication date. */
  publishedOn: string | null;
  /** As written on the page ("National Thematic"). */
  type: string | null;
  service: Service;
  /** Police Act 1996 s.55: publication day is day 1, so publishedOn + 55 days. Null for fire. */
  statutoryDeadline: string | null;
}

export interface ParsedFinding {
  /** As written ("REC 03"); null when the page lists the finding without a reference. */
  reference: string | null;
  number: number;
  findingType: FindingType;
  text: string;
  subItems: string[];
  dueDate: string | null;
  immediate: boolean;
}

export interface ParsedResponse {
  /** The numbers of the findings this paragraph answers, in the order it names them. */
  numbers: number[];
  /** The paragraph as published. */
  text: string;
  /** The sentence that says what will be done; null when no sentence does. */
  commitment: string | null;
  commitmentDate: string | null;
  /** The date was computed (from a relative phrase or the recommendation's own due date), not read. */
  dateIsDerived: boolean;
  /** A date is stated but does not name a day ("by Spring 2025"); it is left for a person to set. */
  ambiguousDate: boolean;
}

export interface DryRunJson {
  inspection: ParsedInspection;
  findings: ParsedFinding[];
  responses: ParsedResponse[];
  /** Numbers of the recommendations and causes of concern that no response paragraph answers. */
  unaddressed: number[];
  warnings: string[];
}

export interface FindingKey {
  findingType: FindingType;
  number: number;
}

/** The date relative commitments ("within one month") are counted from, and why that one. */
export interface RelativeDateAnchor {
  date: string;
  basis: 'response-date' | 'statutory-deadline' | 'publication-date';
}

export interface PageDetails {
  format: 'html' | 'text';
  /** Sanitised: only p, ul, ol, li, strong, em and a[href] are kept. */
  keyFindingsHtml: string | null;
  /** The commissioner's comments, paragraphs separated by a blank line. */
  commissionerComments: string | null;
  /** The chief officer's statement (including the paragraphs that answer each recommendation). */
  chiefOfficerStatement: string | null;
  relativeDateAnchor: RelativeDateAnchor | null;
  /** The date the page gives its response ("Date of response: 10/10/2024"), when it gives one. */
  responseDate: string | null;
  /** For responses[i], the findings it answers with their types (numbers alone can repeat across types). */
  answeredFindings: FindingKey[][];
}

export interface ParsedPage extends DryRunJson {
  page: PageDetails;
}

export interface ParseOptions {
  /** Auto-detected when absent. */
  format?: 'html' | 'text';
  /** YYYY-MM-DD the response was made, when known: relative commitments are counted from it. */
  responseDate?: string;
}
