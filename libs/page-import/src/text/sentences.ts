import { fold } from './fold';

/** Words whose trailing full stop does not end a sentence ("No. 3", "Det. Supt."). */
const ABBREVIATIONS = new Set([
  'no', 'nos', 'mr', 'mrs', 'ms', 'dr', 'st', 'vs', 'approx', 'co', 'ltd', 'inc', 'supt', 'insp', 'sgt',
  'det', 'ch', 'cllr', 'dept', 'govt', 'e.g', 'i.e', 'etc', 'para', 'sec', 'ref',
]);

/** Splits a paragraph into sentences, returned verbatim (original punctuation kept). */
export function sentences(paragraph: string): string[] {
  const folded = fold(paragraph);
  const boundary = /[.!?]["')\]]*\s+(?=["'(]?[A-Z0-9])/g;
  const result: string[] = [];
  let start = 0;
  for (let match = boundary.exec(folded); match; match = boundary.exec(folded)) {
    const before = folded.slice(start, match.index).match(/([A-Za-z.]+)$/);
    if (before && ABBREVIATIONS.has(before[1].toLowerCase())) continue;
    const end = match.index + match[0].trimEnd().length;
    result.push(paragraph.slice(start, end).trim());
    start = match.index + match[0].length;
  }
  const rest = paragraph.slice(start).trim();
  if (rest) result.push(rest);
  return result;
}
