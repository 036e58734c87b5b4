import { type RuleViolation, violation } from './decider';
import { isCalendarDate } from './calendar-date';
import { occurredDay, parseOccurredAt } from './occurred-at';

/** The rules by which a command's own occurredAt is refused, wherever it is checked. */
export const OCCURRED_AT_RULES = ['OccurredAtInvalid', 'OccurredAtInFuture', 'OccurredBeforePublication', 'OccurredBeforeIssue'] as const;
export type OccurredAtRule = (typeof OCCURRED_AT_RULES)[number];

/**
 * A command's occurredAt must be a day or an instant, and not later than the time of recording:
 * a day not after today in London, an instant not beyond the clock's allowed skew.
 */
export function checkOccurredAtNotLater(occurredAt: string, recordedAt: Date, skewMs: number): { occurredAt: string } | RuleViolation {
  const parsed = parseOccurredAt(occurredAt);
  if (parsed === undefined) {
    return violation(
      'OccurredAtInvalid',
      `occurredAt must be a day written YYYY-MM-DD or an ISO-8601 instant such as 2024-09-01T10:00:00Z, got "${occurredAt}"`,
      'occurredAt',
    );
  }
  if (parsed.kind === 'day') {
    const today = occurredDay(recordedAt.toISOString());
    return parsed.day > today
      ? violation('OccurredAtInFuture', `occurredAt ${parsed.day} is later than today (${today})`, 'occurredAt')
      : { occurredAt: parsed.day };
  }
  return Date.parse(parsed.instant) > recordedAt.getTime() + skewMs
    ? violation('OccurredAtInFuture', `occurredAt ${occurredAt} is later than the time of recording ${recordedAt.toISOString()}`, 'occurredAt')
    : { occurredAt: parsed.instant };
}

/**
 * Nothing about an inspection (its details, findings, statutory response) can have happened
 * before its report was published; nothing about a finding before it was issued with its report.
 * Only a command that says when it happened is checked: by default it happens as it is recorded.
 */
export function checkOccurredNotBefore(
  occurredAt: string | undefined,
  earliestDay: string | null | undefined,
  rule: Extract<OccurredAtRule, 'OccurredBeforePublication' | 'OccurredBeforeIssue'>,
  what: string,
): RuleViolation | undefined {
  if (occurredAt === undefined || !isCalendarDate(earliestDay) || parseOccurredAt(occurredAt) === undefined) return undefined;
  const day = occurredDay(occurredAt);
  return day < earliestDay ? violation(rule, `occurredAt ${occurredAt} is before ${what} (${earliestDay})`, 'occurredAt') : undefined;
}
