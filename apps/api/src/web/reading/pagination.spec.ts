import { renderString } from '../layout/render';
import { pageHref, pagination, showing, type PaginationParams, type Showing } from './pagination';

/** As a page shows them: through GOV.UK's pagination macro and the templates' `showing`. */
const nav = (params: PaginationParams | null) => renderString('{% from "govuk/components/pagination/macro.njk" import govukPagination %}{{ govukPagination(p) }}', { p: params });
const said = (s: Showing) => renderString('{% from "components/ledger.njk" import showing %}{{ showing(s) }}', { s }).trim();

describe('paging a list on the reading pages', () => {
  const filters = { status: 'InProgress', owner: 'Head of <Public> Protection', overdue: '', page: '3', atLeast: '42' };

  it('keeps the filters in the links to other pages, leaving out empty ones, the page number for page 1, and a one-off position', () => {
    expect(pageHref('/register', filters, 1)).toBe('/register?status=InProgress&owner=Head+of+%3CPublic%3E+Protection');
    expect(pageHref('/register', filters, 4)).toBe('/register?status=InProgress&owner=Head+of+%3CPublic%3E+Protection&page=4');
    expect(pageHref('/register', {}, 1)).toBe('/register');
  });

  it('shows no pagination for a single page', () => {
    expect(pagination('/register', {}, 25, 0)).toBeNull();
  });

  it('links previous and next, the first and last pages and those beside the current one, with ellipses between', () => {
    const html = nav(pagination('/register', { status: 'Closed' }, 260, 125));
    expect([...html.matchAll(/aria-label="Page (\d+)"/g)].map((match) => Number(match[1]))).toEqual([1, 5, 6, 7, 11]);
    expect(html).toMatch(/href="\/register\?status=Closed&amp;page=6" aria-label="Page 6" aria-current="page"/);
    expect(html.match(/govuk-pagination__item--ellipsis/g)).toHaveLength(2);
    expect(html).toMatch(/href="\/register\?status=Closed&amp;page=5" rel="prev"/);
    expect(html).toMatch(/href="\/register\?status=Closed&amp;page=7" rel="next"/);
    expect(html).toContain('class="govuk-pagination ledger-no-print"');
  });

  it('has no previous link on the first page and no next link on the last', () => {
    const first = nav(pagination('/register', {}, 60, 0));
    expect(first).not.toContain('rel="prev"');
    expect(first).toContain('href="/register?page=2" rel="next"');
    const last = nav(pagination('/register', {}, 60, 50));
    expect(last).toContain('href="/register?page=2" rel="prev"');
    expect(last).not.toContain('rel="next"');
  });

  it('says which rows are shown', () => {
    expect(said(showing(60, 25, 25, 'findings'))).toBe('<p class="govuk-body">Showing <strong>26</strong> to <strong>50</strong> of <strong>60</strong> findings</p>');
    expect(said(showing(0, 0, 0, 'findings'))).toBe('<p class="govuk-body">No findings match.</p>');
    expect(said(showing(60, 100, 0, 'findings'))).toBe('<p class="govuk-body">There are 60 findings, none of them on this page.</p>');
  });
});
