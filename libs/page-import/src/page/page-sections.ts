import type { Block } from '../input/block';
import { textAsHtml } from '../input/html-to-blocks';
import type { FindingType } from '../parsed-page';
import { clean, fold } from '../text/fold';
import { findingTypeOfName, readFindingReference } from './finding-reference';
import { type HeaderField, readHeaderField } from './header-fields';

/** A block of the findings part, or a heading that opens a list of one finding type. */
export type FindingsEntry = { block: Block } | { heading: FindingType | null };

export interface PageSections {
  header: Partial<Record<Exclude<HeaderField, 'keyFindings'>, string>>;
  keyFindings: Block[] | null;
  findings: FindingsEntry[] | null;
  response: Block[] | null;
}

const FINDING_KIND = '(?:recommendations?|areas?\\s+for\\s+improvement|afis?|causes?\\s+of\\s+concern)';
const FINDINGS_HEADING = new RegExp(
  `^(?:(?:the\\s+)?(?:hmicfrs'?s?|report'?s?|inspectorate'?s?)\\s+)?(${FINDING_KIND})(?:\\s*\\([^)]*\\))?\\s*:?$`, 'i');
const MIXED_FINDINGS_HEADING = new RegExp(`^(?:findings|${FINDING_KIND}(?:,?\\s+(?:and\\s+)?${FINDING_KIND})+)\\s*:?$`, 'i');
const RESPONSE_WORDS = /\b(?:response|responses|comments?|statement|reply|action plan)\b/i;
/**
 * The heading of the part of a page the ledger publishes (the ledger's own table of decisions
 * and commitments) after the response: it repeats what the response says, so the importer reads
 * nothing from it on. The publisher prints this exact heading.
 */
export const PUBLISHED_LEDGER_SUMMARY_HEADING = 'Decisions and commitments recorded in the ledger';

function endsResponse(block: Block): boolean {
  return block.kind !== 'bullet' && clean(block.text).toLowerCase() === PUBLISHED_LEDGER_SUMMARY_HEADING.toLowerCase();
}

/** How a response usually opens when the page has no heading before it. */
const RESPONSE_OPENING =
  /^(?:as\s+(?:the\s+)?(?:police|pcc|pfcc|commissioner|chief)|i\s+welcome|the\s+chief\s+(?:constable|fire\s+officer|officer)\s+(?:stated|said|says|states|commented|responded))/i;

export function isHeadingLike(block: Block): boolean {
  if (block.kind === 'heading') return true;
  if (block.kind === 'bullet') return false;
  const text = clean(fold(block.text));
  if (text.length <= 200 && text.endsWith(':')) return true;
  return text.split(' ').length <= 10 && !/[.!?;,]["')\]]*$/.test(text);
}

function findingsHeading(block: Block): { type: FindingType | null } | null {
  if (block.kind === 'bullet') return null;
  const text = clean(fold(block.text));
  const match = FINDINGS_HEADING.exec(text);
  if (match) return { type: findingTypeOfName(match[1]) };
  return MIXED_FINDINGS_HEADING.test(text) ? { type: null } : null;
}

/**
 * "Date of response: 10/10/2024" is a header field, not the heading of the response; so is the
 * label alone when its value follows in the next block (a summary list's term and definition).
 */
function isResponseHeading(block: Block): boolean {
  const field = readHeaderField(block.text);
  if (field?.field === 'responseDate' && (field.value !== '' || block.kind !== 'heading')) return false;
  return isHeadingLike(block) && RESPONSE_WORDS.test(fold(block.text)) && readFindingReference(block.text) === null;
}

/**
 * Splits the page into its parts, in the order pages give them: a preamble and labelled header
 * fields, key findings, the findings, then the response. A response heading only counts once
 * the header or the findings have begun, so the site's own title ("HMICFRS Responses") is not
 * taken for it.
 */
export function splitPageSections(blocks: Block[], warnings: string[]): PageSections {
  const header: PageSections['header'] = {};
  let keyFindings: Block[] | null = null;
  let findings: FindingsEntry[] | null = null;
  let response: Block[] | null = null;
  let pendingField: Exclude<HeaderField, 'keyFindings'> | null = null;
  let inKeyFindings = false;

  for (const block of blocks) {
    if (response) {
      if (endsResponse(block)) break;
      response.push(block);
      continue;
    }
    const heading = findingsHeading(block);
    if (heading || readFindingReference(block.text)) {
      findings ??= [];
      findings.push(heading ? { heading: heading.type } : { block });
      continue;
    }
    const started = findings !== null || Object.keys(header).length > 0 || keyFindings !== null;
    if (started && isResponseHeading(block)) {
      response = [block];
      continue;
    }
    if (findings) {
      if (block.kind !== 'bullet' && RESPONSE_OPENING.test(fold(block.text))) {
        warnings.push(`No response heading was found; the response was taken to start at "${clean(block.text).slice(0, 60)}…".`);
        response = [block];
      } else {
        findings.push({ block });
      }
      continue;
    }
    const field = readHeaderField(block.text);
    if (field) {
      pendingField = null;
      inKeyFindings = field.field === 'keyFindings';
      if (field.field === 'keyFindings') keyFindings = field.value ? [{ ...block, text: field.value, html: textAsHtml(field.value) }] : [];
      else if (field.value) header[field.field] = field.value;
      else pendingField = field.field;
      continue;
    }
    if (pendingField) {
      header[pendingField] = block.text;
      pendingField = null;
    } else if (inKeyFindings) {
      keyFindings?.push(block);
    }
  }
  return { header, keyFindings, findings, response };
}
