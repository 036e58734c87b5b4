import type { TimelineEntry } from '@ledger/projections/read-models';
import { join, lines, link, type Inline, type Table } from '../components/inline';
import { instant, occurred } from './format';
import { recordedLateText, whoText } from './words';

/** Entries of several streams (an inspection, its response, its findings, challenges), each saying what it is about, with both times. */
export function entriesTable(entries: readonly TimelineEntry[], titles: ReadonlyMap<string, string>, caption: string): Table {
  return {
    caption,
    label: caption,
    columns: [{ text: 'About' }, { text: 'Happened' }, { text: 'Recorded' }, { text: 'Who' }, { text: 'What changed', width: 'one-third' }],
    rows: entries.map((entry) => [about(entry, titles), occurred(entry.occurredAt), lines(instant(entry.recordedAt), recordedLateText(entry)), whoText(entry.actor, entry.onBehalfOf), entry.summary]),
  };
}

function about(entry: TimelineEntry, titles: ReadonlyMap<string, string>): Inline {
  if (entry.recommendationId !== null) {
    const finding = link(`/recommendations/${encodeURIComponent(entry.recommendationId)}#entry-${entry.eventId}`, entry.reference ?? 'Finding');
    return entry.aggregate === 'challenge' ? join('Scrutiny challenge about ', finding) : finding;
  }
  if (entry.inspectionId !== null) {
    const what = entry.aggregate === 'statutory-response' ? 'Statutory response' : entry.aggregate === 'challenge' ? 'Scrutiny challenge' : 'Inspection';
    return join(`${what}: `, link(`/inspections/${encodeURIComponent(entry.inspectionId)}`, titles.get(entry.inspectionId) ?? entry.inspectionId));
  }
  return entry.aggregate === 'challenge' ? 'Scrutiny challenge' : entry.aggregate;
}
