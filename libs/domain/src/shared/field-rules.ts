import { isCalendarDate } from './calendar-date';
import { type RuleViolation, violation } from './decider';

/**
 * Checks of single command fields, each returning the violation that names the field, or
 * undefined when the value is acceptable. The application validates shapes first; these are the
 * domain's own guard, so that a command reaching a decider by any path is held to the same rules.
 */
export type FieldCheck = RuleViolation | undefined;

export function isBlank(value: unknown): boolean {
  return typeof value !== 'string' || value.trim().length === 0;
}

/** An optional text left blank, as a form leaves it, is the same as none. A value of another kind is kept for the checks to name. */
export function blankAsNull<T>(value: T | null | undefined): T | null {
  return value === undefined || value === null || (typeof value === 'string' && isBlank(value)) ? null : value;
}

/** Text that must say something. `rule` lets a reason be refused as ReasonRequired. */
export function requireText(value: unknown, field: string, rule = 'FieldRequired'): FieldCheck {
  return isBlank(value) ? violation(rule, `${field} is required and may not be blank`, field) : undefined;
}

export function requireReason(value: unknown, field = 'reason'): FieldCheck {
  return requireText(value, field, 'ReasonRequired');
}

/** A calendar date that exists, written YYYY-MM-DD (2025-02-30 is refused). */
export function requireDate(value: unknown, field: string): FieldCheck {
  return isCalendarDate(value) ? undefined : violation('InvalidDate', `${field} must be a date that exists, written YYYY-MM-DD (got ${JSON.stringify(value)})`, field);
}

export function requireOneOf<T extends string>(value: unknown, allowed: readonly T[], field: string): FieldCheck {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value)
    ? undefined
    : violation('InvalidValue', `${field} must be one of ${allowed.join(', ')} (got ${JSON.stringify(value)})`, field);
}

/** An absolute http(s) address: links in the ledger are for people to follow. */
export function requireHttpUrl(value: unknown, field: string): FieldCheck {
  if (typeof value === 'string' && URL.canParse(value)) {
    const { protocol } = new URL(value);
    if (protocol === 'https:' || protocol === 'http:') return undefined;
  }
  return violation('InvalidUrl', `${field} must be an absolute http or https address (got ${JSON.stringify(value)})`, field);
}

/** `later` may not fall before `earlier` (the same day is fine). Both must already be valid dates. */
export function requireNotBefore(later: string, earlier: string, field: string, what: string): FieldCheck {
  return later < earlier ? violation('DateOutOfOrder', `${field} (${later}) may not be before ${what} (${earlier})`, field) : undefined;
}

export function firstViolation(...checks: FieldCheck[]): FieldCheck {
  return checks.find((check) => check !== undefined);
}
