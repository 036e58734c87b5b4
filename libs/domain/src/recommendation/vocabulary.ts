/** The closed word lists that recommendation commands choose from (finding types are the inspection's). */

/** An action owner's own red/amber/green assessment, recorded with progress (not the derived RAG). */
export const SELF_ASSESSED_RAGS = ['red', 'amber', 'green'] as const;
export type SelfAssessedRag = (typeof SELF_ASSESSED_RAGS)[number];

/**
 * Government Security Classifications of the document an evidence reference points at. The
 * ledger stores the reference and hash only, so the marking tells a reader how to request it.
 */
export const EVIDENCE_CLASSIFICATIONS = ['OFFICIAL', 'OFFICIAL-SENSITIVE', 'SECRET', 'TOP SECRET'] as const;
export type EvidenceClassification = (typeof EVIDENCE_CLASSIFICATIONS)[number];

/** The inspectorate's own status words mapped onto a fixed list, so they can be counted and compared. */
export const INSPECTORATE_MAPPED_STATUSES = ['open', 'in-progress', 'completed', 'closed', 'discharged', 'superseded', 'unknown'] as const;
export type InspectorateMappedStatus = (typeof INSPECTORATE_MAPPED_STATUSES)[number];

/** How the inspectorate ended a finding: causes of concern are discharged, other findings closed. */
export const INSPECTORATE_CLOSURE_OUTCOMES = ['closed', 'discharged'] as const;
export type InspectorateClosureOutcome = (typeof INSPECTORATE_CLOSURE_OUTCOMES)[number];
