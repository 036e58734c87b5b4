import { isCalendarDate } from '@ledger/domain';
import type ExcelJS from 'exceljs';

/**
 * How a workbook column's text becomes a cell. `day`: a calendar date (YYYY-MM-DD) as a date cell;
 * `instant`: a UTC timestamp as a date-time cell in UK time; `occurred`: an envelope's occurredAt,
 * which is either of the two (a day is never given an invented clock time).
 */
export type CellKind = 'day' | 'instant' | 'occurred';

export type SheetCells = Readonly<Record<string, CellKind>>;

/** "31 Jan 2025": unambiguous in every locale's Excel, unlike 01/31 and 31/01. */
export const DAY_FORMAT = 'd mmm yyyy';
export const INSTANT_FORMAT = 'd mmm yyyy hh:mm:ss';

/**
 * Spreadsheet date cells have no time zone: a timestamp is written as the clock in Europe/London
 * showed it (GMT or BST, whichever was in force then), which is how the office and a panel read
 * times. The column headers say "UK time"; the CSV and JSONL keep the UTC instant.
 */
export function instantHeader(header: string): string {
  return `${header} (UK time)`;
}

/**
 * Every cell's style is one of these shared objects. exceljs looks a style up by the object's
 * identity before it renders the style's XML to find its id; a style made per cell (what setting
 * `cell.numFmt` does) was rendered again for every cell, the largest item of a workbook's profile.
 */
const PLAIN_STYLE: Partial<ExcelJS.Style> = {};
const DAY_STYLE: Partial<ExcelJS.Style> = { numFmt: DAY_FORMAT };
const INSTANT_STYLE: Partial<ExcelJS.Style> = { numFmt: INSTANT_FORMAT };

/** Writes a row's texts into `row`, turning the kinds' columns into date cells with their formats. */
export function fillRow(row: ExcelJS.Row, values: readonly (string | number)[], kinds: readonly (CellKind | undefined)[]): void {
  values.forEach((value, index) => {
    const cell = row.getCell(index + 1);
    const kind = kinds[index];
    cell.style = PLAIN_STYLE;
    if (kind === undefined || typeof value !== 'string') {
      cell.value = value;
      return;
    }
    const date = dateCell(value, kind);
    if (date === null) {
      cell.value = value === '' ? null : value;
      return;
    }
    cell.value = date.value;
    cell.style = date.style;
  });
}

function dateCell(text: string, kind: CellKind): { value: Date; style: Partial<ExcelJS.Style> } | null {
  if (kind !== 'instant' && isCalendarDate(text)) return { value: new Date(`${text}T00:00:00Z`), style: DAY_STYLE };
  if (kind === 'day') return null;
  const instant = new Date(text);
  if (text === '' || Number.isNaN(instant.getTime())) return null;
  return { value: new Date(instant.getTime() + londonOffset(instant)), style: INSTANT_STYLE };
}

const LONDON_CLOCK = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

const HOUR_MS = 3_600_000;
/** London's offset only changes on a whole UTC hour, and rows mostly come in time order: one hour is remembered. */
let lastHour = Number.NaN;
let lastOffset = 0;

function londonOffset(instant: Date): number {
  const hour = Math.floor(instant.getTime() / HOUR_MS);
  if (hour === lastHour) return lastOffset;
  const parts = Object.fromEntries(LONDON_CLOCK.formatToParts(new Date(hour * HOUR_MS)).map((part) => [part.type, part.value]));
  const wallClock = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute));
  lastHour = hour;
  lastOffset = wallClock - hour * HOUR_MS;
  return lastOffset;
}
