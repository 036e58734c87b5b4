import type { StatutoryEntry } from '@ledger/projections/read-models';
import { html, type SafeHtml } from '../layout/html';
import { day, days, externalLink } from './format';
import { row, summaryList } from './reading-page';
import { statutoryTag } from './words';

/** Day N of the period, and what it means: published that day, or today while unpublished. */
export function dayNumberText(response: StatutoryEntry): string {
  return response.publishedOn ? `Published on day ${response.dayNumber} of ${response.responsePeriodDays}` : `Day ${response.dayNumber} of ${response.responsePeriodDays} today`;
}

export function timelinessText(response: StatutoryEntry): string {
  if (response.daysLate !== null) return response.publishedOn ? `${days(response.daysLate)} late` : `${days(response.daysLate)} past the due date`;
  if (response.daysRemaining !== null) return response.daysRemaining === 0 ? 'Due today' : `${days(response.daysRemaining)} left`;
  return 'On time';
}

function copy(date: string | null): SafeHtml {
  return date ? html`Sent ${day(date)}` : html`Not recorded`;
}

/** The statutory response (police, s.55) or published action plan (fire) as a summary list. */
export function statutorySummary(response: StatutoryEntry | null, service: 'police' | 'fire'): SafeHtml {
  if (response === null) return html`<p class="govuk-body">No statutory response has been opened for this inspection yet.</p>`;
  const plan = service === 'fire';
  return summaryList([
    row('State', html`${statutoryTag(response.state)} <span class="govuk-body">${timelinessText(response)}</span>`),
    row('Report published', day(response.reportPublishedOn)),
    row('Due by', html`${day(response.dueDate)}<br><span class="govuk-hint govuk-!-font-size-16">The last day of ${response.responsePeriodDays} days counted from publication, publication day being day 1</span>`),
    row(plan ? 'Action plan published' : 'Response published', day(response.publishedOn, 'Not published')),
    row('Day number', dayNumberText(response)),
    row('On time', response.onTime === null ? 'Not yet known: still within the period' : response.onTime ? 'Yes' : 'No, late'),
    response.timetableRevisedBecause !== null && row('Timetable revised because', response.timetableRevisedBecause),
    !plan &&
      row(
        "Chief officer's comments",
        response.invitation
          ? html`Invited ${day(response.invitation.invitedOn)}${response.invitation.commentsDueBy && html`, due by ${day(response.invitation.commentsDueBy)}`}; ${response.chiefOfficerCommentsReceivedOn ? html`received ${day(response.chiefOfficerCommentsReceivedOn)}` : 'not yet received'}`
          : response.chiefOfficerCommentsReceivedOn
            ? html`Received ${day(response.chiefOfficerCommentsReceivedOn)}`
            : 'Not yet invited',
      ),
    plan && row("Chief fire officer's statement", day(response.chiefOfficerCommentsReceivedOn, 'Not recorded')),
    row(plan ? "Commissioner's comments with the action plan" : "Commissioner's comments", day(response.commissionerCommentsMadeOn, 'Not yet recorded')),
    !plan && row('Reply to the chief officer', day(response.replyMadeOn, 'Not yet recorded')),
    row('Published at', externalLink(response.url)),
    !plan && row('Copy to HMICFRS', copy(response.copiesSent.HMICFRS)),
    !plan && row('Copy to the Home Secretary', copy(response.copiesSent.HomeSecretary)),
  ]);
}
