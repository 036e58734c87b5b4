import { fold, clean } from '../text/fold';
import { datePhrases } from '../dates/date-phrases';
import type { FindingType, ParsedFinding } from '../parsed-page';
import { readFindingReference } from './finding-reference';
import { isHeadingLike, type FindingsEntry } from './page-sections';
import type { Block } from '../input/block';

interface Draft {
  reference: string | null;
  number: number;
  findingType: FindingType;
  paragraphs: string[];
  subItems: string[];
}

const PLURAL_NAMES: Record<FindingType, string> = {
  recommendation: 'recommendations',
  'area-for-improvement': 'areas for improvement',
  'cause-of-concern': 'causes of concern',
};

const SINGULAR_NAMES: Record<FindingType, string> = {
  recommendation: 'Recommendation',
  'area-for-improvement': 'Area for improvement',
  'cause-of-concern': 'Cause of concern',
};

/** The finding as a warning names it: its reference, or its type and number when it has none. */
export function describeFinding(finding: { reference: string | null; findingType: FindingType; number: number }): string {
  return finding.reference ?? `${SINGULAR_NAMES[finding.findingType]} ${finding.number}`;
}

function introducesList(draft: Draft): boolean {
  const last = draft.paragraphs[draft.paragraphs.length - 1];
  return last !== undefined && /:\s*$/.test(last);
}

/**
 * A heading among the findings ("Investigating crime") groups those after it: it ends the finding
 * before it and belongs to none. A line ending in a colon is not one: it introduces a list.
 */
function isGroupHeading(block: Block, text: string): boolean {
  return block.kind !== 'bullet' && isHeadingLike(block) && !text.endsWith(':');
}

/**
 * Prose about the findings in general ("the recommendations directed at chief fire officers are
 * set out below") introduces them; it is not a finding of its own, nor part of one.
 */
const ABOUT_FINDINGS_IN_GENERAL =
  /\b(?:the|these|those|all|its|our|following|\d+|[a-z]+teen|twenty|ten|few|several|some|further)\s+(?:[a-z-]+\s+)?(?:recommendations|areas\s+for\s+improvement|causes\s+of\s+concern)\b/i;

function isAboutFindingsInGeneral(text: string): boolean {
  return ABOUT_FINDINGS_IN_GENERAL.test(fold(text));
}

/** The inspectorate's due date: the first date phrase in the finding's own text. */
function dueDateOf(draft: Draft, text: string, warnings: string[]): { dueDate: string | null; immediate: boolean } {
  const phrase = datePhrases(fold(text)).find((found) => found.kind !== 'relative' && found.kind !== 'timescale');
  if (!phrase) return { dueDate: null, immediate: false };
  if (phrase.kind === 'exact') return { dueDate: phrase.date, immediate: false };
  if (phrase.kind === 'immediate') return { dueDate: null, immediate: true };
  const why = phrase.kind === 'impossible' ? 'is not a real date' : 'does not name a day';
  warnings.push(`${describeFinding(draft)}: the due date "${phrase.phrase.trim()}" ${why}; it was left empty.`);
  return { dueDate: null, immediate: false };
}

/**
 * Reads the findings part block by block. A reference ("REC 03 - …") starts a finding; bullets
 * after a sentence ending in a colon are its sub-items; other paragraphs continue its text. A
 * list under a heading ("Areas for improvement") whose items carry no reference is numbered by
 * position, with a warning, so that nothing on the page is silently dropped.
 */
export function readFindings(entries: FindingsEntry[], warnings: string[]): ParsedFinding[] {
  const drafts: Draft[] = [];
  let current: Draft | null = null;
  let sectionType: FindingType | null = null;
  const unreferenced = new Set<FindingType>();

  const startUnreferenced = (type: FindingType, text: string): Draft => {
    unreferenced.add(type);
    const number = drafts.filter((draft) => draft.findingType === type).length + 1;
    const draft: Draft = { reference: null, number, findingType: type, paragraphs: [text], subItems: [] };
    drafts.push(draft);
    return draft;
  };

  for (const entry of entries) {
    if ('heading' in entry) {
      sectionType = entry.heading;
      current = null;
      continue;
    }
    const { block } = entry;
    const text = clean(block.text);
    const reference = readFindingReference(text);
    if (!reference && isGroupHeading(block, text)) {
      current = null;
      continue;
    }
    if (!reference && block.kind !== 'bullet' && !(current && introducesList(current)) && isAboutFindingsInGeneral(text)) {
      warnings.push(`Text in the findings about the findings in general was not imported as a finding: "${text.slice(0, 60)}".`);
      current = null;
      continue;
    }
    if (reference) {
      current = {
        reference: reference.reference,
        number: reference.number,
        findingType: reference.findingType,
        paragraphs: reference.rest ? [reference.rest] : [],
        subItems: [],
      };
      drafts.push(current);
    } else if (current && current.paragraphs.length === 0) {
      current.paragraphs.push(text);
    } else if (block.kind === 'bullet') {
      if (current && introducesList(current)) current.subItems.push(text);
      else if (sectionType && (!current || current.reference === null)) current = startUnreferenced(sectionType, text);
      else if (current) current.subItems.push(text);
      else warnings.push(`A list item in the findings belongs to no finding and was not imported: "${text.slice(0, 60)}".`);
    } else if (current) {
      current.paragraphs.push(text);
    } else if (sectionType) {
      current = startUnreferenced(sectionType, text);
    } else {
      warnings.push(`Text in the findings belongs to no finding and was not imported: "${text.slice(0, 60)}".`);
    }
  }

  for (const type of unreferenced) {
    warnings.push(`Some ${PLURAL_NAMES[type]} have no reference on the page; they were numbered by their order on the page.`);
  }
  const seen = new Set<string>();
  for (const draft of drafts) {
    const key = `${draft.findingType} ${draft.number}`;
    if (seen.has(key)) warnings.push(`${describeFinding(draft)} appears more than once on the page.`);
    seen.add(key);
  }

  return drafts.map((draft) => {
    const text = draft.paragraphs.join('\n\n');
    if (!text) warnings.push(`${describeFinding(draft)} has no text.`);
    return {
      reference: draft.reference,
      number: draft.number,
      findingType: draft.findingType,
      text,
      subItems: draft.subItems,
      ...dueDateOf(draft, text, warnings),
    };
  });
}
