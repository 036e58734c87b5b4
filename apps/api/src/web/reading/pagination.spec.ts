import { pageHref, pagination, showing } from './pagination';

describe('paging a list on the reading pages', () => {
  const filters = { status: 'InProgress', owner: 'Head of <Public> Protection', overdue: '', page: '3', atLeast: '42' };

  it('keeps the filters in the links to other pages, leaving out empty ones, the page number for page 1, and a one-off position', () => {
    expect(pageHref('/register', filters, 1)).toBe('/register?status=InProgress&owner=Head+of+%3CPublic%3E+Protection');
    expect(pageHref('/register', filters, 4)).toBe('/register?status=InProgress&owner=Head+of+%3CPublic%3E+Protection&page=4');
    expect(pageHref('/register', {}, 1)).toBe('/register');
  });

  it('shows no pagination for a single page', () => {
    expect(pagination('/register', {}, 25, 0)).toBe(false);
  });

  it('links previous and next, the first and last pages and those beside the current one, with ellipses between', () => {
    const nav = (pagination('/register', { status: 'Closed' }, 260, 125) as { value: string }).value;
    expect([...nav.matchAll(/aria-label="Page (\d+)"/g)].map((match) => Number(match[1]))).toEqual([1, 5, 6, 7, 11]);
    expect(nav).toContain('<a class="govuk-link govuk-pagination__link" href="/register?status=Closed&amp;page=6" aria-label="Page 6" aria-current="page">6</a>');
    expect(nav.match(/govuk-pagination__item--ellipses/g)).toHaveLength(2);
    expect(nav).toContain('href="/register?status=Closed&amp;page=5" rel="prev"');
    expect(nav).toContain('href="/register?status=Closed&amp;page=7" rel="next"');
    expect(nav).toContain('<nav class="govuk-pagination ledger-no-print" aria-label="Pagination">');
  });

  it('has no previous link on the first page and no next link on the last', () => {
    const first = (pagination('/register', {}, 60, 0) as { value: string }).value;
    expect(first).not.toContain('rel="prev"');
    expect(first).toContain('href="/register?page=2" rel="next"');
    const last = (pagination('/register', {}, 60, 50) as { value: string }).value;
    expect(last).toContain('href="/register?page=2" rel="prev"');
    expect(last).not.toContain('rel="next"');
  });

  it('says which rows are shown', () => {
    expect(showing(60, 25, 25, 'findings').value).toBe('<p class="govuk-body">Showing <strong>26</strong> to <strong>50</strong> of <strong>60</strong> findings</p>');
    expect(showing(0, 0, 0, 'findings').value).toBe('<p class="govuk-body">No findings match.</p>');
    expect(showing(60, 100, 0, 'findings').value).toBe('<p class="govuk-body">There are 60 findings, none of them on this page.</p>');
  });
});
