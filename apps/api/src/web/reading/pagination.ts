import { html, type SafeHtml } from '../layout/html';
import { PAGE_SIZE, type FormValues } from './page-query';

/** The address of another page of the same list, keeping the filters. */
export function pageHref(path: string, values: FormValues, page: number): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(values)) if (value !== '' && name !== 'page' && name !== 'atLeast') query.set(name, value);
  if (page > 1) query.set('page', String(page));
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}

/** "Showing 26 to 50 of 120 findings". */
export function showing(total: number, offset: number, count: number, noun: string): SafeHtml {
  if (total === 0) return html`<p class="govuk-body">No ${noun} match.</p>`;
  if (count === 0) return html`<p class="govuk-body">There are ${total} ${noun}, none of them on this page.</p>`;
  return html`<p class="govuk-body">Showing <strong>${offset + 1}</strong> to <strong>${offset + count}</strong> of <strong>${total}</strong> ${noun}</p>`;
}

/** GOV.UK pagination: previous, the first and last pages, the pages around this one, next. */
export function pagination(path: string, values: FormValues, total: number, offset: number): SafeHtml | false {
  const pages = Math.ceil(total / PAGE_SIZE);
  if (pages <= 1) return false;
  const current = Math.floor(offset / PAGE_SIZE) + 1;
  const shown = [...new Set([1, current - 1, current, current + 1, pages])].filter((n) => n >= 1 && n <= pages).sort((a, b) => a - b);
  const items: SafeHtml[] = [];
  shown.forEach((n, index) => {
    if (index > 0 && n - shown[index - 1] > 1) items.push(html`<li class="govuk-pagination__item govuk-pagination__item--ellipses">&ctdot;</li>`);
    items.push(
      n === current
        ? html`<li class="govuk-pagination__item govuk-pagination__item--current"><a class="govuk-link govuk-pagination__link" href="${pageHref(path, values, n)}" aria-label="Page ${n}" aria-current="page">${n}</a></li>`
        : html`<li class="govuk-pagination__item"><a class="govuk-link govuk-pagination__link" href="${pageHref(path, values, n)}" aria-label="Page ${n}">${n}</a></li>`,
    );
  });
  return html`<nav class="govuk-pagination ledger-no-print" aria-label="Pagination">
  ${current > 1 &&
  html`<div class="govuk-pagination__prev"><a class="govuk-link govuk-pagination__link" href="${pageHref(path, values, current - 1)}" rel="prev"><svg class="govuk-pagination__icon govuk-pagination__icon--prev" xmlns="http://www.w3.org/2000/svg" height="13" width="15" aria-hidden="true" focusable="false" viewBox="0 0 15 13"><path d="m6.5938-0.0078125-6.7266 6.7266 6.7441 6.4062 1.377-1.449-4.1856-3.9768h12.896v-2h-12.984l4.2931-4.293-1.414-1.414z"></path></svg><span class="govuk-pagination__link-title">Previous<span class="govuk-visually-hidden"> page</span></span></a></div>`}
  <ul class="govuk-pagination__list">${items}</ul>
  ${current < pages &&
  html`<div class="govuk-pagination__next"><a class="govuk-link govuk-pagination__link" href="${pageHref(path, values, current + 1)}" rel="next"><span class="govuk-pagination__link-title">Next<span class="govuk-visually-hidden"> page</span></span><svg class="govuk-pagination__icon govuk-pagination__icon--next" xmlns="http://www.w3.org/2000/svg" height="13" width="15" aria-hidden="true" focusable="false" viewBox="0 0 15 13"><path d="m8.107-0.0078125-1.4136 1.414 4.2926 4.293h-12.986v2h12.896l-4.1855 3.9766 1.377 1.4492 6.7441-6.4062-6.7246-6.7266z"></path></svg></a></div>`}
</nav>`;
}
