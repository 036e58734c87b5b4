import type { Page, PageRequest } from '@ledger/projections/read-models';
import { MAX_LIMIT } from '../../read-models/query-params';

/** Every item of a paged query, a page of the largest size at a time: a chart counts them all. */
export function readAll<T>(query: (page: PageRequest) => Page<T>): T[] {
  const items: T[] = [];
  for (let offset = 0; ; offset += MAX_LIMIT) {
    const page = query({ limit: MAX_LIMIT, offset });
    items.push(...page.items);
    if (page.items.length === 0 || offset + page.items.length >= page.total) return items;
  }
}
