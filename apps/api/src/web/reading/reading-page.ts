import type { Response } from 'express';
import type { FormError } from '../layout/error-summary';
import type { Section } from '../layout/navigation';
import { renderPage } from '../layout/render';
import { sendPage } from '../layout/send-page';

/** The pages for reading the ledger, as the panel and the office move between them. */
export const READING_PAGES = [
  { href: '/dashboard', text: 'Dashboard' },
  { href: '/register', text: 'Register' },
  { href: '/changes', text: 'Changes between dates' },
  { href: '/as-at', text: 'As at a date' },
  { href: '/commitments', text: 'Commitments' },
  { href: '/slippage', text: 'Slippage' },
  { href: '/statutory-responses', text: 'Statutory responses' },
  { href: '/challenges', text: 'Scrutiny challenges' },
  { href: '/pack', text: 'Meeting pack' },
] as const;

export type ReadingPageHref = (typeof READING_PAGES)[number]['href'];

export interface Crumb {
  text: string;
  href: string;
}

export const HOME: Crumb = { text: 'Home', href: '/' };
export const REGISTER: Crumb = { text: 'Register', href: '/register' };

/** What every reading page's view model carries for `reading/reading-layout.njk`. */
export interface ReadingPage {
  /** The page's template, which extends `reading/reading-layout.njk`. */
  template: string;
  title: string;
  /** The reading page this is, or sits under. */
  current?: ReadingPageHref;
  /** The pages above this one; the page itself is not repeated. */
  breadcrumbs?: readonly Crumb[];
  errors?: readonly FormError[];
  /** False when the read models had not reached the position asked for. */
  consistent?: boolean;
}

/** The service navigation marks the section a reading page belongs to, when it has one there. */
const SECTION: Partial<Record<ReadingPageHref, Section>> = { '/dashboard': 'dashboard', '/register': 'register' };

/** Renders a reading page: its own view model, with the reading navigation and breadcrumbs. */
export function readingPage<P extends ReadingPage>(page: P): string {
  const { current, breadcrumbs = [HOME], consistent = true } = page;
  return renderPage(page.template, {
    ...page,
    consistent,
    breadcrumbs,
    section: current === undefined ? undefined : SECTION[current],
    readingNavigation: READING_PAGES.map((item) => ({ ...item, current: item.href === current })),
  });
}

export function sendReadingPage(response: Response, status: number, page: ReadingPage): void {
  sendPage(response, status, readingPage(page));
}

/** 404: nothing is recorded under this id. */
export function sendNotFound(response: Response, what: string, id: string): void {
  sendReadingPage(response, 404, { template: 'reading/not-found.njk', title: 'Page not found', breadcrumbs: [HOME, REGISTER], what, id } as ReadingPage);
}
