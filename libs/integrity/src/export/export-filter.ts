import { isCalendarDate } from '@ledger/domain';

/**
 * Which part of the ledger an export holds. Every field null means the whole ledger. A filtered
 * export holds whole streams (from revision 0), so that it can still be verified on its own.
 */
export interface ExportFilter {
  /** Streams of this inspection: its own, its findings', its statutory response's. */
  inspection: string | null;
  /** Streams of inspections of this service. */
  service: 'police' | 'fire' | null;
  /** Streams with at least one event recorded by someone of this organisation (or on behalf of it). */
  organisation: string | null;
  /** Streams with at least one event recorded (Europe/London date of recordedAt) on or after this date. */
  from: string | null;
  /** Streams with at least one event recorded on or before this date; events recorded after it are left out. */
  to: string | null;
}

export const NO_FILTER: ExportFilter = { inspection: null, service: null, organisation: null, from: null, to: null };

export function isWholeLedger(filter: ExportFilter): boolean {
  return Object.values(filter).every((value) => value === null);
}

/** Checks a filter from user input; throws a RangeError naming the field. */
export function exportFilter(input: Partial<Record<keyof ExportFilter, string | null | undefined>>): ExportFilter {
  const text = (field: keyof ExportFilter): string | null => {
    const value = input[field];
    if (value === undefined || value === null) return null;
    if (typeof value !== 'string' || value.trim().length === 0) throw new RangeError(`${field} must be a non-empty text`);
    return value.trim();
  };
  const service = text('service');
  if (service !== null && service !== 'police' && service !== 'fire') throw new RangeError(`service must be police or fire, not "${service}"`);
  const from = text('from');
  const to = text('to');
  for (const [field, date] of [['from', from], ['to', to]] as const) {
    if (date !== null && !isCalendarDate(date)) throw new RangeError(`${field} must be a calendar date YYYY-MM-DD that exists, not "${date}"`);
  }
  if (from !== null && to !== null && from > to) throw new RangeError(`from (${from}) is after to (${to})`);
  return { inspection: text('inspection'), service, organisation: text('organisation'), from, to };
}
