import { compareDates, isCalendarDate } from '@ledger/domain';
import { htmlNestedDeeperThan, tooDeepMessage } from '../../validation/html-nesting';
import type { FormError } from '../layout/error-summary';

/** What multer hands over for the uploaded page. */
export interface UploadedPage {
  buffer: Buffer;
  originalname: string;
  size: number;
}

/** The form as sent, to show again when something needs fixing. */
export interface ImportFormValues {
  pageText: string;
  day: string;
  month: string;
  year: string;
}

/** A page to preview: its text, where it came from, and the response date if one was given. */
export interface PageToImport {
  page: string;
  source: string;
  responseDate?: string;
}

export const FIELD = {
  file: 'page-file',
  text: 'page-text',
  day: 'response-date-day',
  month: 'response-date-month',
  year: 'response-date-year',
} as const;

export const EMPTY_FORM: ImportFormValues = { pageText: '', day: '', month: '', year: '' };

/** Reads the import form; either a page to preview or the errors to show, each at its field. */
export function readImportForm(
  body: Record<string, unknown>,
  file: UploadedPage | undefined,
  today: string,
): { values: ImportFormValues; errors: FormError[]; toImport?: PageToImport } {
  const field = (name: string) => (typeof body[name] === 'string' ? (body[name] as string) : '');
  const values: ImportFormValues = { pageText: field('pageText'), day: field('responseDate-day').trim(), month: field('responseDate-month').trim(), year: field('responseDate-year').trim() };
  const errors: FormError[] = [];

  const hasFile = file !== undefined && file.originalname !== '';
  const hasText = values.pageText.trim() !== '';
  let page = '';
  if (hasFile && hasText) errors.push({ field: FIELD.file, message: 'Upload a file or paste the page, not both' });
  else if (!hasFile && !hasText) errors.push({ field: FIELD.file, message: 'Select a file of the published page, or paste its text' });
  else if (hasFile && file.size === 0) errors.push({ field: FIELD.file, message: 'The selected file is empty' });
  else if (hasFile && file.buffer.includes(0)) errors.push({ field: FIELD.file, message: 'The selected file must be a web page (HTML) or a text file' });
  else page = hasFile ? file.buffer.toString('utf8').replace(/^\uFEFF/, '') : values.pageText;
  if (page !== '' && htmlNestedDeeperThan(page)) errors.push({ field: hasFile ? FIELD.file : FIELD.text, message: tooDeepMessage() });

  const date = responseDateOf(values, today);
  if ('error' in date) errors.push(date.error);
  if (errors.length > 0 || 'error' in date) return { values, errors };
  return {
    values,
    errors,
    toImport: { page, source: hasFile ? file.originalname : 'the pasted text', ...(date.date ? { responseDate: date.date } : {}) },
  };
}

function responseDateOf({ day, month, year }: ImportFormValues, today: string): { date?: string } | { error: FormError } {
  if (!day && !month && !year) return {};
  const missing = [!day && 'day', !month && 'month', !year && 'year'].filter((part): part is string => part !== false);
  if (missing.length > 0) {
    return { error: { field: `response-date-${missing[0]}`, message: `The response date must include a ${missing.join(' and ')}` } };
  }
  const date = /^\d{1,2}$/.test(day) && /^\d{1,2}$/.test(month) && /^\d{4}$/.test(year) ? `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}` : '';
  if (!isCalendarDate(date)) return { error: { field: FIELD.day, message: 'The response date must be a real date' } };
  if (compareDates(date, today) > 0) return { error: { field: FIELD.day, message: 'The response date must be today or in the past' } };
  return { date };
}

/** The page travels from the preview to the confirmation in base64, so that no byte of it (a CR, say) changes on the way. */
export function encodePage(page: string): string {
  return Buffer.from(page, 'utf8').toString('base64');
}

export function decodePage(encoded: string | null): string {
  return encoded === null ? '' : Buffer.from(encoded, 'base64').toString('utf8');
}
