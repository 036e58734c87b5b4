import { PAGE_SIZE, type FormValues } from './page-query';

/** The address of another page of the same list, keeping the filters. */
export function pageHref(path: string, values: FormValues, page: number): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(values)) if (value !== '' && name !== 'page' && name !== 'atLeast') query.set(name, value);
  if (page > 1) query.set('page', String(page));
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}

/** "Showing 26 to 50 of 120 findings", as the list's template words it. */
export interface Showing {
  total: number;
  from: number;
  to: number;
  noun: string;
}

export function showing(total: number, offset: number, count: number, noun: string): Showing {
  return { total, from: count === 0 ? 0 : offset + 1, to: offset + count, noun };
}

/** GOV.UK pagination's parameters: previous, the first and last pages, the pages around this one, next. Null when one page holds all. */
export interface PaginationParams {
  previous?: { href: string };
  next?: { href: string };
  items: ({ number: number; href: string; current: boolean } | { ellipsis: true })[];
  classes: string;
}

export function pagination(path: string, values: FormValues, total: number, offset: number): PaginationParams | null {
  const pages = Math.ceil(total / PAGE_SIZE);
  if (pages <= 1) return null;
  const current = Math.floor(offset / PAGE_SIZE) + 1;
  const shown = [...new Set([1, current - 1, current, current + 1, pages])].filter((n) => n >= 1 && n <= pages).sort((a, b) => a - b);
  const items: PaginationParams['items'] = [];
  shown.forEach((n, index) => {
    if (index > 0 && n - shown[index - 1] > 1) items.push({ ellipsis: true });
    items.push({ number: n, href: pageHref(path, values, n), current: n === current });
  });
  return {
    ...(current > 1 ? { previous: { href: pageHref(path, values, current - 1) } } : {}),
    ...(current < pages ? { next: { href: pageHref(path, values, current + 1) } } : {}),
    items,
    classes: 'ledger-no-print',
  };
}
