import type { Table } from '../components/inline';

/**
 * A chart as `charts/charts.njk` shows it: its caption, the SVG drawn on the server, and the
 * same numbers as a table beside it, which is the chart's accessible alternative and what a
 * reader who would rather read gets.
 */
export interface Chart {
  /** What the chart shows, in words: its caption and the SVG's accessible name. */
  caption: string;
  /** SVG markup from `svgChart`. */
  svg: string;
  /** The chart's numbers. */
  table: Table;
  id: string;
}
