import { DomUtils, parseDocument } from 'htmlparser2';
import { escapeText } from 'entities';
import { clean } from '../text/fold';
import type { Block } from './block';

type DomNode = ReturnType<typeof parseDocument>['children'][number];
type DomElement = Parameters<typeof DomUtils.getAttributeValue>[0];

/** Site furniture and non-content: nothing in them belongs to the inspection or the response. */
const SKIPPED = new Set(['head', 'script', 'style', 'noscript', 'template', 'nav', 'footer', 'svg', 'form', 'button', 'iframe']);
const BLOCKS = new Set(['p', 'div', 'section', 'article', 'main', 'aside', 'header', 'body', 'html', 'li', 'ul', 'ol', 'dl',
  'dt', 'dd', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'blockquote', 'pre',
  'figure', 'figcaption', 'address', 'fieldset', 'details', 'summary', 'hr', 'caption', 'td', 'th']);

function isElement(node: DomNode): node is DomElement {
  return DomUtils.isTag(node);
}

function hasBlockInside(element: DomElement): boolean {
  return DomUtils.findOne((inner) => BLOCKS.has(inner.name) || inner.name === 'br', element.children, true) !== null;
}

function kindOf(name: string): Block['kind'] | null {
  if (/^h[1-6]$/.test(name)) return 'heading';
  if (name === 'li') return 'bullet';
  return null;
}

function visibleText(nodes: DomNode[]): string {
  return clean(DomUtils.textContent(nodes));
}

function outerHtml(nodes: DomNode[]): string {
  return nodes.map((node) => DomUtils.getOuterHTML(node, { encodeEntities: 'utf8' })).join('');
}

/** Splits an HTML document or fragment into blocks in reading order. */
export function htmlToBlocks(html: string): Block[] {
  const blocks: Block[] = [];
  let inline: DomNode[] = [];
  const kinds: Array<Block['kind']> = ['paragraph'];

  const emit = (text: string, markup: string) => {
    if (text) blocks.push({ text, html: markup, kind: kinds[kinds.length - 1] });
  };
  const flush = () => {
    if (inline.length === 0) return;
    const text = visibleText(inline);
    const markup = outerHtml(inline);
    emit(text, kinds[kinds.length - 1] === 'paragraph' ? `<p>${markup}</p>` : markup);
    inline = [];
  };

  const walk = (node: DomNode): void => {
    if (!isElement(node)) {
      if (node.type === 'text') inline.push(node);
      return;
    }
    const name = node.name.toLowerCase();
    if (SKIPPED.has(name)) return;
    if (name === 'br') return flush();
    if (!BLOCKS.has(name)) {
      if (hasBlockInside(node)) node.children.forEach(walk);
      else inline.push(node);
      return;
    }
    flush();
    kinds.push(kindOf(name) ?? kinds[kinds.length - 1]);
    if (name === 'tr' && !node.children.some((cell) => isElement(cell) && hasBlockInside(cell))) {
      // A row of plain cells is one block with its cells tab-separated, so "Date published | 22/08/2024" reads as label and value.
      const cells = node.children.filter(isElement).map((cell) => visibleText([cell])).filter(Boolean);
      emit(cells.join('\t'), outerHtml([node]));
    } else if (!hasBlockInside(node)) {
      emit(visibleText([node]), outerHtml([node]));
    } else {
      node.children.forEach(walk);
      flush();
    }
    kinds.pop();
  };

  parseDocument(html).children.forEach(walk);
  flush();
  return blocks;
}

/** A line of plain text as markup, for pages that give key findings as text. */
export function textAsHtml(text: string): string {
  return `<p>${escapeText(text)}</p>`;
}
