/**
 * Text with a little structure, as the view models give it and `components/ledger.njk` renders
 * it (escaped): a tag, a link, a date, lines. View models say what a cell or a summary value
 * holds; templates decide its markup.
 */
export type Colour = 'grey' | 'blue' | 'light-blue' | 'turquoise' | 'green' | 'yellow' | 'orange' | 'red' | 'pink' | 'purple';

export interface Tag {
  text: string;
  colour: Colour;
}

export interface Link {
  href: string;
  text: string;
  /** Read out after the text, not shown ("Change<span> who you are acting as</span>"). */
  hidden?: string;
  /** Small print, or no visited state. */
  classes?: string;
  rel?: string;
}

export type Inline =
  | string
  | number
  | null
  | undefined
  | false
  | { tag: Tag }
  | { link: Link }
  | { time: { datetime: string; text: string } }
  /** One after the other, with a line break between. */
  | { lines: readonly Inline[] }
  /** One after the other. */
  | { join: readonly Inline[] }
  | { small: Inline }
  | { hint: Inline }
  | { strong: Inline }
  | { code: string }
  | { list: readonly Inline[] }
  /** A block of its own, with an id to link to. */
  | { block: Inline; id?: string; classes?: string };

export const tag = (text: string, colour: Colour): Inline => ({ tag: { text, colour } });
export const link = (href: string, text: string, more: Omit<Link, 'href' | 'text'> = {}): Inline => ({ link: { href, text, ...more } });
export const lines = (...parts: readonly Inline[]): Inline => ({ lines: parts.filter((part) => part !== false && part !== null && part !== undefined && part !== '') });
export const join = (...parts: readonly Inline[]): Inline => ({ join: parts });
export const small = (inner: Inline): Inline => ({ small: inner });
export const hint = (inner: Inline): Inline => ({ hint: inner });
export const strong = (inner: Inline): Inline => ({ strong: inner });

/** A table column: its heading, and how its cells are set. */
export interface Column {
  text: string;
  numeric?: boolean;
  /** Dates and references: never broken across lines. */
  nowrap?: boolean;
  width?: 'one-quarter' | 'one-third' | 'one-half';
}

/** A table as `ledgerTable` renders it: GOV.UK's table, inside a region that scrolls on a narrow screen. */
export interface Table {
  caption: Inline;
  /** The caption as plain text: the name of the scrolling region. */
  label: string;
  captionSize?: 's' | 'm';
  columns: readonly Column[];
  rows: readonly (readonly Inline[])[];
  /** The first cell of each row names the row. */
  rowHeaders?: boolean;
  id?: string;
}

/** A summary list row; rows that are false are left out. */
export interface SummaryRow {
  key: string;
  value: Inline;
}

export type SummaryRows = readonly (SummaryRow | false)[];

export const row = (key: string, value: Inline): SummaryRow => ({ key, value });

/** A paragraph of body text, small or not. */
export interface Paragraph {
  p: Inline;
  small?: boolean;
}

/** What a page says before a form: paragraphs, inset text, a warning. `prose(blocks)` renders it. */
export type ProseBlock = Paragraph | { inset: readonly Paragraph[]; id?: string } | { warning: string };
export type Prose = readonly ProseBlock[];

export const para = (...parts: readonly Inline[]): Paragraph => ({ p: parts.length === 1 ? parts[0] : { join: parts } });
export const smallPara = (...parts: readonly Inline[]): Paragraph => ({ ...para(...parts), small: true });
