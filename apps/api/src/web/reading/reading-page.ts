import type { Response } from 'express';
import { errorSummary, type FormError } from '../layout/error-summary';
import { html, type SafeHtml } from '../layout/html';
import { layout } from '../layout/layout';
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

export interface ReadingPageOptions {
  title: string;
  content: SafeHtml;
  /** The reading page this is, or sits under. */
  current?: ReadingPageHref;
  /** The pages above this one; the page itself is not repeated. */
  breadcrumbs?: readonly Crumb[];
  errors?: readonly FormError[];
  /** False when the read models had not reached the position asked for. */
  consistent?: boolean;
}

/** The shared layout, with the reading pages' own stylesheet (screen and print), their navigation and breadcrumbs. */
export function readingPage({ title, content, current, breadcrumbs = [HOME], errors = [], consistent = true }: ReadingPageOptions): string {
  const beforeContent = html`<link rel="stylesheet" href="/ledger/reading.css">
    <nav class="ledger-reading-nav" aria-label="Reading the ledger">
      <ul class="govuk-body-s ledger-reading-nav__list">
        ${READING_PAGES.map((page) =>
          page.href === current
            ? html`<li class="ledger-reading-nav__item"><a class="govuk-link govuk-link--no-visited-state ledger-reading-nav__link--current" href="${page.href}" aria-current="page">${page.text}</a></li>`
            : html`<li class="ledger-reading-nav__item"><a class="govuk-link govuk-link--no-visited-state" href="${page.href}">${page.text}</a></li>`,
        )}
      </ul>
    </nav>
    ${breadcrumbs.length > 0 &&
    html`<nav class="govuk-breadcrumbs" aria-label="Breadcrumb">
      <ol class="govuk-breadcrumbs__list">
        ${breadcrumbs.map((crumb) => html`<li class="govuk-breadcrumbs__list-item"><a class="govuk-breadcrumbs__link" href="${crumb.href}">${crumb.text}</a></li>`)}
      </ol>
    </nav>`}`;
  const body = html`${errorSummary(errors)}
${!consistent &&
html`<div class="govuk-warning-text">
  <span class="govuk-warning-text__icon" aria-hidden="true">!</span>
  <strong class="govuk-warning-text__text"><span class="govuk-visually-hidden">Warning</span> The latest entries may not show yet: the read models are still catching up. Refresh the page in a moment.</strong>
</div>`}
${content}`;
  return layout({ title, content: body, section: current === '/dashboard' ? 'dashboard' : 'register', hasErrors: errors.length > 0, beforeContent });
}

export function sendReadingPage(response: Response, status: number, options: ReadingPageOptions): void {
  sendPage(response, status, readingPage(options));
}

/** 404: nothing is recorded under this id. */
export function sendNotFound(response: Response, what: string, id: string): void {
  const content = html`<h1 class="govuk-heading-l">Page not found</h1>
<p class="govuk-body">The register has no ${what} with the id <code>${id}</code>.</p>
<p class="govuk-body">If you typed the web address, check it is correct. If you followed a link, the ${what} may not have been recorded yet.</p>
<p class="govuk-body"><a class="govuk-link" href="/register">Go to the register</a> to find it.</p>`;
  sendReadingPage(response, 404, { title: 'Page not found', content, breadcrumbs: [HOME, REGISTER] });
}

/** A summary list row; `value` may already be markup. */
export function row(key: string, value: SafeHtml | string | number): SafeHtml {
  return html`<div class="govuk-summary-list__row">
  <dt class="govuk-summary-list__key">${key}</dt>
  <dd class="govuk-summary-list__value">${value}</dd>
</div>`;
}

export function summaryList(rows: readonly (SafeHtml | false)[]): SafeHtml {
  return html`<dl class="govuk-summary-list">${rows}</dl>`;
}
