import type { FilterForm } from '../components/fields';
import type { Table } from '../components/inline';
import type { PaginationParams, Showing } from './pagination';
import type { ReadingPage } from './reading-page';

/** A list page (`reading/list.njk`): its filters, then how many match, the tables of this page of them, and the pages. */
export interface ListPage extends ReadingPage {
  filters: FilterForm;
  list?: { showing: Showing; tables: Table[]; pagination: PaginationParams | null };
}
