import type { TimelineEntry } from '@ledger/projections/read-models';
import { html, type SafeHtml } from '../layout/html';
import { instant } from '../reading/format';
import { STATUS, whoText } from '../reading/words';

const SOURCE: Record<string, string> = { api: 'the API', ui: 'the web pages', import: 'a page import', cli: 'the command line' };

/**
 * Every entry, oldest first, with who (role, organisation, on whose behalf) and both times. An
 * entry stays as it was recorded; a correction of it is shown beside it, and keeps its own place
 * in the order too, linked back.
 */
export function timelineTable(entries: readonly TimelineEntry[], caption: string): SafeHtml {
  const byId = new Map(entries.map((entry) => [entry.eventId, entry]));
  return html`<table class="govuk-table govuk-table--small-text-until-tablet" id="timeline">
  <caption class="govuk-table__caption govuk-table__caption--s">${caption}</caption>
  <thead class="govuk-table__head">
    <tr class="govuk-table__row">
      <th scope="col" class="govuk-table__header">Happened</th>
      <th scope="col" class="govuk-table__header">Recorded</th>
      <th scope="col" class="govuk-table__header govuk-!-width-one-quarter">Who</th>
      <th scope="col" class="govuk-table__header govuk-!-width-one-half">What changed</th>
    </tr>
  </thead>
  <tbody class="govuk-table__body">
    ${entries.map(
      (entry) => html`<tr class="govuk-table__row" id="entry-${entry.eventId}">
      <td class="govuk-table__cell">${instant(entry.occurredAt)}</td>
      <td class="govuk-table__cell">${instant(entry.recordedAt)}</td>
      <td class="govuk-table__cell">${whoText(entry.actor, entry.onBehalfOf)}</td>
      <td class="govuk-table__cell">${whatChanged(entry, byId)}</td>
    </tr>`,
    )}
  </tbody>
</table>`;
}

function whatChanged(entry: TimelineEntry, byId: ReadonlyMap<string, TimelineEntry>): SafeHtml {
  const moved = entry.statusAfter !== null && entry.statusBefore !== entry.statusAfter;
  const corrects = typeof entry.changes.correctsEventId === 'string' ? entry.changes.correctsEventId : null;
  const correction = entry.correctedBy === null ? undefined : byId.get(entry.correctedBy);
  return html`${entry.summary}
${moved && html`<br><span class="govuk-body-s">Status: ${entry.statusBefore === null ? 'none' : STATUS[entry.statusBefore].text} → <strong>${STATUS[entry.statusAfter!].text}</strong></span>`}
${corrects && html`<br><a class="govuk-link govuk-body-s" href="#entry-${corrects}">See the entry this corrects</a>`}
<br><span class="govuk-hint govuk-!-font-size-14">Recorded through ${SOURCE[entry.source] ?? entry.source}</span>
${entry.correctedBy !== null &&
html`<div class="ledger-correction">
  <strong class="govuk-tag govuk-tag--orange">Corrected</strong>
  ${correction
    ? html`<p class="govuk-body-s govuk-!-margin-top-2 govuk-!-margin-bottom-1">Correction recorded ${instant(correction.recordedAt)} by ${correction.actor.name}: ${correction.summary}</p>
  <a class="govuk-link govuk-body-s" href="#entry-${correction.eventId}">See the correction</a>`
    : html`<p class="govuk-body-s govuk-!-margin-top-2 govuk-!-margin-bottom-0">A later entry corrects this one. This entry is kept as it was recorded.</p>`}
</div>`}`;
}
