import type { Block } from '../input/block';
import type { FindingKey, ParsedFinding, ParsedResponse, RelativeDateAnchor } from '../parsed-page';
import { clean, fold } from '../text/fold';
import { readCommitment } from './commitment';
import { describeFinding } from './findings';
import { findingMentions } from './finding-mentions';
import { isHeadingLike } from './page-sections';

const CHIEF_OFFICER = '(?:the\\s+)?(?:temporary\\s+|acting\\s+|interim\\s+)?chief\\s+(?:constable|fire\\s+officer|officer|executive)';
/** Where the chief officer's words begin: "The Chief Constable stated, …" or a heading of their own. */
const CHIEF_OFFICER_OPENING = new RegExp(
  `^${CHIEF_OFFICER}(?:'s)?\\b.{0,60}?\\b(?:stated|said|says|states|commented|comments|responded|response|responds|adds|added|writes|wrote|statement|reply)\\b`, 'i');
const COMMISSIONER_HEADING = /\b(?:commissioner|pfcc|pcc|police and crime panel)(?:'s)?\b/i;

export interface ResponseParts {
  commissionerComments: string | null;
  chiefOfficerStatement: string | null;
  responses: ParsedResponse[];
  answeredFindings: FindingKey[][];
}

/**
 * Splits the response into the commissioner's comments and the chief officer's statement: the
 * commissioner speaks first, and the chief officer from the first paragraph or heading that
 * introduces them. Headings are not part of either text.
 */
function splitVoices(blocks: Block[], warnings: string[]): Pick<ResponseParts, 'commissionerComments' | 'chiefOfficerStatement'> {
  const voices = { commissioner: [] as string[], chief: [] as string[] };
  let voice: keyof typeof voices = 'commissioner';
  let chiefFound = false;
  for (const block of blocks) {
    const text = clean(block.text);
    const folded = fold(text);
    const heading = isHeadingLike(block);
    if (CHIEF_OFFICER_OPENING.test(folded) || (heading && new RegExp(`^${CHIEF_OFFICER}`, 'i').test(folded))) {
      voice = 'chief';
      chiefFound = true;
    } else if (heading && COMMISSIONER_HEADING.test(folded) && !/\bconstabulary\b|\bservice\b/i.test(folded)) {
      voice = 'commissioner';
    }
    if (!heading) voices[voice].push(text);
  }
  if (!chiefFound) warnings.push("The response has no recognisable chief officer's statement; all of it was taken as the commissioner's comments.");
  return {
    commissionerComments: voices.commissioner.length ? voices.commissioner.join('\n\n') : null,
    chiefOfficerStatement: voices.chief.length ? voices.chief.join('\n\n') : null,
  };
}

/** Reads the response part: who says what, and which paragraph answers which finding with what commitment. */
export function readResponse(
  blocks: Block[],
  findings: ParsedFinding[],
  anchor: RelativeDateAnchor | null,
  warnings: string[],
): ResponseParts {
  const responses: ParsedResponse[] = [];
  const answeredFindings: FindingKey[][] = [];
  // A heading that names a finding ("Recommendation 3") hands it to the paragraph under it.
  let fromHeading: FindingKey[] = [];
  for (const block of blocks) {
    const text = clean(block.text);
    const named = findingMentions(text);
    if (isHeadingLike(block)) {
      fromHeading = named;
      continue;
    }
    const keys = named.length > 0 ? named : fromHeading;
    fromHeading = [];
    if (keys.length === 0) continue;
    const answered = keys.map((key) => findings.find((f) => f.findingType === key.findingType && f.number === key.number));
    keys.forEach((key, i) => {
      if (!answered[i]) warnings.push(`A response paragraph names ${describeFinding({ ...key, reference: null }).toLowerCase()}, which is not among the findings.`);
    });
    const subject = answered.map((finding, i) => describeFinding(finding ?? { ...keys[i], reference: null })).join(' and ');
    const commitment = readCommitment(text, {
      subject,
      dueDates: answered.flatMap((finding) => (finding ? [finding.dueDate] : [])),
      anchor,
      warnings,
    });
    responses.push({ numbers: [...new Set(keys.map((key) => key.number))], text, ...commitment });
    answeredFindings.push(keys);
  }
  return { ...splitVoices(blocks, warnings), responses, answeredFindings };
}
