import type { TimelineEntry } from '@ledger/projections/read-models';
import { join, lines, link, small, strong, tag, type Inline, type Table } from '../components/inline';
import { instant, instantText, occurred } from '../reading/format';
import { byText, nameOf, recordedLateText, STATUS, whoText } from '../reading/words';

const SOURCE: Record<string, string> = { api: 'the API', ui: 'the web pages', import: 'a page import', cli: 'the command line' };

/**
 * Every entry in the order things happened (then recorded), with who (role, organisation, on
 * whose behalf) and both times, flagged when recorded long after it happened. An
 * entry stays as it was recorded; a correction of it is shown beside it, and keeps its own place
 * in the order too, linked back. Each entry's "what changed" carries its id, to link to.
 */
export function timelineTable(entries: readonly TimelineEntry[], caption: string): Table {
  const byId = new Map(entries.map((entry) => [entry.eventId, entry]));
  return {
    caption,
    label: caption,
    id: 'timeline',
    columns: [{ text: 'Happened' }, { text: 'Recorded' }, { text: 'Who', width: 'one-quarter' }, { text: 'What changed', width: 'one-half' }],
    rows: entries.map((entry) => [happened(entry), lines(instant(entry.recordedAt), recordedLateText(entry)), whoText(entry.actor, entry.onBehalfOf), { block: whatChanged(entry, byId), id: `entry-${entry.eventId}` }]),
  };
}

/** When it happened; a re-dated entry says so and keeps the date first recorded in view. */
function happened(entry: TimelineEntry): Inline {
  if (entry.occurredAsRecorded === null) return occurred(entry.occurredAt);
  return lines(
    occurred(entry.occurredAt),
    tag('Date corrected', 'orange'),
    small(`First recorded as ${instantText(entry.occurredAsRecorded)}`),
    entry.dateCorrectedBy !== null && link(`#entry-${entry.dateCorrectedBy}`, 'See the correction', { classes: 'govuk-body-s' }),
  );
}

function whatChanged(entry: TimelineEntry, byId: ReadonlyMap<string, TimelineEntry>): Inline {
  const moved = entry.statusAfter !== null && entry.statusBefore !== entry.statusAfter;
  const corrects = typeof entry.changes.correctsEventId === 'string' ? entry.changes.correctsEventId : null;
  const correction = entry.correctedBy === null ? undefined : byId.get(entry.correctedBy);
  return join(
    lines(
      entry.summary,
      moved && small(join(`Status: ${entry.statusBefore === null ? 'none' : STATUS[entry.statusBefore].text} → `, strong(STATUS[entry.statusAfter!].text))),
      corrects && link(`#entry-${corrects}`, 'See the entry this corrects', { classes: 'govuk-body-s' }),
      { hint: `Recorded through ${SOURCE[entry.source] ?? entry.source}` },
    ),
    entry.correctedBy !== null && {
      block: lines(
        tag('Corrected', 'orange'),
        correction
          ? lines(small(`Correction recorded ${instantText(correction.recordedAt)} by ${byText(correction.actor, correction.onBehalfOf, nameOf)}: ${correction.summary}`), link(`#entry-${correction.eventId}`, 'See the correction', { classes: 'govuk-body-s' }))
          : small('A later entry corrects this one. This entry is kept as it was recorded.'),
      ),
      classes: 'ledger-correction',
    },
  );
}
