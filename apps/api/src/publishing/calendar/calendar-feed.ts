import ical, { type ICalCalendar } from 'ical-generator';
import { TERMINAL_RECOMMENDATION_STATUSES, addDays } from '@ledger/domain';
import type { Principal } from '../../identity/principal';
import { allPublicRegisterInspections, publicFindingsOf, type PublicFinding, type ReadModelReader } from '@ledger/projections/read-models';

/** One deadline in a person's calendar. */
export interface Deadline {
  uid: string;
  /** YYYY-MM-DD: an all-day entry. */
  date: string;
  /** Bumped each time the date moves, so that calendars replace the entry rather than add one. */
  sequence: number;
  summary: string;
  url: string;
}

/** Force leads see what their own organisation owns; everyone else, the whole ledger. */
function inScope(principal: Principal, finding: PublicFinding): boolean {
  return principal.role !== 'force-lead' || finding.ownerOrganisation === principal.organisation;
}

function isOpen(finding: PublicFinding): boolean {
  return !TERMINAL_RECOMMENDATION_STATUSES.includes(finding.status);
}

/**
 * The deadlines in a person's scope: each unpublished statutory response (or fire action plan),
 * each open finding's inspectorate due date and current target date. Each entry's UID is stable
 * (what it is about, not its date), so a changed target date updates the entry in place.
 */
export function deadlinesFor(principal: Principal, reader: ReadModelReader, baseUrl: string): Deadline[] {
  const deadlines: Deadline[] = [];
  for (const inspection of allPublicRegisterInspections(reader)) {
    const findings = publicFindingsOf(reader, inspection.inspectionId).filter((finding) => inScope(principal, finding));
    const page = `${baseUrl}/inspections/${encodeURIComponent(inspection.inspectionId)}`;
    if (principal.role !== 'force-lead' && inspection.responseDeadline !== null && inspection.responsePublishedOn === null) {
      deadlines.push({
        uid: `statutory-response-${inspection.inspectionId}@pfcc-ledger`,
        date: inspection.responseDeadline,
        sequence: inspection.deadlineRevisions,
        summary: `${inspection.service === 'fire' ? 'Action plan' : 'Statutory response'} due: ${inspection.title}`,
        url: page,
      });
    }
    for (const finding of findings.filter(isOpen)) {
      const url = `${baseUrl}/recommendations/${encodeURIComponent(finding.findingId)}`;
      if (finding.dueDate !== null) {
        deadlines.push({ uid: `due-${finding.findingId}@pfcc-ledger`, date: finding.dueDate, sequence: 0, summary: `${finding.reference} due (inspectorate): ${inspection.title}`, url });
      }
      if (finding.targetDate !== null) {
        deadlines.push({
          uid: `target-${finding.findingId}@pfcc-ledger`,
          date: finding.targetDate,
          sequence: Math.max(0, finding.targetDateRevisions - 1),
          summary: `${finding.reference} target date: ${inspection.title}`,
          url,
        });
      }
    }
  }
  return deadlines.sort((a, b) => a.date.localeCompare(b.date) || a.uid.localeCompare(b.uid));
}

/** The deadlines as an iCalendar (RFC 5545) feed: all-day events that link to their pages. */
export function calendarFeed(deadlines: readonly Deadline[], name: string, now: Date): string {
  const calendar: ICalCalendar = ical({ name, prodId: { company: 'pfcc-ledger', product: 'deadlines', language: 'EN' } });
  for (const deadline of deadlines) {
    calendar.createEvent({
      id: deadline.uid,
      sequence: deadline.sequence,
      start: dateOnly(deadline.date),
      end: dateOnly(addDays(deadline.date, 1)),
      allDay: true,
      stamp: now,
      summary: deadline.summary,
      description: `${deadline.summary}\n${deadline.url}`,
      url: deadline.url,
    });
  }
  return calendar.toString();
}

/** A calendar day as ical-generator takes an all-day date: its parts, at midnight UTC. */
function dateOnly(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}
