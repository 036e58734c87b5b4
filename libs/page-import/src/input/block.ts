/**
 * One block of a page (a paragraph, heading, list item or table row) whatever the input format.
 * `text` is the visible text with entities decoded: runs of spaces collapsed, but a tab (or a
 * table cell boundary) kept as `\t` because it separates a label from its value. `html` is the
 * block's markup, for the parts of the page that are kept as HTML (key findings).
 */
export interface Block {
  text: string;
  html: string;
  kind: 'heading' | 'bullet' | 'paragraph';
}
