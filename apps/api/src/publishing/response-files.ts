import fs from 'node:fs';
import path from 'node:path';
import type { EventStore } from '@ledger/event-store';
import { ledgerDigest, ledgerEventStore } from '@ledger/integrity';
import { readStreamFully } from '@ledger/application/pipeline/stored-event';
import { responseHtml, responseText } from './render-response';
import { readResponseDocument, type ResponseDocument } from './response-document';

export interface PublishedFiles {
  document: ResponseDocument;
  html: string;
  text: string;
}

/** The file name both copies share: the inspection's id, which is safe in any file system. */
export function responseFileName(inspectionId: string): string {
  return `statutory-response-${inspectionId.replace(/[^A-Za-z0-9._-]/g, '_')}`;
}

/**
 * Writes the published page for one inspection into `dir` as `.html` (stylesheet inside) and
 * `.txt`, from the raw store: the ledger digest is the log's as at the last event the page uses.
 * Null when the inspection is not in the ledger.
 */
export async function writeResponseFiles(raw: EventStore, inspectionId: string, dir: string): Promise<PublishedFiles | null> {
  const store = ledgerEventStore(raw);
  const document = await readResponseDocument((streamId) => readStreamFully(store.readStream(streamId)), inspectionId);
  if (document === null) return null;
  const { digest, events } = await ledgerDigest(raw, document.position);
  const provenance = { digest, events };
  fs.mkdirSync(dir, { recursive: true });
  const base = path.join(dir, responseFileName(inspectionId));
  const html = `${base}.html`;
  const text = `${base}.txt`;
  fs.writeFileSync(html, responseHtml(document, { stylesheet: 'inline', provenance }));
  fs.writeFileSync(text, responseText(document, provenance));
  return { document, html, text };
}
