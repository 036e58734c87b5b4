export type PageFormat = 'html' | 'text';

/**
 * A page is HTML when it is a document or starts with a tag. A text page may still carry some
 * markup (the sample's key findings are HTML inside a text page); that is read line by line.
 */
export function detectFormat(input: string): PageFormat {
  const start = input.replace(/^\uFEFF/, '').trimStart();
  if (/^<(?:!doctype|!--|[a-z][a-z0-9]*[\s>/])/i.test(start)) return 'html';
  return /<(?:!doctype\s+html|html|body)\b/i.test(input) ? 'html' : 'text';
}
