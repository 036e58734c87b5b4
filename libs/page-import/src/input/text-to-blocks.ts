import { decodeHTML, escapeText } from 'entities';
import { fold } from '../text/fold';
import type { Block } from './block';
import { htmlToBlocks, textAsHtml } from './html-to-blocks';

/** -, *, •, en/em dash (folded to -), other bullet glyphs, 1. 1) (1) a) (a) ii. (iv) */
const BULLET = /^(?:[-*\u2022\u00B7\u25AA\u25E6\u2023\u25CF\u25CB\u25A0\u25A1\u27A2\u25BA\u2043]|\d{1,2}[.)]|\(\d{1,2}\)|\(?[a-z][.)]|\([ivx]{1,4}\)|[ivx]{1,4}[.)])\s+/;
const MARKDOWN_HEADING = /^#{1,6}\s+/;
const MARKUP = /<\/?(?:p|div|span|ul|ol|li|h[1-6]|br|table|tbody|tr|td|th|section|article|blockquote|strong|em|b|i|u|a)\b[^>]*>/i;

/**
 * Splits a plain-text page into blocks, one per non-empty line (published pages put each
 * paragraph on its own line). A line carrying markup, as the sample's key findings do, is read
 * as HTML.
 */
export function textToBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  for (const rawLine of text.split('\n')) {
    if (MARKUP.test(rawLine)) {
      blocks.push(...htmlToBlocks(rawLine));
      continue;
    }
    const line = decodeHTML(rawLine).replace(/[^\S\t]+/g, ' ').replace(/ ?\t[\t ]*/g, '\t').trim();
    if (!line) continue;
    const bullet = BULLET.exec(fold(line));
    const heading = MARKDOWN_HEADING.exec(line);
    if (bullet) {
      const item = line.slice(bullet[0].length).trim();
      if (item) blocks.push({ text: item, html: `<li>${escapeText(item)}</li>`, kind: 'bullet' });
    } else if (heading) {
      blocks.push({ text: line.slice(heading[0].length), html: textAsHtml(line.slice(heading[0].length)), kind: 'heading' });
    } else {
      blocks.push({ text: line, html: textAsHtml(line), kind: 'paragraph' });
    }
  }
  return blocks;
}
