import fs from 'node:fs';
import path from 'node:path';
import { htmlToBlocks } from '@ledger/page-import/input/html-to-blocks';
import { govukStylesheet } from '../web/assets/web-assets.controller';
import { renderPage } from '../web/layout/render';
import type { ResponseDocument } from './response-document';
import { type ProvenanceFacts, type ResponseView, responseView } from './response-view';

/** The pages' own rules (wide tables scroll in their region; print), beside GOV.UK Frontend's. */
const READING_CSS_FILE = path.join(__dirname, '..', 'web', 'reading', 'reading.css');
const SERVED_STYLESHEETS = ['/govuk/govuk-frontend.min.css', '/ledger/reading.css'];

export interface ResponseRendering {
  /** `inline`: the stylesheets inside the page, so that the downloaded file stands alone and prints as shown; `served`: linked from this server. */
  stylesheet: 'inline' | 'served';
  provenance: ProvenanceFacts | null;
}

/** The published page as accessible, printable HTML, GOV.UK-styled with Frontend's own macros. */
export function responseHtml(document: ResponseDocument, rendering: ResponseRendering): string {
  const doc = responseView(document, rendering.provenance);
  return renderPage('publish/response-page.njk', {
    title: `${doc.caption}: ${doc.title}`,
    doc,
    inlineCss: rendering.stylesheet === 'inline' ? `${govukStylesheet()}\n${fs.readFileSync(READING_CSS_FILE, 'utf8')}` : null,
    stylesheetHrefs: SERVED_STYLESHEETS,
  });
}

function cellText(cell: { text: string } | { html: string }): string {
  return 'text' in cell ? cell.text : htmlToBlocks(cell.html).map((block) => block.text).join(' ');
}

/** The key findings as lines: paragraphs as they are, list items after a dash. */
function keyFindingLines(html: string | null): string[] {
  if (html === null) return [];
  return htmlToBlocks(html).map((block) => (block.kind === 'bullet' ? `- ${block.text}` : block.text));
}

/** The same page as plain text, one paragraph a line, in the layout `ledger import-page` reads. */
export function responseText(document: ResponseDocument, provenance: ProvenanceFacts | null): string {
  const doc: ResponseView = responseView(document, provenance);
  const lines: string[] = [doc.caption, doc.title, '', doc.law, ''];
  for (const row of doc.details) lines.push(`${row.key.text}:\t${cellText(row.value)}`);
  const keyFindings = keyFindingLines(doc.keyFindingsHtml);
  if (keyFindings.length > 0) lines.push('', 'Key Findings', ...keyFindings);
  for (const group of doc.findingGroups) {
    lines.push('', group.heading, '');
    for (const finding of group.findings) {
      finding.paragraphs.forEach((paragraph, i) => lines.push(i === 0 ? `${finding.reference} - ${paragraph}` : paragraph));
      lines.push(...finding.subItems.map((item) => `- ${item}`), '');
    }
  }
  lines.push('', doc.responseHeading, '');
  for (const voice of doc.voices) lines.push(voice.heading, '', ...voice.paragraphs.flatMap((p) => [p, '']));
  if (doc.voices.length === 0) lines.push('No comments have been recorded yet.', '');
  lines.push('', doc.summaryHeading, '');
  for (const [finding, decision, commitment, date] of doc.commitmentRows) {
    lines.push(`${cellText(finding)}: ${cellText(decision)}. ${cellText(commitment)} (${cellText(date)})`);
  }
  lines.push('', doc.provenance, '');
  return lines.join('\n');
}
