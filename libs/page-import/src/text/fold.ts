/**
 * Pages mix straight and typographic punctuation. Matching runs on a folded copy in which each
 * curly quote, dash variant and no-break space is replaced by its plain ASCII form. Every
 * replacement is one UTF-16 unit for one, so an index found in the folded copy is also the index
 * in the original, and text can be returned exactly as published.
 */
const FOLDS: ReadonlyArray<[RegExp, string]> = [
  [/[\u2018\u2019\u201A\u201B\u2032]/g, "'"],
  [/[\u201C\u201D\u201E\u201F\u2033]/g, '"'],
  [/[\u2010\u2011\u2012\u2013\u2014\u2015\u2212]/g, '-'],
  [/[\u00A0\u2007\u202F]/g, ' '],
];

export function fold(text: string): string {
  return FOLDS.reduce((folded, [pattern, plain]) => folded.replace(pattern, plain), text);
}

/** Collapses whitespace (tabs and line breaks included) to single spaces and trims. */
export function clean(text: string): string {
  return text.replace(/[\s\u00A0]+/g, ' ').trim();
}
