import { fold } from '../text/fold';

export type HeaderField = 'title' | 'responseDate' | 'publishedOn' | 'type' | 'service' | 'keyFindings';

/** A label ends with a colon, a tab (a table cell boundary) or the end of its block. */
const AFTER_LABEL = '(?:[ \\t]*:[ \\t]*|[ ]*\\t[ \\t]*|[ \\t]*$)';

const LABEL_WORDINGS: Record<HeaderField, RegExp> = {
  title: /(?:inspection|report)\s+(?:title|name)|title(?:\s+of\s+(?:the\s+)?(?:inspection|report))?/,
  responseDate: /date\s+(?:of\s+(?:the\s+)?)?(?:response|reply)(?:\s+published)?|(?:response|reply)\s+(?:date|dated|published(?:\s+on)?)/,
  publishedOn: /date\s+(?:of\s+)?publi(?:shed|cation)|(?:publication|published)\s+date|(?:report\s+)?published(?:\s+on)?|date/,
  type: /type\s+of\s+(?:inspection|report)|(?:inspection|report)\s+type|type/,
  service: /service|police\s+or\s+fire/,
  keyFindings: /(?:key|main)\s+findings|summary(?:\s+of\s+(?:the\s+)?(?:key\s+)?findings)?/,
};

const LABELS = Object.entries(LABEL_WORDINGS).map(
  ([field, wording]) => [field as HeaderField, new RegExp(`^(?:${wording.source})${AFTER_LABEL}`, 'i')] as const,
);

/** Reads "Date Published:\t22/08/2024" as the field and the value written after the label. */
export function readHeaderField(text: string): { field: HeaderField; value: string } | null {
  const folded = fold(text);
  for (const [field, label] of LABELS) {
    const match = label.exec(folded);
    if (match) return { field, value: text.slice(match[0].length).trim() };
  }
  return null;
}
