/**
 * What each read answer says about time: the order of its items, and the dates it judges lateness
 * and standing by. Every event carries occurredAt (when it happened: a day, or an instant) and
 * recordedAt (when the ledger stored it); an answer that does not say otherwise reads occurredAt.
 */
export interface ReadTimes {
  orderedBy: string;
  judgedBy: string;
}

const STANDING_TODAY =
  "today (Europe/London): overdue and RAG are judged on it against the inspectorate's due date and against the force's current target date, both given; the days things were done (decided, completed, verified, closed) are when they happened (occurredAt)";

export const READ_TIMES = {
  inspections: { orderedBy: "publishedOn (the report's publication day), newest first", judgedBy: STANDING_TODAY },
  register: { orderedBy: "the inspection's publishedOn, newest first, then each finding's number", judgedBy: STANDING_TODAY },
  recommendation: { orderedBy: 'its timeline by occurredAt, then recordedAt', judgedBy: STANDING_TODAY },
  dashboard: { orderedBy: 'none: counts', judgedBy: STANDING_TODAY },
  commitments: {
    orderedBy: 'dueDate, earliest first (commitments without one last), then as recorded',
    judgedBy: 'the day the work was completed (occurredAt) against dueDate, whatever day it was recorded; while not completed, today (Europe/London)',
  },
  slippage: {
    orderedBy: "inspection and reference; each finding's requests to move its target date in the order recorded",
    judgedBy: 'requestedAt and decidedAt are when the request and the decision happened (occurredAt)',
  },
  statutory: {
    orderedBy: 'dueDate (the last day of the response period), earliest first',
    judgedBy: 'the day the response was published (occurredAt, as corrected by any date correction) against dueDate; while unpublished, today (Europe/London)',
  },
  challenges: { orderedBy: 'answerDueBy, earliest first, then as recorded', judgedBy: 'the day first answered against answerDueBy; while unanswered, today (Europe/London)' },
  timeline: { orderedBy: 'occurredAt, then recordedAt', judgedBy: 'each entry gives occurredAt and recordedAt, and recordedLate when it was recorded long after it happened' },
  changes: {
    orderedBy: 'the basis asked for: occurredAt (basis=occurred, the default) or recordedAt (basis=recorded), then recordedAt',
    judgedBy: 'the basis asked for: which entries fall in the period, and each finding’s status at its start and end',
  },
  asAt: {
    orderedBy: "as the register: the inspection's publishedOn, newest first, then each finding's number",
    judgedBy: 'the end of the day asked (Europe/London), by the basis asked for: occurredAt (basis=occurred, the default) or recordedAt (basis=recorded); overdue and RAG judged on that day against both dates',
  },
} as const satisfies Record<string, ReadTimes>;
