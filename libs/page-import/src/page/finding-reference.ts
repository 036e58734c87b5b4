import type { FindingType } from '../parsed-page';
import { fold } from '../text/fold';

const REFERENCE =
  /^((rec(?:ommendation)?|afi|areas?\s+for\s+improvement|causes?\s+of\s+concern|coc)\.?\s*(?:no\.?\s*|number\s+)?(\d{1,3}))(?!\d)(?:\s*[-:.)]\s*|\s+|$)/i;

export interface FindingReference {
  /** The reference exactly as the page writes it ("REC 03", "Recommendation 3", "AFI 2"). */
  reference: string;
  number: number;
  findingType: FindingType;
  /** The text that follows the reference in the same block. */
  rest: string;
}

export function findingTypeOfName(name: string): FindingType {
  const lower = name.toLowerCase();
  if (lower.startsWith('rec')) return 'recommendation';
  if (lower.startsWith('afi') || lower.startsWith('area')) return 'area-for-improvement';
  return 'cause-of-concern';
}

/** Reads a block that starts a finding: `REC 03 - …`, `REC 3: …`, `Recommendation 3: …`, `AFI 2 …`. */
export function readFindingReference(text: string): FindingReference | null {
  const match = REFERENCE.exec(fold(text));
  if (!match) return null;
  return {
    reference: text.slice(0, match[1].length),
    number: Number.parseInt(match[3], 10),
    findingType: findingTypeOfName(match[2]),
    rest: text.slice(match[0].length).trim(),
  };
}
