/**
 * Published response pages nest a few dozen elements deep. A page nested far deeper is refused
 * before it is parsed: building a tree 140,000 elements deep held the server for a minute, and
 * even htmlparser2's streaming parser is quadratic in the depth (it searches its open-element
 * stack at every tag), so the depth is measured here with one linear pass over the tags.
 */
export const MAX_HTML_NESTING = 1000;

/** Elements that never contain others, or whose end tag is usually left out: they do not deepen the count. */
const FLAT = new Set(
  'area base br col embed hr img input link meta param source track wbr keygen p li dt dd tr td th option optgroup tbody thead tfoot colgroup caption rb rt rp'.split(' '),
);
/** Elements whose content is text, skipped whole. */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp']);
const TAG = /<!--[\s\S]*?(?:-->|$)|<(\/?)([a-zA-Z][^\s/>]*)[^>]*?(\/?)>/g;

/** Whether elements in `html` nest deeper than `limit` (plain text nests nothing). */
export function htmlNestedDeeperThan(html: string, limit = MAX_HTML_NESTING): boolean {
  let depth = 0;
  TAG.lastIndex = 0;
  for (let match = TAG.exec(html); match !== null; match = TAG.exec(html)) {
    const [, closing, rawName, selfClosing] = match;
    if (rawName === undefined) continue;
    const name = rawName.toLowerCase();
    if (closing) {
      if (!FLAT.has(name) && depth > 0) depth -= 1;
    } else if (RAW_TEXT.has(name)) {
      const end = new RegExp(`</${name}`, 'gi');
      end.lastIndex = TAG.lastIndex;
      TAG.lastIndex = end.exec(html)?.index ?? html.length;
    } else if (!selfClosing && !FLAT.has(name)) {
      depth += 1;
      if (depth > limit) return true;
    }
  }
  return false;
}

export function tooDeepMessage(limit = MAX_HTML_NESTING): string {
  return `The page nests elements more than ${limit} deep, which no published page does: check that this is the right file`;
}
