import type { Inline } from '../components/inline';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A calendar date (YYYY-MM-DD) as GOV.UK writes it: 22 August 2024. */
export function dayText(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  return `${day} ${MONTHS[month - 1]} ${year}`;
}

/** A calendar date as a `<time>`, or the fallback words when there is none. */
export function day(date: string | null | undefined, fallback = 'Not set'): Inline {
  return date ? { time: { datetime: date, text: dayText(date) } } : fallback;
}

const LONDON = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** An instant (UTC ISO-8601) as London wall-clock time: 25 September 2024, 11:00. */
export function instantText(iso: string): string {
  const parts = Object.fromEntries(LONDON.formatToParts(new Date(iso)).map((part) => [part.type, part.value]));
  return `${Number(parts.day)} ${MONTHS[Number(parts.month) - 1]} ${parts.year}, ${parts.hour}:${parts.minute}`;
}

export function instant(iso: string): Inline {
  return { time: { datetime: iso, text: instantText(iso) } };
}

export function days(count: number): string {
  return `${count} ${count === 1 ? 'day' : 'days'}`;
}

/** Long text cut at a word for a table cell; the full text is one link away. */
export function shorten(text: string, max = 180): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max - 20)).trimEnd()}…`;
}

/** A link only to a web address; anything else recorded as a URL is shown as text. */
export function externalLink(url: string | null, text?: string): Inline {
  if (!url) return 'Not recorded';
  return /^https?:\/\//i.test(url) ? { link: { href: url, text: text ?? url, rel: 'noreferrer' } } : url;
}

/** A title as part of a sentence: without its own closing full stop, so that "investigations." is not followed by a comma. */
export function inSentence(title: string): string {
  return title.replace(/\.\s*$/, '');
}
