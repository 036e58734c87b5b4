import { NUMBER_PATTERN, readNumber } from '../text/number-words';
import { lastDayOfMonth } from '@ledger/domain/shared/calendar-date';
import { dayMonthYear, MONTH_PATTERN, monthNumber } from './written-dates';

/**
 * A phrase that dates something, as found in a finding or a response paragraph:
 * - exact: a day can be read from it ("By 31 January 2025", "by the end of January 2025");
 * - impossible: written as a day that does not exist ("by 30 February 2025");
 * - relative: counted from a date the phrase does not give ("within one month");
 * - timescale: defers to the inspectorate's own date ("within the required timescales");
 * - vague: names a period, not a day ("by Spring 2025", "by January 2025"); never turned into a day;
 * - immediate: "With immediate effect".
 */
export type DatePhrase = { index: number; phrase: string } & (
  | { kind: 'exact'; date: string }
  | { kind: 'impossible' }
  | { kind: 'relative'; amount: number; unit: 'day' | 'week' | 'month' | 'year' }
  | { kind: 'timescale' }
  | { kind: 'vague' }
  | { kind: 'immediate' }
);

type Reader = { pattern: RegExp; read: (match: RegExpExecArray) => DatePhrase | null };

const BY = '(?:by|no later than|on or before)';
const NOT_A_LONGER_NUMBER = '(?![/\\d-])';

function dated(match: RegExpExecArray, day: number, month: number, year: number): DatePhrase {
  const read = dayMonthYear(day, month, year);
  return 'date' in read
    ? { kind: 'exact', date: read.date, index: match.index, phrase: match[0] }
    : { kind: 'impossible', index: match.index, phrase: match[0] };
}

function phrase(kind: 'timescale' | 'vague' | 'immediate') {
  return (match: RegExpExecArray): DatePhrase => ({ kind, index: match.index, phrase: match[0] });
}

const UNITS: Record<string, { unit: 'day' | 'week' | 'month' | 'year'; times: number }> = {
  day: { unit: 'day', times: 1 },
  week: { unit: 'week', times: 1 },
  fortnight: { unit: 'week', times: 2 },
  month: { unit: 'month', times: 1 },
  year: { unit: 'year', times: 1 },
};

const SEASON_OR_QUARTER =
  '(?:spring|summer|autumn|fall|winter|q[1-4]|quarter\\s+(?:one|two|three|four|[1-4])|(?:first|second|third|fourth|last|final)\\s+quarter|financial\\s+year|year[- ]end)';

/** Ordered by preference: where two readings start at the same place, the earlier reader wins. */
const READERS: Reader[] = [
  {
    pattern: new RegExp(`\\b${BY}\\s+(?:the\\s+)?(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(${MONTH_PATTERN})\\.?,?\\s+(\\d{4})${NOT_A_LONGER_NUMBER}`, 'gi'),
    read: (m) => dated(m, Number(m[1]), monthNumber(m[2]), Number(m[3])),
  },
  {
    pattern: new RegExp(`\\b${BY}\\s+(\\d{1,2})[/.](\\d{1,2})[/.](\\d{4})${NOT_A_LONGER_NUMBER}`, 'gi'),
    read: (m) => dated(m, Number(m[1]), Number(m[2]), Number(m[3])),
  },
  {
    pattern: new RegExp(`\\b(?:${BY}|before)\\s+(?:the\\s+)?end\\s+of\\s+(${MONTH_PATTERN}),?\\s+(\\d{4})${NOT_A_LONGER_NUMBER}`, 'gi'),
    read: (m) => ({ kind: 'exact', date: lastDayOfMonth(Number(m[2]), monthNumber(m[1])), index: m.index, phrase: m[0] }),
  },
  {
    pattern: new RegExp(`\\b(?:${BY}|before)\\s+(?:the\\s+)?end\\s+of\\s+(\\d{4})${NOT_A_LONGER_NUMBER}`, 'gi'),
    read: (m) => ({ kind: 'exact', date: `${m[1]}-12-31`, index: m.index, phrase: m[0] }),
  },
  {
    pattern: new RegExp(`\\b(?:within|in\\s+the\\s+next)\\s+(?:the\\s+next\\s+)?(${NUMBER_PATTERN}|an?)\\s+(day|week|fortnight|month|year)s?\\b`, 'gi'),
    read: (m) => {
      const count = /^an?$/i.test(m[1]) ? 1 : readNumber(m[1]);
      const unit = UNITS[m[2].toLowerCase()];
      return count === null ? null : { kind: 'relative', amount: count * unit.times, unit: unit.unit, index: m.index, phrase: m[0] };
    },
  },
  {
    pattern: /\b(?:within|by|in line with|in accordance with)\s+(?:the\s+)?(?:required|specified|set|agreed|recommended|stated|stipulated|given|prescribed|hmicfrs'?s?|inspectorate'?s?|their|its)?\s*(?:time-?scales?|time\s?frames?|deadlines?)\b/gi,
    read: phrase('timescale'),
  },
  { pattern: /\bwith immediate effect\b|^\s*immediately\b/gi, read: phrase('immediate') },
  {
    pattern: new RegExp(`\\b(?:${BY}|before|in|during)\\s+(?:the\\s+)?(?:(?:early|late|mid|end\\s+of|start\\s+of|beginning\\s+of)\\s+)?(?:the\\s+)?${SEASON_OR_QUARTER}\\b(?:\\s+(?:of\\s+)?\\d{4}(?:/\\d{2,4})?)?`, 'gi'),
    read: phrase('vague'),
  },
  {
    pattern: new RegExp(`\\b${BY}\\s+(?:the\\s+)?(?:end\\s+of\\s+)?(?:the\\s+|this\\s+|next\\s+)(?:year|month|summer|winter|spring|autumn)\\b`, 'gi'),
    read: phrase('vague'),
  },
  { pattern: new RegExp(`\\b${BY}\\s+(?:early\\s+|late\\s+|mid[- ]?)?(?:${MONTH_PATTERN}\\s+)?\\d{4}${NOT_A_LONGER_NUMBER}`, 'gi'), read: phrase('vague') },
  { pattern: /\b(?:in\s+)?(?:early|late|mid)[- ]\d{4}\b/gi, read: phrase('vague') },
];

/** Every date phrase in `folded` (text folded by `fold`), in the order they appear. */
export function datePhrases(folded: string): DatePhrase[] {
  const found: Array<{ phrase: DatePhrase; preference: number }> = [];
  READERS.forEach(({ pattern, read }, preference) => {
    pattern.lastIndex = 0;
    for (let match = pattern.exec(folded); match; match = pattern.exec(folded)) {
      const phrase = read(match);
      if (phrase) found.push({ phrase, preference });
    }
  });
  found.sort((a, b) => a.phrase.index - b.phrase.index || a.preference - b.preference);
  const phrases: DatePhrase[] = [];
  let end = 0;
  for (const { phrase } of found) {
    if (phrase.index < end) continue;
    phrases.push(phrase);
    end = phrase.index + phrase.phrase.length;
  }
  return phrases;
}
