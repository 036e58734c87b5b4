import sanitizeHtml from 'sanitize-html';
import type { Block } from '../input/block';

const SAFE: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'ul', 'ol', 'li', 'strong', 'em', 'a'],
  allowedAttributes: { a: ['href'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowProtocolRelative: false,
  transformTags: { b: 'strong', i: 'em' },
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'title'],
};

/** The key findings as sanitised HTML; consecutive list items are kept together in one list. */
export function keyFindingsHtml(blocks: Block[]): string | null {
  const parts: string[] = [];
  let inList = false;
  for (const block of blocks) {
    const isItem = /^<li[\s>]/i.test(block.html);
    if (isItem !== inList) parts.push(isItem ? '<ul>' : '</ul>');
    inList = isItem;
    parts.push(block.html);
  }
  if (inList) parts.push('</ul>');
  const html = sanitizeHtml(parts.join('\n'), SAFE).trim();
  return html === '' ? null : html;
}
