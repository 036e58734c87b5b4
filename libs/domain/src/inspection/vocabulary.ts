/** The design's list of inspection types. Stable strings: stored in events. */
export const INSPECTION_TYPES = [
  'peel',
  'national-thematic',
  'joint-criminal-justice',
  'custody',
  'child-protection',
  'super-complaint',
  'commissioned',
  'fire-and-rescue-assessment',
  'fire-thematic',
  'state-of-policing',
  'state-of-fire',
  'other',
] as const;
export type InspectionType = (typeof INSPECTION_TYPES)[number];

export const INSPECTION_SCOPES = ['force-specific', 'several-forces', 'all-forces', 'national'] as const;
export type InspectionScope = (typeof INSPECTION_SCOPES)[number];

/** Police reports are answered under the Police Act 1996 s.55; fire reports with an action plan. */
export const SERVICES = ['police', 'fire'] as const;
export type Service = (typeof SERVICES)[number];

export const FINDING_TYPES = ['recommendation', 'area-for-improvement', 'cause-of-concern'] as const;
export type FindingType = (typeof FINDING_TYPES)[number];

/**
 * The type a published page states in words ("National Thematic", "PEEL 2023–25") mapped onto the
 * design's list; anything unrecognised is `other`, and the words are kept as `typeAsWritten`.
 */
export function inspectionTypeFromText(asWritten: string): InspectionType {
  const words = ` ${asWritten.toLowerCase().replace(/[^a-z]+/g, ' ').trim()} `;
  const has = (phrase: string) => words.includes(` ${phrase} `);
  if (has('state of policing')) return 'state-of-policing';
  if (has('state of fire')) return 'state-of-fire';
  if (has('peel')) return 'peel';
  if (has('joint') && (has('criminal justice') || has('cjji'))) return 'joint-criminal-justice';
  if (has('super complaint')) return 'super-complaint';
  if (has('custody')) return 'custody';
  if (has('child protection')) return 'child-protection';
  if (has('fire') && has('thematic')) return 'fire-thematic';
  if (has('fire') && (has('assessment') || has('inspection'))) return 'fire-and-rescue-assessment';
  if (has('thematic')) return 'national-thematic';
  if (has('commissioned')) return 'commissioned';
  return 'other';
}
