import type { StatutoryEntry } from '@ledger/projections/read-models';
import { hint, join, lines, row, type Inline, type SummaryRows } from '../components/inline';
import { day, days, dayText, externalLink } from './format';
import { statutoryTag } from './words';

/** Day N of the period, and what it means: published that day, or, while unpublished, the day it is judged on (today unless another is named). */
export function dayNumberText(response: StatutoryEntry, on?: string): string {
  return response.publishedOn
    ? `Published on day ${response.dayNumber} of ${response.responsePeriodDays}`
    : `Day ${response.dayNumber} of ${response.responsePeriodDays} ${on === undefined ? 'today' : `on ${dayText(on)}`}`;
}

export function timelinessText(response: StatutoryEntry): string {
  if (response.daysLate !== null) return response.publishedOn ? `${days(response.daysLate)} late` : `${days(response.daysLate)} past the due date`;
  if (response.daysRemaining !== null) return response.daysRemaining === 0 ? 'Due today' : `${days(response.daysRemaining)} left`;
  return 'On time';
}

function copy(date: string | null): Inline {
  return date ? join('Sent ', day(date)) : 'Not recorded';
}

/** The statutory response (police, s.55) or published action plan (fire) as summary rows, judged today or `on` another day; null when none is open. */
export function statutorySummary(response: StatutoryEntry | null, service: 'police' | 'fire', on?: string): SummaryRows | null {
  if (response === null) return null;
  const plan = service === 'fire';
  return [
    row('State', join(statutoryTag(response.state), ' ', timelinessText(response))),
    row('Report published', day(response.reportPublishedOn)),
    row('Due by', lines(day(response.dueDate), hint(`The last day of ${response.responsePeriodDays} days counted from publication, publication day being day 1`))),
    row(plan ? 'Action plan published' : 'Response published', day(response.publishedOn, 'Not published')),
    row('Day number', dayNumberText(response, on)),
    row('On time', response.onTime === null ? 'Not yet known: still within the period' : response.onTime ? 'Yes' : 'No, late'),
    response.timetableRevisedBecause !== null && row('Timetable revised because', response.timetableRevisedBecause),
    !plan &&
      row(
        "Chief officer's comments",
        response.invitation
          ? join('Invited ', day(response.invitation.invitedOn), response.invitation.commentsDueBy && join(', due by ', day(response.invitation.commentsDueBy)), '; ', response.chiefOfficerCommentsReceivedOn ? join('received ', day(response.chiefOfficerCommentsReceivedOn)) : 'not yet received')
          : response.chiefOfficerCommentsReceivedOn
            ? join('Received ', day(response.chiefOfficerCommentsReceivedOn))
            : 'Not yet invited',
      ),
    plan && row("Chief fire officer's statement", day(response.chiefOfficerCommentsReceivedOn, 'Not recorded')),
    row(plan ? "Commissioner's comments with the action plan" : "Commissioner's comments", day(response.commissionerCommentsMadeOn, 'Not yet recorded')),
    !plan && row('Reply to the chief officer', day(response.replyMadeOn, 'Not yet recorded')),
    row('Published at', externalLink(response.url)),
    !plan && row('Copy to HMICFRS', copy(response.copiesSent.HMICFRS)),
    !plan && row('Copy to the Home Secretary', copy(response.copiesSent.HomeSecretary)),
  ];
}
