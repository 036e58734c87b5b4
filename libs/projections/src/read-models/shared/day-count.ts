/**
 * Whole days from one calendar date (YYYY-MM-DD, already a real date) to another, positive when
 * `to` is later. The domain's daysBetween parses strictly, which a query judging thousands of
 * findings cannot afford per row; dates read back from the log were checked when recorded.
 */
export function daysFromTo(from: string, to: string): number {
  return (dayNumber(to) - dayNumber(from)) / 86_400_000;
}

function dayNumber(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
}
