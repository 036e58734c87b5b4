import { DomUtils, parseDocument } from 'htmlparser2';

type Node = ReturnType<typeof parseDocument>['children'][number];
type Element = Parameters<typeof DomUtils.getAttributeValue>[0];

/** A page's HTML read the way a test asks about it: by id, by table caption, as text. */
export class HtmlPage {
  private readonly nodes: Node[];

  constructor(readonly html: string) {
    // A line break separates words as a space does.
    this.nodes = parseDocument(html.replace(/<br>/g, ' <br>')).children;
  }

  /** Text as a reader sees it: markup gone, entities decoded, white space collapsed. */
  static text(node: Node | Node[]): string {
    return DomUtils.textContent(node).replace(/\s+/g, ' ').trim();
  }

  text(): string {
    return HtmlPage.text(this.main());
  }

  main(): Element {
    return this.one((element) => element.name === 'main');
  }

  byId(id: string): Element {
    const element = DomUtils.getElementById(id, this.nodes);
    if (!element) throw new Error(`No element with id "${id}"`);
    return element;
  }

  all(test: (element: Element) => boolean, within: Node[] = this.nodes): Element[] {
    return DomUtils.findAll(test, within);
  }

  one(test: (element: Element) => boolean): Element {
    const found = DomUtils.findOne(test, this.nodes);
    if (!found) throw new Error('No such element');
    return found;
  }

  /** The text of each cell, row by row, of the table whose caption contains `caption`. */
  table(caption: string): { headers: string[]; rows: string[][] } {
    const table = this.all((element) => element.name === 'table').find((candidate) =>
      this.all((element) => element.name === 'caption', candidate.children).some((c) => HtmlPage.text(c).includes(caption)),
    );
    if (!table) throw new Error(`No table captioned "${caption}"`);
    const rows = this.all((element) => element.name === 'tr', table.children).map((row) => this.all((cell) => cell.name === 'th' || cell.name === 'td', row.children).map((cell) => HtmlPage.text(cell)));
    return { headers: rows[0], rows: rows.slice(1) };
  }

  /** The text of each summary list row, as key -> value. */
  summary(): Record<string, string> {
    const rows = this.all((element) => element.attribs.class?.split(' ').includes('govuk-summary-list__row'));
    return Object.fromEntries(rows.map((row) => [HtmlPage.text(this.all((e) => e.name === 'dt', row.children)), HtmlPage.text(this.all((e) => e.name === 'dd', row.children))]));
  }

  errorSummary(): { href: string; text: string }[] {
    const list = this.all((element) => element.attribs.class?.includes('govuk-error-summary__list') === true)[0];
    if (!list) return [];
    return this.all((element) => element.name === 'a', list.children).map((link) => ({ href: link.attribs.href, text: HtmlPage.text(link) }));
  }

  /** The text of each element with this class. */
  textsOf(className: string): string[] {
    return this.all((element) => element.attribs.class?.split(/\s+/).includes(className) === true).map((element) => HtmlPage.text(element));
  }

  /** Where an error summary links for a field: its input, or the day box of a GOV.UK date input. */
  inputOf(id: string): string {
    return DomUtils.getElementById(`${id}-day`, this.nodes) ? `${id}-day` : id;
  }

  /** The classes of the element with this id. */
  classesOf(id: string): string[] {
    return (this.byId(id).attribs.class ?? '').split(/\s+/).filter(Boolean);
  }

  headingLevels(): number[] {
    return this.all((element) => /^h[1-6]$/.test(element.name)).map((heading) => Number(heading.name.slice(1)));
  }

  title(): string {
    return HtmlPage.text(this.one((element) => element.name === 'title'));
  }
}
